"""Keeping the search index in step with the articles.

Every article is indexed, in every state: the desk searches drafts too;
readers' searches keep to ``Article.objects.public()``. The index follows
each save at the end of its transaction (signal_handlers.py), in the same
request, so that a published article can be found at once. Renaming an
author, a tag or a section changes many articles' rows: that goes through
the job queue (``reindex_articles``).
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.db import transaction
from django.db.models import Prefetch

from masthead.articles.models import Article
from masthead.lib.jobs import job
from masthead.people.models import Author
from masthead.sections.models import Tag

from .backends import document, engine
from .models import IndexRow

BATCH = 200
INDEXED_FIELDS = (
    "language", "kicker", "headline", "standfirst", "body", "slug", "section__names"
)  # fmt: skip


def _articles(ids: Iterable[int] | None = None):
    # Only what backends.document() reads: a rebuild spent a third of its
    # time making whole articles, bylines and tags.
    articles = (
        Article.objects.select_related("section")
        .only(*INDEXED_FIELDS)
        .prefetch_related(
            Prefetch("authors", Author.objects.only("name")),
            Prefetch("tags", Tag.objects.only("name")),
        )
    )
    if ids is not None:
        articles = articles.filter(pk__in=list(ids))
    return articles.order_by("pk")


def index_articles(ids: Iterable[int]) -> None:
    """Index (again) the articles ``ids``; those that are gone leave the index."""
    ids = set(ids)
    if not ids:
        return
    articles = list(_articles(ids))
    with transaction.atomic():
        engine().index([document(article) for article in articles])
        engine().remove(sorted(ids - {article.pk for article in articles}))


@contextmanager
def queued(using: str | None = None) -> Iterator[None]:
    """Inside it, in a transaction, the articles saved are indexed by the
    job queue once it commits (``reindex_articles``, ``BATCH`` at a time),
    not at the commit in the same process: for a bulk import of thousands
    of articles, which would otherwise spend most of its time, and hold
    its transaction open, analysing their words (issue 15: 50 ms an
    article). Nothing is queued when the transaction rolls back."""
    connection = transaction.get_connection(using)
    outer = getattr(connection, "search_queued", None)
    ids: set[int] = set()
    connection.search_queued = ids
    try:
        yield
    finally:
        connection.search_queued = outer
    if outer is not None:
        outer.update(ids)
        return
    batches = [sorted(ids)[i : i + BATCH] for i in range(0, len(ids), BATCH)]
    for batch in batches:
        transaction.on_commit(lambda batch=batch: reindex_articles.enqueue(batch), using=using)


def rebuild() -> Iterator[int]:
    """Index every article again, in batches of ``BATCH``, each in its own
    transaction (searching goes on meanwhile, against rows of the old index
    or the new). Yields the number indexed so far, for a progress bar."""
    done, last = 0, 0
    while True:
        batch = list(_articles().filter(pk__gt=last)[:BATCH])
        if not batch:
            break
        with transaction.atomic():
            engine().index([document(article) for article in batch])
        done, last = done + len(batch), batch[-1].pk
        yield done
    # Rows of articles deleted without signals (a raw DELETE, a restore).
    existing = set(Article.objects.values_list("pk", flat=True))
    with transaction.atomic():
        indexed = set(IndexRow.objects.values_list("pk", flat=True))
        engine().remove(sorted(indexed - existing))
    engine().optimize()


@job()
def reindex_articles(ids: list[int]) -> None:
    """Index these articles again (after a rename of their authors, tags or
    section)."""
    for start in range(0, len(ids), BATCH):
        index_articles(ids[start : start + BATCH])
