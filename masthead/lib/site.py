"""The site's own address, for every absolute address Masthead writes.

Canonical links, ``og:url``, hreflang alternates, JSON-LD, feeds,
sitemaps, robots.txt and preview links are built from the configured
address (``SITE_URL``, or ``SITE_URLS`` for a language served at an
address of its own), never from the request: ``ALLOWED_HOSTS`` ignores
the port, so ``Host: example.org:6666`` is accepted, and a page built
from it would carry that address to every reader who gets the cached copy.

>>> absolute_url("/de/artikel/der-rat-tagt/")   # SITE_URL=https://example.org
'https://example.org/de/artikel/der-rat-tagt/'

The page cache stores pages, and writes files for the front end, only for
requests addressed to one of these addresses (``is_site_request``).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.http import HttpRequest
from django.http.request import split_domain_port, validate_host
from django.utils.encoding import iri_to_uri

from masthead.lib.i18n import language_from_path

DEFAULT_PORTS = {"http": "80", "https": "443"}


def site_url(language: str | None = None) -> str:
    """The site's address for ``language``, without a trailing slash:
    "https://example.org"."""
    if language is None:
        return settings.SITE_URL
    return settings.SITE_URLS.get(language, settings.SITE_URL)


def absolute_url(path: str) -> str:
    """``path`` (an address on this site, "/de/…") as a full address, on
    the site's address for the language of the path. Paths outside the
    language prefixes (robots.txt, sitemaps, static and media files,
    previews) are on ``SITE_URL``. Full addresses (files on another host)
    are returned as they are. A path in another script ("/ar/…/علوم/",
    as ``request.path`` has it) is percent-encoded, as ``reverse()`` gives
    it: one spelling of each address in canonical links, feeds and
    sitemaps."""
    if path.startswith(("http://", "https://")):
        return path
    language = language_from_path(path) if settings.SITE_URLS else None
    return site_url(language) + iri_to_uri(path)


def wordpress_api_url(language: str | None = None) -> str:
    """The address of the WordPress REST API (masthead/wpjson/), without a
    trailing slash: ``/wp-json`` on the site, or under a language's prefix
    (``/de/wp-json``) on that language's address."""
    if language is None:
        return settings.SITE_URL + "/wp-json"
    return site_url(language) + f"/{language}/wp-json"


def wordpress_api_link(language: str | None = None) -> str:
    """The discovery header WordPress sends with its pages, which clients
    given only a page's address follow to the API (the Link header's value)."""
    return f'<{wordpress_api_url(language)}/>; rel="https://api.w.org/"'


def site_urls() -> set[str]:
    return {settings.SITE_URL, *settings.SITE_URLS.values()}


def is_site_request(request: HttpRequest) -> bool:
    """Whether the Host header of ``request`` names one of the site's
    addresses, port included (no port: the default port of the address's
    scheme). A proxy in front of Masthead must pass the Host header on as
    the reader sent it (nginx: ``proxy_set_header Host $http_host``)."""
    host, port = split_domain_port(request.get_host().lower())
    for url in site_urls():
        parts = urlsplit(url)
        default = DEFAULT_PORTS.get(parts.scheme, "")
        site_host, site_port = split_domain_port(parts.netloc.lower())
        if host == site_host and (port or default) == (site_port or default):
            return True
    return False


def check_site_urls(**kwargs: object) -> list[checks.CheckMessage]:
    """A site address whose host Django refuses can never be asked for:
    no page would be cached, and every link would lead nowhere."""
    return [
        checks.Warning(
            f"The host of {url} is not in ALLOWED_HOSTS.",
            hint="Set SITE_URL (and SITE_URLS) to the address readers use, and "
            "ALLOWED_HOSTS to include its host; pages are cached only for it.",
            id="masthead.W001",
        )
        for url in sorted(site_urls())
        if not validate_host(
            split_domain_port(urlsplit(url).netloc.lower())[0], settings.ALLOWED_HOSTS
        )
    ]
