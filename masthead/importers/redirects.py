"""The old WordPress addresses of an imported site, answered with a
permanent redirect to where their content is now.

WordPress addresses come in two forms: by id in the query (``/?p=12``,
``/?page_id=2``, ``/?attachment_id=5``, ``/?cat=3``, ``/?tag=news``,
``/?author=1``, ``/?feed=rss2``), and "pretty" paths in the site's
permalink structure (``/2019/05/a-story/``, ``/news/a-story/``,
``/archives/123``), with the archives ``/category/…/``, ``/tag/…/``,
``/author/…/``, their feeds (``…/feed/``) and ``/feed/``. A post's or
page's path is read from the export's ``<link>`` (WordPressItem.old_path),
whatever the permalink structure was; the archive paths follow
WordPress's fixed patterns.

The target is the object's address of now, looked up at each request:
a slug changed in Masthead after the import still lands on the story. An
article that is not public (a draft, a scheduled story before its time)
gets no redirect: a 404, like its own address.

``FormerSiteMiddleware`` asks only for the root with one of WordPress's
query parameters, and for an address that found no page (a 404); every
other request passes untouched.
"""

import logging
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.http import HttpResponsePermanentRedirect, QueryDict
from django.urls import reverse
from django.utils import translation

from masthead.articles.models import Article
from masthead.media.models import Image
from masthead.people.models import Author
from masthead.sections.models import Section, Tag

from .models import WordPressItem

logger = logging.getLogger(__name__)

Kind = WordPressItem.Kind

# The query parameters of WordPress's addresses by id (the page cache lets
# them reach Masthead: pagecache/middleware.py FORMER_SITE_PARAMETERS).
QUERY_KINDS = {
    "p": (Kind.POST, Kind.PAGE, Kind.ATTACHMENT),
    "page_id": (Kind.PAGE,),
    "attachment_id": (Kind.ATTACHMENT,),
    "cat": (Kind.CATEGORY,),
    "author": (Kind.AUTHOR,),
}
# What may follow an address in WordPress: its feeds, its trackback, its
# AMP and embed views, pages of a list or of comments.
_SUFFIX = re.compile(
    r"(?:/(?:feed(?:/(?:rss2?|atom|rdf|rss-http))?|trackback|amp|embed|"
    r"comment-page-\d+|page/\d+))+/?$"
)
_FEED = re.compile(r"/feed(?:/(?:rss2?|atom|rdf|rss-http))?/?$")
_ARCHIVE = re.compile(r"^/(category|tag|author)/(?:.+/)?([^/]+)/?$")
_ROOT_FEED = re.compile(r"^/(?:comments/)?feed(?:/(?:rss2?|atom|rdf|rss-http))?/?$")
# Masthead's own address space outside the languages: never an old address.
OWN_PREFIXES = ("/desk/", "/admin/", "/preview/", "/i18n/", "/static/", "/media/")
_SLUG_KIND = {"category": Kind.CATEGORY, "tag": Kind.TAG, "author": Kind.AUTHOR}


def location_for_query(query: QueryDict) -> str | None:
    """Where ``/?p=12`` and the like are now; None when nowhere."""
    feed = "feed" in query
    for name, kinds in QUERY_KINDS.items():
        value = query.get(name, "")
        if value.isdigit():
            row = _row(kind__in=kinds, wp_id=value)
            return _location(row, feed=feed) if row else None
    if tag := query.get("tag", ""):
        row = _row(kind=Kind.TAG, slug=tag.split(",")[0].split("+")[0])
        return _location(row, feed=feed) if row else None
    if feed and _row():
        return _main_feed(_site_language())
    return None


def location_for_path(path: str) -> str | None:
    """Where the old ``path`` is now; None when it is no known old address."""
    if len(path) > 500:
        return None
    feed = bool(_FEED.search(path))
    # One query for the path's forms (with and without its slash, its feed,
    # its page number): a 404 costs one query more, no more.
    candidates = _candidates(path)
    rows = WordPressItem.objects.filter(
        old_path__in=candidates, kind__in=(Kind.POST, Kind.PAGE, Kind.ATTACHMENT)
    ).order_by("-imported_at", "-id")
    found = {row.old_path: row for row in reversed(rows)}
    for candidate in candidates:
        if candidate in found:
            return _location(found[candidate], feed=False)
    if match := _ARCHIVE.match(_SUFFIX.sub("/", path)):
        kind = _SLUG_KIND[match.group(1)]
        row = _row(kind=kind, slug=match.group(2))
        return _location(row, feed=feed) if row else None
    if _ROOT_FEED.match(path) and _row():
        return _main_feed(_site_language())
    return None


def _candidates(path: str) -> list[str]:
    bare = _SUFFIX.sub("", path.rstrip("/"))
    found = []
    for base in (path.rstrip("/"), bare):
        for candidate in (base + "/", base):
            if candidate and candidate not in found:
                found.append(candidate)
    return found


def _row(**lookup) -> WordPressItem | None:
    return WordPressItem.objects.filter(**lookup).order_by("-imported_at", "-id").first()


def _site_language() -> str:
    language = (
        WordPressItem.objects.filter(kind__in=(Kind.POST, Kind.PAGE))
        .order_by("id")
        .values_list("language", flat=True)
        .first()
    )
    return language or settings.LANGUAGE_CODE


def _main_feed(language: str) -> str:
    with translation.override(language):
        return reverse("feeds:rss")


def _location(row: WordPressItem, *, feed: bool) -> str | None:
    if row.object_id is None:
        return None
    if row.kind in (Kind.POST, Kind.PAGE):
        article = Article.objects.filter(pk=row.object_id).first()
        return article.get_absolute_url() if article and article.is_public else None
    if row.kind == Kind.ATTACHMENT:
        # The attachment's page: the story it belonged to.
        parent = _row(kind__in=(Kind.POST, Kind.PAGE), wp_id=row.parent_id, site=row.site)
        if parent is None or not Image.objects.filter(pk=row.object_id).exists():
            return None
        return _location(parent, feed=False)
    # Authors belong to no language: theirs is that of the imported stories.
    language = row.language or _site_language()
    if row.kind == Kind.CATEGORY:
        section = Section.objects.filter(pk=row.object_id).first()
        if section is None:
            return None
        if feed:
            with translation.override(language):
                return reverse("feeds:section_rss", kwargs={"slug": section.slug_in(language)})
        return section.url_in(language)
    if row.kind == Kind.TAG:
        tag = Tag.objects.filter(pk=row.object_id).first()
        if tag is None:
            return None
        if feed:
            with translation.override(tag.language):
                return reverse("feeds:tag_rss", kwargs={"slug": tag.slug})
        return tag.get_absolute_url()
    if row.kind == Kind.AUTHOR:
        author = Author.objects.filter(pk=row.object_id).first()
        if author is None:
            return None
        with translation.override(language):
            if feed:
                return reverse("feeds:author_rss", kwargs={"slug": author.slug})
            return author.get_absolute_url()
    return None


class FormerSiteMiddleware:
    """First in MIDDLEWARE, before the page cache: ``/?p=12`` must not be
    served the cached home page, and an old address that the cache holds
    a 404 for must still redirect."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/" and request.GET and request.method in ("GET", "HEAD"):
            if any(name in request.GET for name in (*QUERY_KINDS, "tag", "feed")):
                if location := _unless_database_away(location_for_query, request.GET):
                    return HttpResponsePermanentRedirect(location)
        response = self.get_response(request)
        if (
            (response.status_code == 404 or _to_language_prefix(request, response))
            and request.method in ("GET", "HEAD")
            and not request.path_info.startswith(OWN_PREFIXES)
        ):
            if location := _unless_database_away(location_for_path, request.path_info):
                return HttpResponsePermanentRedirect(location)
        return response


def _unless_database_away(find, value) -> str | None:
    """The old address's new one, or None while the database is away: the
    page cache goes on serving the pages it holds then (the home page for
    ``/?p=12``, a 404 for an old path), rather than an error page. Inside
    a transaction (ATOMIC_REQUESTS, the tests) the lookup gets a savepoint,
    so that its failure leaves the transaction usable; in autocommit, the
    default, a failed query spoils nothing and costs no round trip more."""
    try:
        if connection.in_atomic_block:
            with transaction.atomic():
                return find(value)
        return find(value)
    except DatabaseError:
        logger.warning("Could not look up a former address: the database is away.", exc_info=True)
        return None


def _to_language_prefix(request, response) -> bool:
    """True for the redirect of an address without a language to the same
    address under the reader's language (``/author/hanna/`` to
    ``/en/author/hanna/`` for a reader who speaks English): an old address
    whose words are also Masthead's in that language is still an old
    address, and the old site's object is where it leads."""
    if response.status_code != 302 or request.path_info == "/":
        return False
    target = urlsplit(response.get("Location", "")).path
    return bool(re.fullmatch(r"/[a-z]{2,3}(?:-[a-z0-9]+)*" + re.escape(request.path_info), target))
