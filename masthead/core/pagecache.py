"""Full-page cache for anonymous readers.

A page that is the same for every anonymous reader is stored whole (with
its gzip and Brotli versions) and served without touching the database.

Correctness rests on one number, the *content generation*, kept in the
shared cache (Redis, or the file cache that all workers on one machine
share). Every change readers could see bumps it (see ``bump`` and
masthead/core/apps.py), and every stored page is keyed by it, so the next
request after a change renders afresh, on every worker and every server
that shares the cache. The generation also carries the time of the next
scheduled article: once that time has come the generation moves on by
itself, so a scheduled article appears on time with no job to run.

Signed-in staff (anyone with a session cookie) always get live pages.
"""

import gzip
import hashlib
import logging
import uuid
from dataclasses import dataclass

import brotli
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.http import HttpResponse, HttpResponseNotModified
from django.template import loader
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, parse_etags, parse_http_date_safe

from . import pagefiles

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
# Paths that are never cached: the newsroom, the admin, previews, forms.
PRIVATE_PREFIXES = ("/desk/", "/admin/", "/preview/", "/i18n/", "/media/", "/static/")
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
)
# Addresses outside the language prefixes whose content is the same in
# every language, though Django marks them "Vary: Accept-Language" (the
# language is activated from the header there, and not used).
LANGUAGE_NEUTRAL = ("/robots.txt", "/sitemap", "/news-sitemap.xml")
COMPRESSIBLE = ("text/", "application/xml", "application/rss+xml", "application/atom+xml",
                "application/json", "application/feed+json")  # fmt: skip
MIN_COMPRESS = 512


@dataclass
class Generation:
    # A random token, not a counter: two workers bumping at once must never
    # land on the same generation (a counter read and written back could).
    number: str
    started: float  # time.time() of the bump: the pages' Last-Modified
    next_publish: float | None  # when the next scheduled article goes live


def _next_publish() -> float | None:
    from masthead.articles.models import Article

    upcoming = (
        Article.objects.in_site_languages()
        .filter(status=Article.Status.PUBLISHED, publish_at__gt=timezone.now())
        .order_by("publish_at")
        .values_list("publish_at", flat=True)
        .first()
    )
    return upcoming.timestamp() if upcoming else None


def bump() -> Generation:
    """Start a new content generation: every stored page is out of date."""
    now = timezone.now().timestamp()
    generation = Generation(number=uuid.uuid4().hex, started=now, next_publish=_next_publish())
    cache.set(GENERATION_KEY, generation, timeout=None)
    pagefiles.sync()
    return generation


def current_generation() -> Generation:
    generation = cache.get(GENERATION_KEY)
    if not isinstance(generation, Generation):
        return bump()
    due = generation.next_publish
    if due is not None and timezone.now().timestamp() >= due:
        # A scheduled article has just gone live.
        return bump()
    return generation


def is_cacheable_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(PRIVATE_PREFIXES)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and settings.PAGE_CACHE_SECONDS > 0
    )


def _key(request, number: str) -> str:
    raw = f"{request.get_host()}{request.get_full_path()}"
    return f"pagecache:{number}:{hashlib.sha256(raw.encode()).hexdigest()}"


def _stale_key(request) -> str:
    raw = f"{request.get_host()}{request.get_full_path()}"
    return f"pagecache:stale:{hashlib.sha256(raw.encode()).hexdigest()}"


@dataclass
class StoredPage:
    status: int
    headers: dict
    body: bytes
    gzip: bytes | None
    br: bytes | None
    etag: str
    last_modified: float


def _store(request, response, last_modified: float) -> StoredPage | None:
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
    )


def cache_control() -> str:
    return (
        f"public, max-age={settings.PAGE_BROWSER_MAX_AGE}, "
        f"s-maxage={settings.PAGE_SHARED_MAX_AGE}, "
        f"stale-while-revalidate={settings.PAGE_STALE_WHILE_REVALIDATE}, "
        f"stale-if-error={settings.PAGE_STALE_IF_ERROR}"
    )


def respond(request, page: StoredPage, *, state: str) -> HttpResponse:
    """The stored page as a response: 304 when the browser's copy is
    current, else the body in the best encoding the browser accepts."""
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match:
        not_modified = page.etag in parse_etags(if_none_match) or if_none_match.strip() == "*"
    else:
        since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
        not_modified = since is not None and int(page.last_modified) <= since
    if not_modified and page.status == 200:
        response = HttpResponseNotModified()
    else:
        accepts = request.META.get("HTTP_ACCEPT_ENCODING", "")
        body, encoding = page.body, None
        if page.br is not None and "br" in accepts:
            body, encoding = page.br, "br"
        elif page.gzip is not None and "gzip" in accepts:
            body, encoding = page.gzip, "gzip"
        response = HttpResponse(b"" if request.method == "HEAD" else body, status=page.status)
        for name, value in page.headers.items():
            response[name] = value
        if encoding:
            response["Content-Encoding"] = encoding
        response["Content-Length"] = str(len(body))
    response["ETag"] = page.etag
    response["Last-Modified"] = http_date(page.last_modified)
    response["Cache-Control"] = cache_control()
    response["X-Cache"] = state
    if page.gzip is not None:
        patch_vary_headers(response, ("Accept-Encoding",))
    return response


class FullPageCacheMiddleware:
    """First in MIDDLEWARE: a cache hit skips everything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self._live(request)
        try:
            generation = current_generation()
        except DatabaseError:
            return self._fallback(request)
        key = _key(request, generation.number)
        page = cache.get(key)
        if page is not None:
            pagefiles.write(request, page, generation)
            return respond(request, page, state="HIT")

        stale_key = request._pagecache_stale_key = _stale_key(request)
        response = self.get_response(request)
        if getattr(request, "_pagecache_failed", False):
            return response
        stored = _store(request, response, generation.started)
        if stored is None:
            return response
        cache.set(key, stored, timeout=settings.PAGE_CACHE_SECONDS)
        cache.set(stale_key, stored, timeout=settings.PAGE_STALE_IF_ERROR)
        pagefiles.write(request, stored, generation)
        return respond(request, stored, state="MISS")

    def _live(self, request):
        response = self.get_response(request)
        if not response.has_header("Cache-Control") and request.path.startswith(
            PRIVATE_PREFIXES[:4]
        ):
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
    from django.utils import translation

    language = translation.get_language_from_path(request.path_info) or (
        translation.get_language_from_request(request)
    )
    with translation.override(language):
        body = loader.render_to_string("503.html", {})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(settings.PAGE_RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response
