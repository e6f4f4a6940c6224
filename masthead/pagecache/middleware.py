"""Full-page cache for anonymous readers.

A page that is the same for every anonymous reader is stored whole (with
its gzip and Brotli versions) and served without touching the database.
Every stored page is keyed by the content generation (generation.py), so
the next request after a change renders afresh.

Signed-in staff (anyone with a session cookie) always get live pages.

What a client makes up never creates an entry: a page is stored only for a
request to the site's own address (lib/site.py; its links never name the
request's host anyway), and its address counts only with the query
parameters its view reads (``query_parameters``), so ``?utm_source=…`` or
``?fbclid=…`` is served from the one copy of the page, and so is an
article asked for with a search's ``?q=…``.
"""

import gzip
import hashlib
import logging
import math
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import brotli
from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.db import DatabaseError
from django.dispatch import receiver
from django.http import HttpResponse, HttpResponseNotModified, QueryDict
from django.template import loader
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.http import http_date, parse_etags, parse_http_date_safe, urlencode

from masthead.articles.pagination import Cursor
from masthead.lib import dates, site, tags
from masthead.lib.cache import is_away
from masthead.lib.i18n import language_from_path, negotiate
from masthead.lib.policies import OUTAGE_POLICY
from masthead.search.query import clean

from . import files, local, purge
from .generation import current_generation

logger = logging.getLogger(__name__)

# The pages of the newsroom, the admin, previews and the language form:
# never stored, and marked private for every other cache too.
NO_STORE_PREFIXES = ("/desk/", "/admin/", "/preview/", "/i18n/")
# Paths that are never cached here: those, uploads and static files
# (whose own headers tell browsers and proxies how long to keep them), and
# the content API, which answers with its own ETag and Cache-Control and
# may be asked with a token (masthead/api).
PRIVATE_PREFIXES = (*NO_STORE_PREFIXES, "/media/", "/static/", "/api/")
# Headers a stored page keeps; the rest are set per response.
KEPT_HEADERS = (
    "Content-Type",
    "Content-Language",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "X-Frame-Options",
    "Location",
    # Browser security policies (core/security.py): the same for every
    # reader, since reader pages carry no nonce.
    "Content-Security-Policy",
    "Reporting-Endpoints",
    "Permissions-Policy",
    "Strict-Transport-Security",
    # The WordPress REST API's discovery link on pages, and its paging
    # links, counts, CORS and robots headers (masthead/wpjson/).
    "Link",
    "X-WP-Total",
    "X-WP-TotalPages",
    "Access-Control-Allow-Origin",
    "Access-Control-Expose-Headers",
    "Allow",
    "X-Robots-Tag",
)
# Addresses outside the language prefixes whose content is the same in
# every language, though Django marks them "Vary: Accept-Language" (the
# language is activated from the header there, and not used).
LANGUAGE_NEUTRAL = ("/robots.txt", "/sitemap", "/news-sitemap.xml", "/wp-json")
COMPRESSIBLE = ("text/", "application/xml", "application/rss+xml", "application/atom+xml",
                "application/json", "application/feed+json")  # fmt: skip
MIN_COMPRESS = 512


def _is_cursor(value: str) -> bool:
    try:
        return str(Cursor.parse(value)) == value
    except ValueError:
        return False


def _is_page_number(value: str) -> bool:
    return value.isascii() and value.isdigit() and value[0] != "0" and len(value) < 7


def _is_search_text(value: str) -> bool:
    return value == clean(value)


def _is_slug(value: str) -> bool:
    return value == "" or bool(_SLUG.fullmatch(value))


def _is_date(value: str) -> bool:
    return value == "" or bool(_DATE.fullmatch(value))


_SLUG = re.compile(r"[-\w]{1,200}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_IDS = re.compile(r"\d{1,9}(?:,\d{1,9}){0,99}")
_SLUGS = re.compile(r"[-\w]{1,200}(?:,[-\w]{1,200}){0,99}")
# RFC 3339 as WordPress takes it; a "+" of the offset arrives as a space.
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+ -]\d{2}:\d{2})?")
_WORDS = re.compile(r"[a-z_:,]{0,60}")
_FIELDS = re.compile(r"[\w.]{1,60}(?:,[\w.]{1,60}){0,49}")
_MIME = re.compile(r"[a-z]{1,20}/[-a-z0-9.+]{1,60}")


def _is_offset(value: str) -> bool:
    return value == "0" or _is_page_number(value)


def _matches(pattern: re.Pattern) -> Callable[[str], bool]:
    return lambda value: bool(pattern.fullmatch(value))


# The query parameters that reader views read, each with a test of the form
# the site's own links give it. Only these reach the view of a cacheable
# request and form part of the cache key, in this order; every other one
# (utm_*, fbclid, gclid, mc_cid, …) is removed first, so an address shared
# with tracking parameters is served from the same copy (and, behind the
# front end, the same file) as the plain one. A page is not stored when a
# value has another form (an empty one too), or a parameter comes twice:
# nothing a client makes up may fill the cache. The front end's
# configuration (`masthead frontend_config`) is generated from these
# lists: a view that reads a new parameter needs it added here, and only
# here.
QUERY_PARAMETERS = {
    "before": _is_cursor,  # list pages (articles/pagination.py)
    "after": _is_cursor,
    "page": _is_page_number,  # the corrections page, search results; old list links
    "p": _is_page_number,  # sitemap files
}
# Parameters that only the pages of one URL namespace read: kept there, and
# removed from any other page's address like utm_source (an article asked
# for with ?q=… is the article's one copy).
NAMESPACE_PARAMETERS = {
    # Search (masthead/search/views.py): the words as the form cleans them,
    # and its filters.
    "search": {
        "q": _is_search_text,
        "section": _is_slug,
        "author": _is_slug,
        "topic": _is_slug,
        "since": _is_date,
        "until": _is_date,
        "sort": lambda value: value in ("", "newest"),
    },
    # The WordPress REST API (masthead/wpjson/views.py, ALL_PARAMETERS):
    # lists of ids or slugs also come as PHP's "name[]".
    "wpjson": {
        "page": _is_page_number,
        "per_page": _is_page_number,
        "offset": _is_offset,
        "post": _is_page_number,
        "search": _is_search_text,
        "after": _matches(_TIME),
        "before": _matches(_TIME),
        "modified_after": _matches(_TIME),
        "modified_before": _matches(_TIME),
        "mime_type": _matches(_MIME),
        **{
            name: _matches(_WORDS)
            for name in (
                "_embed",
                "context",
                "hide_empty",
                "lang",
                "media_type",
                "order",
                "orderby",
                "sticky",
                "status",
                "status[]",
            )  # fmt: skip
        },
        **{
            name: _matches(_IDS)
            for list_name in (
                "author",
                "author_exclude",
                "categories",
                "categories_exclude",
                "exclude",
                "include",
                "parent",
                "tags",
                "tags_exclude",
            )  # fmt: skip
            for name in (list_name, f"{list_name}[]")
        },
        "_fields": _matches(_FIELDS),
        "slug": _matches(_SLUGS),
        "slug[]": _matches(_SLUGS),
    },
}


# The parameters of the addresses by id of a WordPress site that moved in
# (/?p=12, /?page_id=2 …): the importers' redirects answer them before this
# cache (importers/redirects.py), and the front end must let them through
# to Masthead instead of serving the home page's file.
FORMER_SITE_PARAMETERS = ("page_id", "attachment_id", "cat", "tag", "author", "feed")


def every_query_parameter() -> list[str]:
    """The names of all the parameters some reader page reads, and those
    of a former site's addresses that Masthead redirects."""
    names = list(QUERY_PARAMETERS)
    names += [name for name in FORMER_SITE_PARAMETERS if name not in names]
    for parameters in NAMESPACE_PARAMETERS.values():
        names += [name for name in parameters if name not in names]
    return names


def query_parameters(path: str) -> dict:
    """The parameters the page at ``path`` reads, with their tests."""
    # The language prefix of a path matches only while its language is
    # active (this runs before LocaleMiddleware).
    try:
        with translation.override(language_from_path(path)):
            namespaces = resolve(path).namespaces
    except Resolver404:
        # No page has this address, but it may be a page's former address
        # (a word that changed, core/addresses.py), whose redirect keeps
        # the parameters that page reads. Not found, it is not stored.
        parameters = dict(QUERY_PARAMETERS)
        for namespaced in NAMESPACE_PARAMETERS.values():
            parameters |= namespaced
        return parameters
    parameters = dict(QUERY_PARAMETERS)
    for namespace in namespaces:
        parameters |= NAMESPACE_PARAMETERS.get(namespace, {})
    return parameters


def kept_query(query: QueryDict, path: str = "/") -> tuple[str, bool]:
    """The query string of ``query`` with only the parameters the page at
    ``path`` reads, and whether a page for it may be stored.

    >>> kept_query(QueryDict("utm_source=x&page=2&fbclid=y"))
    ('page=2', True)
    """
    kept, storable = [], True
    # Most requests carry none of a namespace's parameters: no need to
    # resolve their path (this runs before every cache hit).
    namespaced = any(name in query for names in NAMESPACE_PARAMETERS.values() for name in names)
    parameters = query_parameters(path) if namespaced else QUERY_PARAMETERS
    for name, valid in parameters.items():
        values = query.getlist(name)
        kept += [(name, value) for value in values]
        storable = storable and len(values) <= 1 and all(map(valid, values))
    return urlencode(kept), storable


def is_cacheable_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(PRIVATE_PREFIXES)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and settings.PAGE_CACHE_SECONDS > 0
    )


def _path_hash(request) -> str:
    # No host: pages name only the site's address (lib/site.py), so a page
    # is the same whichever of the site's hosts is asked.
    return hashlib.sha256(request.get_full_path().encode()).hexdigest()


def _key(request, number: str) -> str:
    return f"pagecache:{number}:{_path_hash(request)}"


def _stale_key(request) -> str:
    return f"pagecache:stale:{_path_hash(request)}"


def _keep_only_known_parameters(request) -> bool:
    """Remove the query parameters no view reads from ``request``, so that
    the view renders exactly the page of the clean address; True when that
    page may be stored (see ``QUERY_PARAMETERS``)."""
    query, storable = kept_query(request.GET, request.path_info)
    if query != request.META.get("QUERY_STRING", ""):
        request.META["QUERY_STRING"] = query
        request.GET = QueryDict(query)
    return storable


@dataclass
class StoredPage:
    status: int
    headers: dict
    body: bytes
    gzip: bytes | None
    br: bytes | None
    etag: str
    last_modified: float
    # When the first relative time on the page ("vor 5 Minuten") stops
    # being true within its unit (lib/dates.py): the page is kept, and
    # lets others keep it, no longer. Infinity for a page without one.
    true_until: float = math.inf
    # The content tags of what it shows, for the front caches (purge.py).
    tags: frozenset[str] = frozenset()

    def seconds_true(self, now: float | None = None) -> float:
        return self.true_until - (time.time() if now is None else now)


def _store(
    request, response, last_modified: float, true_until: float, shown: set[str]
) -> StoredPage | None:
    # Not 404s: anyone could fill the cache with made-up addresses.
    if response.status_code not in (200, 301) or response.streaming:
        return None
    if response.has_header("Set-Cookie") or response.cookies:
        return None
    vary = response.get("Vary", "")
    neutral = request.path.startswith(LANGUAGE_NEUTRAL)
    if "Cookie" in vary or ("Accept-Language" in vary and not neutral):
        return None
    if "private" in response.get("Cache-Control", "") or "no-store" in response.get(
        "Cache-Control", ""
    ):
        return None
    body = response.content
    compressible = response.get("Content-Type", "").startswith(COMPRESSIBLE)
    big = compressible and len(body) >= MIN_COMPRESS
    return StoredPage(
        status=response.status_code,
        headers={
            h: response[h]
            for h in KEPT_HEADERS
            if response.has_header(h) and not (neutral and h == "Content-Language")
        },
        body=body,
        gzip=gzip.compress(body, compresslevel=6, mtime=0) if big else None,
        br=brotli.compress(body, quality=5) if big else None,
        etag='"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"',
        last_modified=last_modified,
        true_until=true_until,
        tags=frozenset(purge.page_tags(language_from_path(request.path_info), shown)),
    )


def cache_control(true_for: float = math.inf) -> str:
    """How long browsers and shared caches may keep a page: the settings,
    but no longer than its relative times stay true (``true_for`` seconds;
    a copy kept past it, stale ones included, would read "vor 5 Minuten"
    at 20 minutes). Only when Masthead cannot render at all may a cache
    send an older copy (stale-if-error)."""
    return _cache_control(max(0, int(true_for)) if true_for != math.inf else None)


# Remembered: every cache hit asks, with a handful of values of ``left``
# (reading four settings each time cost a hit answered before Django a
# fifth of its time).
@lru_cache(maxsize=256)
def _cache_control(left: int | None) -> str:
    def capped(seconds: int, used: int = 0) -> int:
        return seconds if left is None else max(0, min(seconds, left - used))

    browser, shared = capped(settings.PAGE_BROWSER_MAX_AGE), capped(settings.PAGE_SHARED_MAX_AGE)
    stale = capped(settings.PAGE_STALE_WHILE_REVALIDATE, max(browser, shared))
    return (
        f"public, max-age={browser}, s-maxage={shared}, "
        f"stale-while-revalidate={stale}, stale-if-error={settings.PAGE_STALE_IF_ERROR}"
    )


@receiver(setting_changed)
def _forget_cache_control(setting: str, **kwargs: object) -> None:
    if setting.startswith("PAGE_"):
        _cache_control.cache_clear()


@lru_cache(maxsize=64)
def _http_date(timestamp: float) -> str:
    return http_date(timestamp)


def respond(
    request, page: StoredPage, *, state: str, next_change: float | None = None
) -> HttpResponse:
    """The stored page as a response: 304 when the browser's copy is
    current, else the body in the best encoding the browser accepts.
    ``next_change`` is when the public pages next change by themselves (a
    scheduled article): no one may keep the page past it."""
    status, headers, body = answer(request.META, page, state=state, next_change=next_change)
    response = HttpResponseNotModified() if status == 304 else HttpResponse(body, status=status)
    for name, value in headers.items():
        response[name] = value
    return response


def answer(
    meta: dict, page: StoredPage, *, state: str, next_change: float | None = None
) -> tuple[int, dict[str, str], bytes]:
    """``respond`` for a WSGI environ: the status, headers and body (also
    for the hits answered before Django, local.py)."""
    headers = {}
    if_none_match = meta.get("HTTP_IF_NONE_MATCH")
    if if_none_match:
        not_modified = page.etag in parse_etags(if_none_match) or if_none_match.strip() == "*"
    elif if_modified_since := meta.get("HTTP_IF_MODIFIED_SINCE"):
        since = parse_http_date_safe(if_modified_since)
        not_modified = since is not None and int(page.last_modified) <= since
    else:
        not_modified = False
    if not_modified and page.status == 200:
        status, body = 304, b""
    else:
        accepts = meta.get("HTTP_ACCEPT_ENCODING", "")
        body, encoding = page.body, None
        if page.br is not None and "br" in accepts:
            body, encoding = page.br, "br"
        elif page.gzip is not None and "gzip" in accepts:
            body, encoding = page.gzip, "gzip"
        status = page.status
        headers.update(page.headers)
        if encoding:
            headers["Content-Encoding"] = encoding
        headers["Content-Length"] = str(len(body))
        if meta.get("REQUEST_METHOD") == "HEAD":
            body = b""
    headers["ETag"] = page.etag
    headers["Last-Modified"] = _http_date(page.last_modified)
    now = time.time()
    true_for = page.seconds_true(now)
    if next_change is not None:
        true_for = min(true_for, next_change - now)
    headers["Cache-Control"] = cache_control(true_for)
    headers["X-Cache"] = state
    if purge.front_caches():
        headers.update(purge.response_headers(getattr(page, "tags", ())))
    if page.gzip is not None:
        headers["Vary"] = "Accept-Encoding"
    return status, headers, body


class FullPageCacheMiddleware:
    """First in MIDDLEWARE: a cache hit skips everything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The generation the page renders in, for what is kept per
        # generation (lib/generations.py): learnt when a view asks.
        request.generation_source = current_generation
        if not is_cacheable_request(request):
            return self._live(request)
        # With the query as it came; none when the memory is off.
        local_key = local.key(request.META) if local.seconds() else None
        # Any request may be answered from a stored page (it names only the
        # site's address); only one to the site's address, and without made-up
        # query values, may store one.
        query = request.META.get("QUERY_STRING", "")
        storable = _keep_only_known_parameters(request) and site.is_site_request(request)
        if request.META.get("QUERY_STRING", "") != query:
            local_key = None  # kept for the clean address only
        try:
            generation = current_generation()
        except DatabaseError:
            return self._fallback(request)
        request.content_generation = generation  # what the page is rendered in
        key = _key(request, generation.number)
        page = cache.get(key)
        if page is not None:
            if storable:
                files.write(request, page, generation)
                local.keep(local_key, page, generation)
            return respond(request, page, state="HIT", next_change=generation.next_publish)

        stale_key = request._pagecache_stale_key = _stale_key(request)
        with dates.watch_relative_times() as relative_times, tags.watch() as shown:
            response = self.get_response(request)
        if getattr(request, "_pagecache_failed", False) or not storable:
            return response
        stored = _store(request, response, generation.started, relative_times.true_until, shown)
        if stored is None:
            return response
        # No longer than the page's relative times stay true (a whole
        # second at least: a cache counts in seconds).
        timeout = int(min(settings.PAGE_CACHE_SECONDS, stored.seconds_true()))
        if not is_away() and timeout >= 1:
            cache.set(key, stored, timeout=timeout)
            cache.set(stale_key, stored, timeout=settings.PAGE_STALE_IF_ERROR)
            local.keep(local_key, stored, generation)
        files.write(request, stored, generation)
        return respond(request, stored, state="MISS", next_change=generation.next_publish)

    def _live(self, request):
        response = self.get_response(request)
        if not response.has_header("Cache-Control") and request.path.startswith(NO_STORE_PREFIXES):
            response["Cache-Control"] = "private, no-cache"
        return response

    def _fallback(self, request):
        stale = cache.get(_stale_key(request))
        if stale is not None:
            return respond(request, stale, state="STALE")
        return service_unavailable(request)

    def process_exception(self, request, exception):
        """The database is away: readers get the last good copy of the page,
        others a 503 that says to come back soon."""
        if not isinstance(exception, DatabaseError):
            return None
        logger.error("Database error on %s: %s", request.path, exception)
        request._pagecache_failed = True
        if hasattr(request, "_pagecache_stale_key"):
            stale = cache.get(request._pagecache_stale_key)
            if stale is not None:
                return respond(request, stale, state="STALE")
        return service_unavailable(request)


def service_unavailable(request) -> HttpResponse:
    """A 503 in the reader's language, rendered without the database."""
    language = language_from_path(request.path_info) or negotiate(request)
    with translation.override(language):
        body = loader.render_to_string("503.html", {})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(settings.PAGE_RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    # Answered before the security middleware: the headers it would add.
    response["Content-Security-Policy"] = OUTAGE_POLICY
    response["X-Content-Type-Options"] = "nosniff"
    response["Referrer-Policy"] = settings.SECURE_REFERRER_POLICY
    response["X-Frame-Options"] = settings.X_FRAME_OPTIONS
    return response
