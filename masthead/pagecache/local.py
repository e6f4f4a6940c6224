"""Stored pages kept in this process's memory for a moment: a cache hit
answered before Django.

Without a front end (a platform-as-a-service host, or `masthead serve`
alone), every page a reader gets from the page cache costs two reads of
the shared cache (the generation, then the page: a file or a Redis round
trip, unpickled) and a pass through Django's request handling. Here the
page and its generation are kept in this worker's memory for at most
``PAGE_CACHE_LOCAL_SECONDS`` (1 s by default), and the WSGI application
(masthead/wsgi.py) answers a request for it without entering Django.

What that costs: a change made by another worker or another machine
reaches this worker's readers up to that long after it is committed. A
change made in this process clears the memory at once (``forget``, from
``generation.bump``), and signed-in members never get a stored page. The
memory is off where a front cache is purged on every change (FRONT_CACHES):
it fetches the page again right after the purge, and must get the new one;
it is the fast path there anyway.

Only what the page cache middleware stored or found for a request of the
site's own address is kept, and only when its query string was already
as the middleware cleans it (the parameters its page reads, nothing else:
``?before=…`` of a list is kept, ``?utm_source=…`` is not); only a request
that asks for exactly that (same address and query, same host, GET or
HEAD, no session cookie) is answered from it. Everything else goes to
Django as before.
"""

import time
from dataclasses import dataclass
from http import HTTPStatus
from http.cookies import CookieError

from django.conf import settings
from django.http.cookie import parse_cookie

# At most this many pages per process; a reader site's hits concentrate on
# a few hundred addresses, and each entry lives a second.
MAX_PAGES = 500


@dataclass
class Kept:
    page: object  # a middleware.StoredPage
    next_change: float | None  # the generation's next scheduled change
    until: float  # time.time() after which it is not used


_pages: dict[tuple[str, str], Kept] = {}
# When this process last began a generation of its own: a page of an older
# generation, rendered by another thread that began before the change, is
# not kept after it.
_newest_start = 0.0


def seconds() -> float:
    if settings.FRONT_CACHES:
        return 0
    return settings.PAGE_CACHE_LOCAL_SECONDS


def _host(meta: dict) -> str:
    # What Django's HttpRequest.get_host() reads, unvalidated: an entry is
    # kept under the host of a request Django accepted as the site's, and
    # used only for a request with the same one.
    if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in meta:
        return meta["HTTP_X_FORWARDED_HOST"]
    return meta.get("HTTP_HOST") or meta.get("SERVER_NAME", "")


def key(meta: dict) -> tuple[str, str] | None:
    """The key of a request under which its page may be kept, or None when
    this request cannot be answered from memory."""
    if meta.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return None
    if cookies := meta.get("HTTP_COOKIE"):
        try:
            if settings.SESSION_COOKIE_NAME in parse_cookie(cookies):
                return None
        except CookieError:  # pragma: no cover (parse_cookie is lenient)
            return None
    path = meta.get("SCRIPT_NAME", "") + meta.get("PATH_INFO", "/")
    if query := meta.get("QUERY_STRING"):
        path += "?" + query
    return (_host(meta), path)


def keep(request_key: tuple[str, str] | None, page, generation) -> None:
    """Keep ``page`` of ``generation`` for a moment under ``request_key``."""
    if request_key is None or not (lasting := seconds()):
        return
    if generation.started < _newest_start:
        return
    now = time.time()
    until = min(now + lasting, page.true_until)
    if generation.next_publish is not None:
        until = min(until, generation.next_publish)
    if until <= now:
        _pages.pop(request_key, None)
        return
    if len(_pages) >= MAX_PAGES:
        # A copy to go through: the worker's other threads change the dict
        # meanwhile (list() of it is one step for the interpreter).
        for old, kept in list(_pages.items()):
            if kept.until <= now:
                _pages.pop(old, None)
        for old in list(_pages)[: len(_pages) - MAX_PAGES + 1]:  # the oldest kept
            _pages.pop(old, None)
    _pages[request_key] = Kept(page, generation.next_publish, until)


def forget(generation=None) -> None:
    """A change in this process began ``generation``: nothing kept is
    current any more, nor is any page of an older generation. Without
    one, everything is forgotten, that too (the tests, between them)."""
    global _newest_start
    _newest_start = 0.0 if generation is None else max(_newest_start, generation.started)
    _pages.clear()


def find(meta: dict) -> Kept | None:
    request_key = key(meta)
    if request_key is None:
        return None
    kept = _pages.get(request_key)
    if kept is None:
        return None
    if kept.until <= time.time():
        _pages.pop(request_key, None)
        return None
    return kept


def status_line(status: int) -> str:
    return f"{status} {HTTPStatus(status).phrase}"
