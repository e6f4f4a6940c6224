"""The write path for articles. Views and admin actions call these; each
function owns its transaction, so nothing is ever half-saved."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from masthead.lib.html import sanitize
from masthead.lib.text import make_slug
from masthead.people.models import Author
from masthead.sections.models import Tag

from .models import Article, ArticleAuthor, Correction, SlugRedirect

# Changing one of these on a public article sets its "updated" time.
READER_FIELDS = ("headline", "standfirst", "body", "image_alt", "image_caption")


def slug_is_free(language: str, slug: str, article: Article | None = None) -> bool:
    """True when no other article of ``language`` uses ``slug``, now or before."""
    pk = article.pk if article else None
    taken = Article.objects.filter(language=language, slug=slug).exclude(pk=pk).exists()
    redirected = (
        SlugRedirect.objects.filter(language=language, slug=slug).exclude(article_id=pk).exists()
    )
    return not (taken or redirected)


def unique_slug(language: str, text: str, article: Article | None = None) -> str:
    """A free slug for ``language`` made from ``text``: "wahl", "wahl-2", …"""
    base = make_slug(text, max_length=190)
    slug, n = base, 1
    while not slug_is_free(language, slug, article):
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def save_article(
    article: Article,
    *,
    authors: Iterable[Author],
    tags: Iterable[Tag] = (),
    user=None,
) -> Article:
    """Save ``article`` with its byline (in the given order) and tags.

    The body is sanitised; a changed slug keeps redirecting from the old
    one; a change readers can see on a public article sets its "updated"
    time; publishing without a time publishes now.
    """
    now = timezone.now()
    article.body = sanitize(article.body)  # before comparing with the stored body
    if not article.slug:
        article.slug = unique_slug(article.language, article.headline, article)
    if article.status == Article.Status.PUBLISHED and article.publish_at is None:
        article.publish_at = now

    if article.pk:
        before = Article.objects.select_for_update().get(pk=article.pk)
        if before.slug != article.slug or before.language != article.language:
            SlugRedirect.objects.update_or_create(
                language=before.language, slug=before.slug, defaults={"article": article}
            )
        if before.is_public and any(
            getattr(before, f) != getattr(article, f) for f in READER_FIELDS
        ):
            article.updated_at = now
    else:
        article.created_by = article.created_by or user
    # A slug that is used again stops redirecting elsewhere.
    SlugRedirect.objects.filter(language=article.language, slug=article.slug).delete()
    article.full_clean(exclude=["authors", "tags", "body"])
    article.save()

    article.tags.set(tags)
    ArticleAuthor.objects.filter(article=article).delete()
    ArticleAuthor.objects.bulk_create(
        ArticleAuthor(article=article, author=author, position=i)
        for i, author in enumerate(authors)
    )
    return article


@transaction.atomic
def publish(article: Article, at=None) -> Article:
    """Publish ``article`` now, or schedule it for ``at``."""
    article.status = Article.Status.PUBLISHED
    article.publish_at = at or article.publish_at or timezone.now()
    article.save(update_fields=["status", "publish_at", "modified_at"])
    return article


@transaction.atomic
def unpublish(article: Article) -> Article:
    article.status = Article.Status.DRAFT
    article.save(update_fields=["status", "modified_at"])
    return article


@transaction.atomic
def add_correction(article: Article, text: str, user=None) -> Correction:
    """Append a dated correction note; the article counts as updated."""
    now = timezone.now()
    correction = Correction.objects.create(
        article=article, text=text.strip(), created_at=now, created_by=user
    )
    if article.is_public:
        article.updated_at = now
        article.save(update_fields=["updated_at", "modified_at"])
    return correction


@transaction.atomic
def translate(source: Article, language: str, user=None) -> Article:
    """Create the ``language`` version of ``source``'s story as a draft,
    prefilled from the source so that the translator replaces text in place.

    If that version exists already, it is returned unchanged.
    """
    existing = Article.objects.filter(
        translation_key=source.translation_key, language=language
    ).first()
    if existing:
        return existing
    draft = Article(
        translation_key=source.translation_key,
        language=language,
        headline=source.headline,
        slug=unique_slug(language, source.headline),
        standfirst=source.standfirst,
        body=source.body,
        excerpt=source.excerpt,
        section=source.section,
        image=source.image.name if source.image else "",
        image_alt=source.image_alt,
        image_caption=source.image_caption,
        image_credit=source.image_credit,
        status=Article.Status.DRAFT,
        created_by=user,
    )
    tag_slugs = [tag.slug for tag in source.tags.all()]
    tags = Tag.objects.filter(language=language, slug__in=tag_slugs)
    return save_article(draft, authors=source.byline_authors, tags=tags, user=user)
