"""The index follows every write path (desk, admin, importers, shell), as
the page cache does (pagecache/signal_handlers.py says why signals).

An article's own changes are indexed when their transaction commits, all
of a transaction's articles at once. A change to a name shown on many
articles (an author's, a tag's, a section's) queues a job that indexes
them again.
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from masthead.articles.models import Article, ArticleAuthor
from masthead.lib.transactions import once_on_commit
from masthead.people.models import Author
from masthead.sections.models import Section, Tag

from .indexing import index_articles, reindex_articles


def register_signal_handlers() -> None:
    post_save.connect(article_changed, sender=Article, dispatch_uid="search-article")
    post_delete.connect(article_changed, sender=Article, dispatch_uid="search-article-d")
    post_save.connect(byline_changed, sender=ArticleAuthor, dispatch_uid="search-byline")
    post_delete.connect(byline_changed, sender=ArticleAuthor, dispatch_uid="search-byline-d")
    m2m_changed.connect(tags_changed, sender=Article.tags.through, dispatch_uid="search-tags")
    for model, field in ((Author, "authors"), (Tag, "tags"), (Section, "section")):
        post_save.connect(
            _names_changed(field), sender=model, dispatch_uid=f"search-names-{model.__name__}"
        )


def article_changed(sender, instance, using=None, **kwargs):
    changed(instance.pk, using)


def byline_changed(sender, instance, using=None, **kwargs):
    changed(instance.article_id, using)


def tags_changed(sender, instance, action, reverse, pk_set, using=None, **kwargs):
    if not action.startswith("post_"):
        return
    if reverse:  # tag.articles.add(…): the articles are pk_set
        for pk in pk_set or ():
            changed(pk, using)
    else:
        changed(instance.pk, using)


def _names_changed(field: str):
    def names_changed(sender, instance, created=False, using=None, **kwargs):
        if created:
            return

        def enqueue():
            ids = list(Article.objects.filter(**{field: instance}).values_list("pk", flat=True))
            if ids:
                reindex_articles.enqueue(ids)

        transaction.on_commit(enqueue, using=using)

    return names_changed


def changed(article_id, using=None) -> None:
    """Index ``article_id`` when the transaction commits (at once outside
    one), with the transaction's other changed articles."""
    if article_id is None:
        return
    queued = getattr(transaction.get_connection(using), "search_queued", None)
    if queued is not None:  # inside indexing.queued(): the job queue indexes them
        queued.add(article_id)
        return
    once_on_commit("search_pending", article_id, index_articles, using=using)
