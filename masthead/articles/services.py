"""The write path for articles. Views and admin actions call these; each
function owns its transaction (rows, revision and audit entry are saved
together or not at all) and checks nothing about permissions: the caller
asks ``masthead.accounts.rules.can`` first.

States: draft → review → published (scheduled while the publish time is
to come) → unpublished; an editor can return any of them to draft.
"""

from collections.abc import Iterable
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

from masthead.audit.models import AuditEntry
from masthead.audit.services import record
from masthead.lib.html import sanitize
from masthead.lib.i18n import language_name
from masthead.lib.text import make_slug
from masthead.media.models import Image
from masthead.people.models import Author
from masthead.sections.models import Tag

from . import frontpage
from .body import image_ids
from .models import (
    Article,
    ArticleAuthor,
    Autosave,
    BodyImage,
    Correction,
    PreviewLink,
    Revision,
    SlugRedirect,
)
from .tokens import preview_tokens

Action = AuditEntry.Action

# Changing one of these on a public article sets its "updated" time.
READER_FIELDS = ("headline", "standfirst", "body", "lead_image_id")
# Besides headline, standfirst and body, a revision keeps these. (Revisions
# made before the media library hold "image_alt", "image_caption" and
# "image_credit" instead of "lead_image_id"; restoring one leaves the lead
# image as it is.)
REVISION_FIELDS = (
    "slug", "excerpt", "section_id", "lead_image_id",
    "kicker", "seo_title", "seo_description", "social_headline", "social_image_id",
)  # fmt: skip

PREVIEW_DAYS = 7


class StaleEdit(Exception):
    """The article changed since the editor opened it; their save would
    overwrite a colleague's work. ``current`` is the article as stored."""

    def __init__(self, current: Article):
        super().__init__(f"article {current.pk} is at version {current.version}")
        self.current = current


def slug_is_free(language: str, slug: str, article: Article | None = None) -> bool:
    """True when no other article of ``language`` uses ``slug``, now or before."""
    taken = Article.objects.filter(language=language, slug=slug)
    redirected = SlugRedirect.objects.filter(language=language, slug=slug)
    if article is not None and article.pk is not None:
        taken = taken.exclude(pk=article.pk)
        redirected = redirected.exclude(article_id=article.pk)
    return not (taken.exists() or redirected.exists())


def unique_slug(language: str, text: str, article: Article | None = None) -> str:
    """A free slug for ``language`` made from ``text``: "wahl", "wahl-2", …"""
    base = make_slug(text, max_length=190, language=language)
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
    expected_version: int | None = None,
    note: str = "",
    revision_fields: dict | None = None,
) -> Article:
    """Save ``article`` with its byline (in the given order) and tags, and
    keep a revision of it.

    ``expected_version`` is the version the editor started from: when the
    stored article has moved on, nothing is saved and :class:`StaleEdit` is
    raised. The body is sanitised; a changed slug keeps redirecting from the
    old one; a change readers can see on a public article sets its
    "updated" time; publishing without a time publishes now.
    """
    now = timezone.now()
    article.clean_text_fields()  # before comparing with the stored article
    article.body = sanitize(article.body)  # before comparing with the stored body
    chosen_slug = bool(article.slug)
    if not chosen_slug:
        article.slug = unique_slug(article.language, article.headline, article)
    if article.status == Article.Status.PUBLISHED and article.publish_at is None:
        article.publish_at = now

    created = article.pk is None
    before = None if created else Article.objects.select_for_update().get(pk=article.pk)
    if before is not None and expected_version is not None and before.version != expected_version:
        raise StaleEdit(before)
    moved = before is None or (before.language, before.slug) != (article.language, article.slug)
    if chosen_slug and moved and not slug_is_free(article.language, article.slug, article):
        # Taken now, or an old address of another article whose readers'
        # links would land here (the desk's form says so first).
        raise ValidationError(
            {
                "slug": ValidationError(
                    gettext(
                        "Another article in %(language)s uses this address, or used it "
                        "before. Choose a different one."
                    )
                    % {"language": language_name(article.language)},
                    code="slug_taken",
                )
            }
        )
    if before is not None:
        if _slug_follows_headline(before, article):
            article.slug = unique_slug(article.language, article.headline, article)
        elif before.slug != article.slug or before.language != article.language:
            SlugRedirect.objects.update_or_create(
                language=before.language, slug=before.slug, defaults={"article": article}
            )
        if before.is_public and any(
            getattr(before, f) != getattr(article, f) for f in READER_FIELDS
        ):
            article.updated_at = now
        article.version = before.version + 1
    else:
        article.created_by = article.created_by or user
    # A slug that is used again stops redirecting elsewhere.
    SlugRedirect.objects.filter(language=article.language, slug=article.slug).delete()
    article.full_clean(exclude=["authors", "tags", "body", "version"])
    article.save()

    tags, authors = list(tags), list(authors)
    article.tags.set(tags)
    # The byline rewritten only when it changed: a change to it changes the
    # authors' pages (the front caches purge more for it).
    byline = list(
        ArticleAuthor.objects.filter(article=article)
        .order_by("position")
        .values_list("author_id", flat=True)
    )
    if byline != [author.pk for author in authors]:
        ArticleAuthor.objects.filter(article=article).delete()
        ArticleAuthor.objects.bulk_create(
            ArticleAuthor(article=article, author=author, position=i)
            for i, author in enumerate(authors)
        )
    sync_body_images(article)
    _keep_revision(
        article,
        user,
        note,
        tag_ids=[t.pk for t in tags],
        author_ids=[a.pk for a in authors],
        extra=revision_fields,
    )
    if user is not None:  # the saver's copy from the browser is saved now
        Autosave.objects.filter(article=article, user=user).delete()
    record(user, Action.CREATE if created else Action.EDIT, article, version=article.version)
    return article


def _slug_follows_headline(before: Article, article: Article) -> bool:
    """A draft that was never published or scheduled keeps a slug made from
    its headline in step with the headline (a translation starts with the
    source's headline and slug), until someone sets the slug by hand or the
    article goes out. No old address to keep: nobody has seen it."""
    return (
        before.publish_at is None
        and before.status in (Article.Status.DRAFT, Article.Status.REVIEW)
        and article.slug == before.slug
        and article.headline != before.headline
        and before.slug.startswith(
            make_slug(before.headline, max_length=190, language=before.language)
        )
    )


def sync_body_images(article: Article) -> None:
    """List the images the body shows in ``BodyImage`` (and only those), in
    the caller's transaction. An id of an image that no longer exists is
    left out: the page shows nothing for it."""
    wanted = set(image_ids(article.body))
    if wanted:
        # Locked, so that the library cannot delete one of them before this
        # transaction has listed it (the delete then meets PROTECT).
        found = Image.objects.select_for_update().filter(pk__in=wanted).order_by("pk")
        wanted = set(found.values_list("pk", flat=True))
    listed = set(BodyImage.objects.filter(article=article).values_list("image_id", flat=True))
    if listed - wanted:
        BodyImage.objects.filter(article=article, image_id__in=listed - wanted).delete()
    BodyImage.objects.bulk_create(
        BodyImage(article=article, image_id=pk) for pk in sorted(wanted - listed)
    )


def _keep_revision(
    article: Article,
    user,
    note: str = "",
    *,
    tag_ids: list[int],
    author_ids: list[int],
    extra: dict | None = None,
) -> Revision:
    last = article.revisions.order_by("-number").values_list("number", flat=True).first()
    return Revision.objects.create(
        article=article,
        number=(last or 0) + 1,
        created_by=user if user is not None and user.is_authenticated else None,
        headline=article.headline,
        standfirst=article.standfirst,
        body=article.body,
        fields={
            **{f: getattr(article, f) for f in REVISION_FIELDS},
            "tags": sorted(tag_ids),
            "authors": author_ids,
            # For the comparison only (restoring leaves both as they are):
            # the publish time, and the alt text of every picture in the
            # article's language as it was at this save.
            "publish_at": article.publish_at.isoformat() if article.publish_at else None,
            "alt": _alt_texts(article),
            # What the caller adds (the translation desk: each segment's
            # state and who acted on it last).
            **(extra or {}),
        },
        note=note.strip()[:200],
    )


def _alt_texts(article: Article) -> dict[str, str]:
    """{image id: alt text in the article's language} of the lead image,
    the social image and the pictures of the body."""
    ids = {*image_ids(article.body), article.lead_image_id, article.social_image_id} - {None}
    if not ids:
        return {}
    images = Image.objects.filter(pk__in=ids).only("pk", "alt")
    return {str(image.pk): image.alt_for(article.language) for image in images}


def _set_status(article: Article, status: str, user, action: str, **fields) -> Article:
    article.status = status
    for name, value in fields.items():
        setattr(article, name, value)
    article.version += 1
    article.save(update_fields=["status", "version", "modified_at", *fields])
    record(user, action, article, version=article.version, **_details(fields))
    return article


def _details(fields: dict) -> dict:
    return {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in fields.items()}


@transaction.atomic
def submit_for_review(article: Article, user=None) -> Article:
    """Hand a draft to the editors."""
    return _set_status(article, Article.Status.REVIEW, user, Action.SUBMIT)


@transaction.atomic
def publish(article: Article, user=None, at=None) -> Article:
    """Publish ``article`` now, or schedule it for ``at``. A scheduled
    article becomes public at its time by itself: the public gate compares
    the publish time with the clock on every request."""
    publish_at = at or timezone.now()
    action = Action.SCHEDULE if publish_at > timezone.now() else Action.PUBLISH
    return _set_status(article, Article.Status.PUBLISHED, user, action, publish_at=publish_at)


@transaction.atomic
def unpublish(article: Article, user=None) -> Article:
    """Take a published (or scheduled) article off the site (and off the
    front page's pinned places and the breaking-news banner)."""
    frontpage.clear(article)
    return _set_status(article, Article.Status.UNPUBLISHED, user, Action.UNPUBLISH)


@transaction.atomic
def return_to_draft(article: Article, user=None) -> Article:
    """Send an article in review (or unpublished) back to its writer."""
    return _set_status(article, Article.Status.DRAFT, user, Action.RETURN)


@transaction.atomic
def add_correction(article: Article, text: str, user=None) -> Correction:
    """Append a dated correction note (what was wrong, and what is right);
    a public article counts as updated, so ``dateModified`` moves too."""
    now = timezone.now()
    correction = Correction.objects.create(
        article=article, text=text.strip(), created_at=now, created_by=user
    )
    if article.is_public:
        article.updated_at = now
        article.version += 1
        article.save(update_fields=["updated_at", "version", "modified_at"])
    record(user, Action.CORRECT, article, correction=correction.pk)
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
        kicker=source.kicker,
        headline=source.headline,
        slug=unique_slug(language, source.headline),
        standfirst=source.standfirst,
        body=source.body,
        excerpt=source.excerpt,
        seo_title=source.seo_title,
        seo_description=source.seo_description,
        social_headline=source.social_headline,
        section=source.section,
        # The same pictures; their alt text and caption in ``language`` are
        # the translator's to write (the form asks for the alt text).
        lead_image_id=source.lead_image_id,
        social_image_id=source.social_image_id,
        status=Article.Status.DRAFT,
        created_by=user,
    )
    # The versions of the source's tags in ``language`` (linked as one
    # topic, sections/models.py Tag.topic), else tags of the same slug.
    source_tags = list(source.tags.all())
    tags = Tag.objects.filter(language=language).filter(
        Q(topic__in=[tag.topic for tag in source_tags if tag.topic])
        | Q(slug__in=[tag.slug for tag in source_tags])
    )
    article = save_article(draft, authors=source.byline_authors, tags=tags, user=user)
    record(user, Action.TRANSLATE, article, source=source.pk)
    return article


@transaction.atomic
def restore_revision(revision: Revision, user=None) -> Article:
    """Bring back the text and fields of ``revision``. The restore is a new
    revision itself, so nothing is lost by restoring. A published article
    keeps its address: readers' links and search engines know it (changing
    it stays a deliberate edit of the slug)."""
    article = Article.objects.select_for_update().get(pk=revision.article_id)
    article.headline = revision.headline
    article.standfirst = revision.standfirst
    article.body = revision.body
    fields = revision.fields or {}
    kept = {"slug"} if article.status == Article.Status.PUBLISHED else set()
    for name in REVISION_FIELDS:
        if name in fields and name not in kept:
            setattr(article, name, fields[name])
    if (
        article.lead_image_id is not None
        and not Image.objects.filter(pk=article.lead_image_id).exists()
    ):
        # The image was deleted from the library since (it was unused then).
        article.lead_image_id = None
    if (
        article.social_image_id is not None
        and not Image.objects.filter(pk=article.social_image_id).exists()
    ):
        article.social_image_id = None
    if not slug_is_free(article.language, article.slug, article):
        article.slug = unique_slug(article.language, article.headline, article)
    authors = list(Author.objects.filter(pk__in=fields.get("authors", [])))
    authors.sort(key=lambda a: fields["authors"].index(a.pk))
    save_article(
        article,
        authors=authors or article.byline_authors,
        tags=Tag.objects.filter(pk__in=fields.get("tags", []), language=article.language),
        user=user,
        note=f"restored #{revision.number}",
    )
    record(user, Action.RESTORE, article, revision=revision.number)
    return article


def autosave(article: Article, user, data: dict, base_version: int) -> Autosave:
    """Keep the editor's unsaved form as a safety copy (one per editor and
    article). Not a revision, not audited: it is nobody's decision yet."""
    now = timezone.now()
    copy, _ = Autosave.objects.update_or_create(
        article=article,
        user=user,
        defaults={"data": data, "base_version": base_version, "saved_at": now, "seen_at": now},
    )
    return copy


@transaction.atomic
def share_preview(article: Article, user=None, days: int = PREVIEW_DAYS) -> tuple[PreviewLink, str]:
    """Create a preview link valid for ``days``; returns it and its token
    (the part of the address that proves it, masthead.articles.tokens):
    the same token the editor page shows for the link."""
    link = PreviewLink.objects.create(
        article=article, created_by=user, expires_at=timezone.now() + timedelta(days=days)
    )
    record(user, Action.PREVIEW_LINK, article, link=link.pk, expires=link.expires_at.isoformat())
    return link, preview_tokens.make_token(link)


@transaction.atomic
def revoke_preview(link: PreviewLink, user=None) -> PreviewLink:
    link.revoked_at = timezone.now()
    link.save(update_fields=["revoked_at"])
    record(user, Action.REVOKE_LINK, link.article, link=link.pk)
    return link


@transaction.atomic
def delete_article(article: Article, user=None) -> None:
    """Delete ``article``; its audit entries stay."""
    record(user, Action.DELETE, article)
    article.delete()
