"""Any change to what readers can see starts a new content generation.

Signals rather than calls in each service: every write path (desk, admin,
importers, shell) must invalidate, and a forgotten call would serve stale
pages. Bulk loaders, which send no signals, call ``generation.bump()``
themselves. The content apps know nothing of the page cache; it listens
to them.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from masthead.articles.models import (
    Article,
    ArticleAuthor,
    BodyImage,
    Correction,
    FrontPageSlot,
    SlugRedirect,
)
from masthead.lib import tags
from masthead.lib.generations import forget
from masthead.lib.transactions import once_on_commit
from masthead.media.models import Image, Rendition
from masthead.people.models import Author
from masthead.sections.models import Section, Tag

from .generation import bump
from .purge import ANY_LANGUAGE

# The models whose rows readers see on cached pages. Image: the pages show
# a picture's alt text, caption and credit from the library, so editing
# them there changes pages. Renditions too: a page cached while they were
# being made names the original until it changes (the rendition job stores
# an image's renditions in one transaction: one new generation).
CONTENT_MODELS = (
    Article,
    ArticleAuthor,
    BodyImage,
    Correction,
    FrontPageSlot,
    SlugRedirect,
    Author,
    Section,
    Tag,
    Image,
    Rendition,
)


def register_signal_handlers() -> None:
    for model in CONTENT_MODELS:
        post_save.connect(content_changed, sender=model, dispatch_uid=f"pagecache-{model}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"pagecache-d-{model}")
    m2m_changed.connect(content_changed, sender=Article.tags.through, dispatch_uid="pagecache-tags")
    pre_save.connect(remember_lists, sender=Article, dispatch_uid="pagecache-lists")


# What decides which lists show an article, and where: a change to any of
# them may add it to pages that do not show it yet, or take it off pages
# that do. Any other change (the headline, the body, the slug, pictures)
# changes only the pages that show it, and they carry its tag.
LIST_FIELDS = ("status", "publish_at", "language", "section_id", "breaking_until")


def remember_lists(sender, instance, raw=False, **kwargs):
    """Before an article is saved: what its row says of its lists now."""
    if raw or instance.pk is None:
        return
    instance._lists_before = (
        Article.objects.filter(pk=instance.pk).values_list(*LIST_FIELDS).first()
    )


def content_changed(sender, instance=None, action=None, pk_set=None, using=None, **kwargs):
    """Start a new generation once the change is committed: once per
    transaction, however many rows it changes (an article save with its
    tags and bylines sends a dozen signals), and purge the tags of all the
    rows it changed from the front caches (purge.py). Outside a
    transaction every change is committed at once, and bumps at once."""
    if action is not None and not action.startswith("post_"):
        return  # m2m_changed's pre_add, pre_remove, pre_clear: nothing changed yet
    forget()  # what this process kept for the generation (lib/generations.py)
    changed = frozenset(tags_of_change(instance, pk_set))
    once_on_commit("pagecache_bump", changed, _bump, using=using)


def _bump(changes: set[frozenset[str]]) -> None:
    bump(set().union(*changes))


def tags_of_change(instance, pk_set=None) -> set[str]:
    """The content tags of the pages a change to ``instance`` may change
    (lib/tags.py; purge.py says why an article's are so many)."""
    if isinstance(instance, Article):
        if pk_set is None and _same_lists(instance):
            # Only the pages that show it, searches (it may match others
            # now) and the pages outside languages (sitemaps name no
            # article's tag, and the news sitemap shows headlines).
            return {
                tags.tag(tags.ARTICLE, instance.pk),
                search_tag(instance.language),
                ANY_LANGUAGE,
            }
        changed = _article_tags(instance)
        # Topics added to or removed from it (m2m_changed).
        changed |= {tags.tag(tags.TOPIC, pk) for pk in pk_set or ()}
        return changed
    if isinstance(instance, Tag):
        # A topic renamed, or articles added to it from its side.
        changed = {tags.tag(tags.TOPIC, instance.pk), tags.language_tag(instance.language)}
        articles = Article.objects.filter(pk__in=pk_set or ())
        for article in articles.only("pk", "language", "translation_key"):
            changed |= _article_tags(article)
        return changed
    if isinstance(instance, BodyImage | SlugRedirect):
        # Its pictures, an old address: the pages that show it.
        return {tags.tag(tags.ARTICLE, instance.article_id)}
    if isinstance(instance, ArticleAuthor | Correction | FrontPageSlot):
        article = (
            Article.objects.filter(pk=instance.article_id)
            .only("pk", "language", "translation_key")
            .first()
        )
        # Gone: the article was deleted with it, and its own signal counts.
        return _article_tags(article) if article else set()
    if isinstance(instance, Author):
        return {tags.tag(tags.AUTHOR, instance.pk)}
    if isinstance(instance, Section):
        return {tags.tag(tags.SECTION, instance.pk)}
    if isinstance(instance, Image):
        return {tags.tag(tags.IMAGE, instance.pk)}
    if isinstance(instance, Rendition):
        return {tags.tag(tags.IMAGE, instance.image_id)}
    return {tags.EVERY_PAGE}


def _same_lists(article: Article) -> bool:
    """True when a save left every field that places ``article`` in lists
    as it was (``remember_lists``); False for a new or deleted article."""
    before = getattr(article, "_lists_before", None)
    article._lists_before = None  # one save, one comparison
    if before is None or article._state.adding:
        return False
    return before == tuple(getattr(article, name) for name in LIST_FIELDS)


def search_tag(language: str) -> str:
    return tags.tag(tags.SEARCH, language)


def _article_tags(article: Article) -> set[str]:
    """A change to where ``article`` is listed: the pages of its language,
    those outside languages, and the pages of its versions in other
    languages (their language switcher gains or loses it)."""
    versions = Article.objects.filter(translation_key=article.translation_key)
    return {
        tags.tag(tags.ARTICLE, article.pk),
        tags.language_tag(article.language),
        ANY_LANGUAGE,
        *(tags.tag(tags.ARTICLE, pk) for pk in versions.values_list("pk", flat=True)),
    }
