"""Content tags: which articles, sections, topics, authors and pictures a
page shows, so that a shared front cache (Varnish, a CDN) can drop exactly
the pages a change touches (pagecache/purge.py).

A page's tags are noted while it renders: the content models note
themselves when a link to them is made (``get_absolute_url``, ``url_in``)
and a picture when it is drawn, so whatever template or block shows them,
cached per generation or not, the page carries their tags. The page cache
collects them around the view (``watch``) and keeps them with the page.

A tag is ``<kind>-<id>`` (``article-12``, ``author-3``), or ``lang-<code>``
for every page of one language, or ``all`` for every page.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

ARTICLE, SECTION, TOPIC, AUTHOR, IMAGE = "article", "section", "topic", "author", "image"
# The search pages of a language (``search-de``): an article may match
# other searches after any change to it.
SEARCH = "search"
# On every page a front cache keeps: what a change to all of them purges.
EVERY_PAGE = "all"

_watch: ContextVar[set[str] | None] = ContextVar("content_tags", default=None)


def tag(kind: str, pk: object) -> str:
    """>>> tag(ARTICLE, 12)
    'article-12'"""
    return f"{kind}-{pk}"


def language_tag(language: str) -> str:
    """>>> language_tag("de")
    'lang-de'"""
    return f"lang-{language}"


def note(kind: str, pk: object) -> None:
    """The page being rendered shows this item (nothing outside ``watch``)."""
    tags = _watch.get()
    if tags is not None and pk is not None:
        tags.add(tag(kind, pk))


@contextmanager
def watch() -> Iterator[set[str]]:
    """Collect the tags of what is rendered inside."""
    tags: set[str] = set()
    token = _watch.set(tags)
    try:
        yield tags
    finally:
        _watch.reset(token)
