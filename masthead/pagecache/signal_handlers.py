"""Any change to what readers can see starts a new content generation.

Signals rather than calls in each service: every write path (desk, admin,
importers, shell) must invalidate, and a forgotten call would serve stale
pages. Bulk loaders, which send no signals, call ``generation.bump()``
themselves. The content apps know nothing of the page cache; it listens
to them.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from masthead.articles.models import (
    Article,
    ArticleAuthor,
    BodyImage,
    Correction,
    FrontPageSlot,
    SlugRedirect,
)
from masthead.lib.generations import forget
from masthead.lib.transactions import once_on_commit
from masthead.media.models import Image, Rendition
from masthead.people.models import Author
from masthead.sections.models import Section, Tag

from .generation import bump

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


def content_changed(sender, action=None, using=None, **kwargs):
    """Start a new generation once the change is committed: once per
    transaction, however many rows it changes (an article save with its
    tags and bylines sends a dozen signals). Outside a transaction every
    change is committed at once, and bumps at once."""
    if action is not None and not action.startswith("post_"):
        return  # m2m_changed's pre_add, pre_remove, pre_clear: nothing changed yet
    forget()  # what this process kept for the generation (lib/generations.py)
    once_on_commit("pagecache_bump", None, lambda _: bump(), using=using)
