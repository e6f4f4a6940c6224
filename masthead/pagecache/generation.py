"""The content generation: one number that says which stored pages are current.

It is kept in the shared cache (Redis, or the file cache that all workers
on one machine share). Every change readers could see starts a new one
(``bump``; signal_handlers.py says when), and every stored page is keyed
by it, so the next request after a change renders afresh, on every worker
and every server that shares the cache. The generation also carries the
time of the next scheduled article: once that time has come the
generation moves on by itself, so a scheduled article appears on time
with no job to run.

This machine's page files (files.py) follow the generation: every
generation started here or found in the shared cache is handed to
``files.sync``.
"""

import uuid
from dataclasses import dataclass

from django.core.cache import cache
from django.utils import timezone

from masthead.articles.models import Article
from masthead.lib.cache import is_away, outages_seen
from masthead.lib.generations import NO_GENERATION

from . import files, local, purge, replicas

GENERATION_KEY = "pagecache:generation"


@dataclass
class Generation:
    # A random token, not a counter: two workers bumping at once must never
    # land on the same generation (a counter read and written back could).
    number: str
    started: float  # time.time() of the bump: the pages' Last-Modified
    # When the public pages next change by themselves: a scheduled article
    # goes live, a front-page pin lapses, breaking news ends.
    next_publish: float | None
    # The primary database's write position when it began (PostgreSQL with
    # read replicas): a replica serves its pages once it has replayed that
    # far (replicas.py).
    wal_position: str | None = None


def _next_publish() -> float | None:
    upcoming = Article.objects.next_change_time()
    return upcoming.timestamp() if upcoming else None


def _stored() -> Generation | None:
    generation = cache.get(GENERATION_KEY)
    return generation if isinstance(generation, Generation) else None


def bump(changed: set[str] | None = None) -> Generation:
    """Start a new content generation: every stored page is out of date.
    The front caches (purge.py) drop the pages with the content tags in
    ``changed``: every page when it is None (a change that sent no
    signal: an import, a restore), none when it is empty (a generation
    begun by time, or by the cache coming back)."""
    now = timezone.now().timestamp()
    generation = Generation(
        number=uuid.uuid4().hex,
        started=now,
        next_publish=_next_publish(),
        wal_position=replicas.primary_write_position(),
    )
    cache.set(GENERATION_KEY, generation, timeout=None)
    local.forget(generation)
    # The files follow the generation the shared cache holds now, which is
    # another one when a change elsewhere started a newer one meanwhile;
    # this one when the cache is away (a change still replaces the files).
    files.sync(_stored() or generation)
    purge.purge(changed)
    return generation


# The cache outages this process had seen when it last asked for the generation.
_outages_seen = 0


def current_generation() -> Generation:
    global _outages_seen
    generation = _stored()
    if is_away():
        return _generation_without_cache()
    if outages_seen() != _outages_seen:
        # The cache is back, and a change made while it was away may not
        # have reached it (nor the page files of another worker).
        _outages_seen = outages_seen()
        return bump(set())
    if generation is None:
        return bump(set())
    due = generation.next_publish
    if due is not None and timezone.now().timestamp() >= due:
        # A scheduled article has just gone live (or a pin or breaking news ended).
        return bump(set())
    # A change on another machine started it: this machine's files follow.
    files.follow(generation)
    return generation


def _generation_without_cache() -> Generation:
    """The generation while the shared cache is away: nothing is stored in
    it, and no request starts a generation of its own (a change still does,
    through ``bump``). With page files on, it is the generation of the
    files on this machine, so that the front end keeps serving them and
    this machine's workers keep adding the pages they render live."""
    base = files.root()
    if base is None:
        return Generation(
            number=NO_GENERATION, started=timezone.now().timestamp(), next_publish=None
        )
    marker = files.current_marker(base)
    if marker is None:
        return bump(set())  # no files yet: start their generation
    number, started = marker
    return Generation(number=number, started=started, next_publish=_next_publish())
