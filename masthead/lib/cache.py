"""The shared cache (Redis), and what Masthead does while it is away.

The cache makes Masthead fast; it never decides what is right. So when
Redis does not answer, ``FailSafeRedisCache`` behaves like an empty cache
that keeps nothing, instead of raising into every request: ``get`` gives
the default, ``set`` stores nothing, ``add`` and ``delete`` say False,
``incr`` finds no key. Pages then render from the database, sessions load
from it (``cached_db``), and the page cache starts no generations of its
own (see masthead/pagecache/generation.py).

* **No wait per request.** After a failure the process does not ask Redis
  again for ``RETRY_SECONDS``: in that time every operation answers at
  once, as a miss. Then one request tries again. Connecting and reading
  time out after a fraction of a second (``socket_connect_timeout``,
  ``socket_timeout``), so a Redis that hangs costs no more than one that
  refuses.
* **One warning a minute.** Each process logs that the cache is away at
  most once per ``REPORT_SECONDS`` (with the number of operations that went
  without it), and once that it answers again: a log line per request
  would bury everything else.
* **Nothing comes back that should not.** A write that could not reach
  Redis means Redis may still hold the value it replaced (a session ended
  at sign-out, an old page generation), and a Redis that kept its data
  (a network outage, a restart from its snapshot) would serve it again.
  So the keys of failed writes are remembered, and deleted before anything
  else is asked of Redis when it answers again.

The state is per process and per server, shared by the threads of the
process (Django gives each thread its own backend instance).
"""

import functools
import logging
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar, cast
from urllib.parse import urlsplit

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# What "Redis is away" looks like: refused, reset, unreachable, timed out,
# still loading its data after a restart (BusyLoadingError is a
# ConnectionError). Other errors are mistakes in Masthead and still raise.
AWAY = (RedisConnectionError, RedisTimeoutError)
# Keys of failed writes remembered per process and server; past this many
# the rest cannot be undone and the log says so.
MAX_UNDONE = 10_000
_MISSING = object()


class Outage:
    """What one process knows about one cache server being away."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.away_since: float | None = None  # time.monotonic()
        self.retry_at = 0.0
        self.reported_at: float | None = None
        self.reported = False  # this outage was logged (so its end is too)
        self.missed = 0  # operations without the cache since the last report
        self.count = 0  # outages this process has seen
        self.unwritten: set[str] = set()  # keys whose writes did not reach Redis
        self.overflow = False


T = TypeVar("T")
D = TypeVar("D")

_outages: dict[tuple, Outage] = {}
_outages_lock = threading.Lock()


def _describe(servers: Iterable[str]) -> str:
    """The servers without passwords, for the log."""
    parts = []
    for server in servers:
        url = urlsplit(server)
        parts.append(f"{url.scheme}://{url.hostname}:{url.port or 6379}{url.path}")
    return ", ".join(parts)


class FailSafeRedisCache(RedisCache):
    """Django's Redis cache, which answers as an empty cache while Redis is
    away instead of raising (see the module's docstring).

    ``OPTIONS`` may set ``RETRY_SECONDS`` (default 5) and ``REPORT_SECONDS``
    (default 60); the rest go to redis-py as usual, with short socket
    timeouts unless they say otherwise."""

    def __init__(self, server: str | list[str], params: dict[str, Any]) -> None:
        super().__init__(server, params)
        # RedisCache's _options and _servers (the OPTIONS and the parsed
        # LOCATION) are not in the type stubs.
        servers: list[str] = self._servers  # type: ignore[attr-defined]
        options: dict[str, Any] = dict(params.get("OPTIONS") or {})
        self.retry_seconds = float(options.pop("RETRY_SECONDS", 5))
        self.report_seconds = float(options.pop("REPORT_SECONDS", 60))
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 1.0)
        self._options = options
        self.description = _describe(servers)
        with _outages_lock:
            self.outage = _outages.setdefault(tuple(servers), Outage())

    @property
    def is_away(self) -> bool:
        return self.outage.away_since is not None

    # The operations: each answers as an empty cache would while Redis is away.

    def get(self, key: str, default: Any = None, version: int | None = None) -> Any:
        return self._safely(functools.partial(super().get, key, default, version), default)

    def get_many(self, keys: Iterable[str], version: int | None = None) -> dict[str, Any]:
        return self._safely(functools.partial(super().get_many, keys, version), {})

    def has_key(self, key: str, version: int | None = None) -> bool:
        return self._safely(functools.partial(super().has_key, key, version), False)

    def set(
        self, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> None:
        call = functools.partial(super().set, key, value, timeout, version)
        self._safely(call, None, written=[self.make_key(key, version)])

    def add(
        self, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> bool:
        call = functools.partial(super().add, key, value, timeout, version)
        return self._safely(call, False, written=[self.make_key(key, version)])

    def touch(self, key: str, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        call = functools.partial(super().touch, key, timeout, version)
        return self._safely(call, False, written=[self.make_key(key, version)])

    def delete(self, key: str, version: int | None = None) -> bool:
        call = functools.partial(super().delete, key, version)
        return self._safely(call, False, written=[self.make_key(key, version)])

    def incr(self, key: str, delta: int = 1, version: int | None = None) -> int:
        call = functools.partial(super().incr, key, delta, version)
        value = self._safely(call, _MISSING, written=[self.make_key(key, version)])
        if value is _MISSING:
            raise ValueError(f"Key '{key}' not found.")
        return cast(int, value)

    def set_many(
        self, data: dict[str, Any], timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> list[str]:
        call = functools.partial(super().set_many, data, timeout, version)
        written = [self.make_key(key, version) for key in data]
        return self._safely(call, list(data), written=written)

    def delete_many(self, keys: Iterable[str], version: int | None = None) -> None:
        written = [self.make_key(key, version) for key in keys]
        self._safely(functools.partial(super().delete_many, keys, version), None, written=written)

    def clear(self) -> None:
        self._safely(super().clear, None)

    # The circuit breaker.

    def _safely(self, call: Callable[[], T], default: D, *, written: Sequence[str] = ()) -> T | D:
        try:
            if self.is_away and not self._try_again():
                self._missed(written)
                return default
            return call()
        except AWAY as error:
            self._failed(error, written)
            return default

    def _try_again(self) -> bool:
        """Whether Redis answers again (raises when it does not); only one
        thread of the process asks it, once per ``retry_seconds``. Before
        anything else, the keys of the writes it missed are deleted."""
        outage = self.outage
        with outage.lock:
            if time.monotonic() < outage.retry_at:
                return False
            outage.retry_at = time.monotonic() + self.retry_seconds
        # RedisCache._cache (Django's client wrapper) is not in the type stubs.
        client = self._cache.get_client(None, write=True)  # type: ignore[attr-defined]
        client.ping()
        while True:
            with outage.lock:
                keys = list(outage.unwritten)[:1000]
                if not keys:
                    # Back: from now on, operations go to Redis again.
                    seconds = time.monotonic() - (outage.away_since or time.monotonic())
                    reported, overflow = outage.reported, outage.overflow
                    outage.away_since, outage.reported, outage.overflow = None, False, False
                    break
            client.delete(*keys)
            with outage.lock:
                outage.unwritten.difference_update(keys)
        if reported:
            logger.warning("The cache at %s answers again after %.0f s.", self.description, seconds)
        if overflow:
            logger.error(
                "More than %d writes to the cache at %s failed while it was away; "
                "entries they should have replaced may remain. Flush it if it kept its data.",
                MAX_UNDONE,
                self.description,
            )
        return True

    def _failed(self, error: Exception, written: Sequence[str]) -> None:
        outage = self.outage
        with outage.lock:
            now = time.monotonic()
            if outage.away_since is None:
                outage.away_since = now
                outage.count += 1
            outage.retry_at = now + self.retry_seconds
        self._missed(written, error)

    def _missed(self, written: Sequence[str], error: Exception | None = None) -> None:
        outage = self.outage
        with outage.lock:
            outage.missed += 1
            if len(outage.unwritten) + len(written) <= MAX_UNDONE:
                outage.unwritten.update(written)
            else:
                outage.overflow = True
            now = time.monotonic()
            if error is None or (
                outage.reported_at is not None and now - outage.reported_at < self.report_seconds
            ):
                return
            outage.reported_at = now
            outage.reported = True
            missed, outage.missed = outage.missed, 0
        logger.warning(
            "The cache at %s does not answer (%s); Masthead works without it and tries "
            "again every %.0f s (operations without the cache since the last report: %d).",
            self.description,
            error,
            self.retry_seconds,
            missed,
        )


def is_away(alias: str = "default") -> bool:
    """Whether this process knows the cache ``alias`` to be away now."""
    backend = caches[alias]
    return isinstance(backend, FailSafeRedisCache) and backend.is_away


def outages_seen(alias: str = "default") -> int:
    """How many times this process has seen the cache ``alias`` go away."""
    backend = caches[alias]
    return backend.outage.count if isinstance(backend, FailSafeRedisCache) else 0
