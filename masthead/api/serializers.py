"""Plain functions from rows to the API's dicts (shapes in schemas.py).
They read only what the views prefetched: the views' query counts are
pinned in tests/test_queries.py."""

from django.utils import timezone

from masthead.articles.body import render_body
from masthead.articles.models import Article
from masthead.lib.i18n import pick
from masthead.lib.site import absolute_url


def status_of(article: Article) -> str:
    if article.status == Article.Status.PUBLISHED and article.publish_at > timezone.now():
        return "scheduled"
    return article.status


def _url(path: str | None) -> str | None:
    return absolute_url(path) if path else None


def section_ref(section, language: str) -> dict:
    return {
        "id": section.pk,
        "name": pick(section.names, language),
        "url": _url(section.url_in(language)),
    }


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


def article_summary(article: Article) -> dict:
    return {
        "id": article.pk,
        "language": article.language,
        "status": status_of(article),
        "version": article.version,
        "kicker": article.kicker,
        "headline": article.headline,
        "standfirst": article.standfirst,
        "teaser": article.teaser,
        "section": section_ref(article.section, article.language),
        "topics": [
            {"id": tag.pk, "name": tag.name, "slug": tag.slug} for tag in article.tags.all()
        ],
        "authors": [
            {"id": author.pk, "name": author.name, "slug": author.slug}
            for author in article.byline_authors
        ],
        "lead_image": image_data(article.lead_image) if article.lead_image else None,
        "published_at": article.publish_at,
        "updated_at": article.last_modified,
        "modified_at": article.modified_at,
        "url": absolute_url(article.get_absolute_url()),
    }


def article_data(article: Article, translations: list[Article]) -> dict:
    return {
        **article_summary(article),
        "body": str(render_body(article)),
        "translations": [
            {"id": t.pk, "language": t.language, "url": absolute_url(t.get_absolute_url())}
            for t in translations
        ],
        "corrections": [correction_data(c) for c in article.corrections.all()],
    }
