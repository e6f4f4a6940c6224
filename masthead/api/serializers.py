"""Plain functions from rows to the API's dicts (shapes in schemas.py).
They read only what the views prefetched: the views' query counts are
pinned in tests/test_queries.py."""

from urllib.parse import quote

from django.urls import reverse
from django.utils import timezone, translation

from masthead.articles.body import render_body
from masthead.articles.models import Article, ArticleAuthor
from masthead.lib.i18n import pick
from masthead.lib.site import absolute_url

_SLUG = "0slug0"


def status_of(article: Article) -> str:
    if article.status == Article.Status.PUBLISHED and article.publish_at > timezone.now():
        return "scheduled"
    return article.status


def _url(path: str | None) -> str | None:
    return absolute_url(path) if path else None


class Addresses:
    """The absolute addresses of a list's articles and sections, with one
    ``reverse()`` per language instead of one per item (a list of 100
    articles reversed 200 addresses)."""

    def __init__(self):
        self._articles: dict[str, str] = {}
        self._sections: dict[tuple[int, str], dict] = {}

    def article(self, article: Article) -> str:
        template = self._articles.get(article.language)
        if template is None:
            with translation.override(article.language):
                path = reverse("articles:detail", kwargs={"slug": _SLUG})
            template = self._articles[article.language] = absolute_url(path)
        # reverse() quotes a slug as quote() does: letters, digits, - and _
        # stay, other letters become UTF-8 percent escapes.
        return template.replace(_SLUG, quote(article.slug, safe=""), 1)

    def section(self, section, language: str) -> dict:
        key = (section.pk, language)
        if key not in self._sections:
            self._sections[key] = {
                "id": section.pk,
                "name": pick(section.names, language),
                "url": _url(section.url_in(language)),
            }
        return self._sections[key]


def load_relations(articles: list[Article]) -> None:
    """The bylines and topics of ``articles``, in one query each, as plain
    values (``api_authors``, ``api_topics``): no model instance per row."""
    ids = [a.pk for a in articles]
    authors: dict[int, list[dict]] = {pk: [] for pk in ids}
    topics: dict[int, list[dict]] = {pk: [] for pk in ids}
    if ids:
        bylines = (
            ArticleAuthor.objects.filter(article_id__in=ids)
            .order_by("article_id", "position")
            .values_list("article_id", "author_id", "author__name", "author__slug")
        )
        for article_id, pk, name, slug in bylines:
            authors[article_id].append({"id": pk, "name": name, "slug": slug})
        tags = (
            Article.tags.through.objects.filter(article_id__in=ids)
            .order_by("tag__name", "tag_id")
            .values_list("article_id", "tag_id", "tag__name", "tag__slug")
        )
        for article_id, pk, name, slug in tags:
            topics[article_id].append({"id": pk, "name": name, "slug": slug})
    for article in articles:
        article.api_authors = authors[article.pk]
        article.api_topics = topics[article.pk]


def section_data(section) -> dict:
    return {
        "id": section.pk,
        "parent": section.parent_id,
        "position": section.position,
        "names": section.names or {},
        "slugs": section.slugs or {},
        "urls": {code: _url(section.url_in(code)) for code in (section.slugs or {})},
    }


def topic_data(tag) -> dict:
    return {
        "id": tag.pk,
        "language": tag.language,
        "name": tag.name,
        "slug": tag.slug,
        "topic": tag.topic,
        "url": absolute_url(tag.get_absolute_url()),
    }


def author_data(author) -> dict:
    return {
        "id": author.pk,
        "name": author.name,
        "slug": author.slug,
        "bios": author.bios or {},
        "url": absolute_url(author.get_absolute_url()),
    }


def image_data(image) -> dict:
    return {
        "id": image.pk,
        "url": absolute_url(image.file.url),
        "width": image.width,
        "height": image.height,
        "file_size": image.file_size,
        "alt": image.alt or {},
        "caption": image.caption or {},
        "credit": image.credit,
        "source": image.source,
        "licence": image.licence,
        "focal_x": image.focal_x,
        "focal_y": image.focal_y,
        "uploaded_at": image.uploaded_at,
        "renditions": [
            {
                "url": absolute_url(r.file.url),
                "width": r.width,
                "height": r.height,
                "format": r.format,
                "crop": r.crop,
                "file_size": r.file_size,
            }
            for r in sorted(image.renditions.all(), key=lambda r: (r.crop, r.format, r.width))
        ],
    }


def correction_data(correction) -> dict:
    return {
        "id": correction.pk,
        "article": correction.article_id,
        "text": correction.text,
        "created_at": correction.created_at,
    }


def article_summary(article: Article, addresses: Addresses | None = None) -> dict:
    """One article of a list; ``load_relations`` read its bylines and topics."""
    addresses = addresses or Addresses()
    return {
        "id": article.pk,
        "language": article.language,
        "status": status_of(article),
        "version": article.version,
        "kicker": article.kicker,
        "headline": article.headline,
        "standfirst": article.standfirst,
        "teaser": article.teaser,
        "section": addresses.section(article.section, article.language),
        "topics": article.api_topics,
        "authors": article.api_authors,
        # A picture still to be fetched from another site is shown nowhere yet.
        "lead_image": (
            image_data(article.lead_image)
            if article.lead_image and article.lead_image.has_file
            else None
        ),
        "published_at": article.publish_at,
        "updated_at": article.last_modified,
        "modified_at": article.modified_at,
        "url": addresses.article(article),
    }


def article_data(article: Article, translations: list[Article]) -> dict:
    return {
        **article_summary(article, addresses := Addresses()),
        "body": str(render_body(article)),
        "translations": [
            {"id": t.pk, "language": t.language, "url": addresses.article(t)} for t in translations
        ],
        "corrections": [correction_data(c) for c in article.corrections.all()],
    }
