from django.apps import AppConfig
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save


class CoreConfig(AppConfig):
    name = "masthead.core"
    label = "core"
    verbose_name = "Masthead"

    def ready(self):
        from . import lookups

        lookups.register()

        # Any change to what readers can see starts a new content generation
        # of the page cache. Signals rather than calls in each service: every
        # write path (desk, admin, importers, shell) must invalidate, and a
        # forgotten call would serve stale pages. Bulk loaders, which send no
        # signals, call pagecache.bump() themselves.
        from masthead.articles.models import Article, ArticleAuthor, Correction, SlugRedirect
        from masthead.people.models import Author
        from masthead.sections.models import Section, Tag

        for model in (Article, ArticleAuthor, Correction, SlugRedirect, Author, Section, Tag):
            post_save.connect(content_changed, sender=model, dispatch_uid=f"pagecache-{model}")
            post_delete.connect(content_changed, sender=model, dispatch_uid=f"pagecache-d-{model}")
        m2m_changed.connect(
            content_changed, sender=Article.tags.through, dispatch_uid="pagecache-tags"
        )


def content_changed(**kwargs):
    from .pagecache import bump

    transaction.on_commit(bump)
