"""Read replicas: readers' pages read from a PostgreSQL streaming replica,
everything else from the primary.

With ``DATABASE_REPLICA_URLS`` set (settings.py), each replica is a
database alias (``replica_1``, …) and ``ReplicaRouter`` is Django's
database router. A request reads from a replica only when all of these
hold (``ReplicaMiddleware``):

* it is a reader's: GET or HEAD, no session cookie (no one signed in:
  the desk, the admin and a signed-in editor's reader pages read from the
  primary), and not under the desk, the admin, previews, uploads or the
  content API (the page cache's ``PRIVATE_PREFIXES``);
* the replica has replayed the content generation the page is rendered
  in: every change starts a generation and records the primary's write
  position with it (pagecache/generation.py), so a page stored under a
  generation never shows what the replica had not caught up with yet. A
  replica behind it is skipped (the primary answers) until it catches
  up; a replica that does not answer is skipped too.

Within such a request, a write sends the rest of the request's reads to
the primary. Jobs, commands and migrations never use a replica (there is
no request); ``migrate`` runs on the primary only, and replication
brings the schema to the replicas.
"""

import logging
import random
from collections.abc import Callable
from contextvars import ContextVar

from django.conf import settings
from django.db import DatabaseError, connections
from django.http import HttpRequest, HttpResponse

from masthead.lib.generations import generation_of

logger = logging.getLogger(__name__)

# The replica the current request reads from; None: the primary.
_reading_from: ContextVar[str | None] = ContextVar("masthead_replica", default=None)


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith("replica_")]


class ReplicaRouter:
    def db_for_read(self, model: type, **hints: object) -> str | None:
        return _reading_from.get()  # None: Django's default, the primary

    def db_for_write(self, model: type, **hints: object) -> str:
        # After a write, the request reads what it wrote: from the primary.
        _reading_from.set(None)
        return "default"

    def allow_relation(self, obj1: object, obj2: object, **hints: object) -> bool:
        return True  # one database, copied

    def allow_migrate(
        self, db: str, app_label: str, model_name: str | None = None, **hints: object
    ) -> bool:
        return db == "default"


class ReplicaMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _reading_from.set(replica_for(request))
        try:
            return self.get_response(request)
        finally:
            _reading_from.reset(token)


def replica_for(request: HttpRequest) -> str | None:
    """The replica ``request`` may read from, or None for the primary."""
    from .middleware import PRIVATE_PREFIXES  # which imports this module

    aliases = replica_aliases()
    if (
        not aliases
        or request.method not in ("GET", "HEAD")
        or request.path.startswith(PRIVATE_PREFIXES)
        or settings.SESSION_COOKIE_NAME in request.COOKIES
    ):
        return None
    generation = generation_of(request)
    position = getattr(generation, "wal_position", None)
    if generation is None or position is None:
        return None  # the cache is away: which changes a page must show is unknown
    ready = [alias for alias in aliases if has_replayed(alias, position)]
    return random.choice(ready) if ready else None  # noqa: S311 (spreading load, not a secret)


def has_replayed(alias: str, position: str) -> bool:
    """Whether the replica ``alias`` answers and has replayed the primary's
    write ``position``. Asked on every reader's request that goes to the
    database (one round trip, a fraction of a millisecond): a replica that
    went away is noticed at once, and the primary answers instead."""
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [position])
            (replayed,) = cursor.fetchone()
    except DatabaseError as error:
        logger.warning("Replica %s does not answer (%s): reading from the primary.", alias, error)
        return False
    return bool(replayed)  # NULL: not a replica (a promoted one) — not to be read as one


def primary_write_position() -> str | None:
    """The primary's current write position, when there are replicas to
    compare it with (PostgreSQL); None otherwise."""
    if not replica_aliases():
        return None
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()::text")
        return cursor.fetchone()[0]
