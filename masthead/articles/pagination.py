"""Keyset (cursor) pagination over the site's one ordering, newest first:
``(-publish_at, -id)``. (The desk's article list pages the same way by
``(-modified_at, -id)``: every function takes the time field as ``field``.)

A list page is addressed by the article it continues from, not by a page
number, so page 500 of a section costs what page 1 costs: the database
starts reading the index at the cursor instead of counting and skipping
10,000 rows, and there is no ``COUNT(*)``.

- the plain address: the newest ``PAGE_SIZE`` articles;
- ``?before=<cursor>``: the ``PAGE_SIZE`` articles just older than the cursor;
- ``?after=<cursor>``: the ``PAGE_SIZE`` articles just newer than the cursor
  (read oldest first, shown newest first). When fewer than ``PAGE_SIZE + 1``
  newer articles are left, the view redirects to the plain address instead
  of showing a partial copy of the first page.

A cursor is the article's publish time in UTC to the microsecond and its id:

>>> from datetime import datetime, UTC
>>> str(Cursor(datetime(2024, 3, 3, 10, 15, 0, 123456, tzinfo=UTC), 4711))
'20240303T101500.123456Z-4711'
>>> Cursor.parse('20240303T101500.123456Z-4711').pk
4711

The id breaks ties between articles published at the same time. A cursor
need not name an existing article: it is a position in the ordering, so a
link stays valid when the article it came from is unpublished. Such a page
is shown but not cached (``KeysetPage.known``): the site's own links name
an article of the list, and a client must not fill the page cache with
positions it made up.
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.db.models import Q
from django.http import Http404
from django.utils.http import urlencode

CURSOR_FORMAT = "%Y%m%dT%H%M%S.%f"
_CURSOR = re.compile(r"(\d{8}T\d{6}\.\d{6})Z-([1-9]\d{0,17})")


@dataclass(frozen=True)
class Cursor:
    # The time of the ordering field (publish_at, unless a list says otherwise).
    at: datetime
    pk: int

    def __str__(self) -> str:
        return f"{self.at.astimezone(UTC):{CURSOR_FORMAT}}Z-{self.pk}"

    @classmethod
    def of(cls, article, field: str = "publish_at") -> "Cursor":
        return cls(getattr(article, field), article.pk)

    @classmethod
    def parse(cls, text: str) -> "Cursor":
        """The cursor ``text`` stands for; ValueError when it is malformed."""
        match = _CURSOR.fullmatch(text)
        if match is None:
            raise ValueError(f"not a cursor: {text!r}")
        when = datetime.strptime(match[1], CURSOR_FORMAT).replace(tzinfo=UTC)
        return cls(when, int(match[2]))


@dataclass
class KeysetPage:
    """One page of a list. ``newer`` and ``older`` are the query strings of
    the neighbouring pages ("" when there is none); ``query`` is this page's
    own ("" for the first page)."""

    object_list: list
    path: str
    query: str = ""
    newer: str = ""
    older: str = ""
    known: bool = True  # the cursor (if any) names an article of the list

    @property
    def is_first(self) -> bool:
        return not self.query

    @property
    def has_other_pages(self) -> bool:
        return bool(self.newer or self.older)

    @property
    def url(self) -> str:
        """This page's address (path and query), e.g. for the canonical link."""
        return self.path + self.query

    @property
    def newest(self):
        return self.object_list[0] if self.object_list else None

    @property
    def oldest(self):
        return self.object_list[-1] if self.object_list else None


class BackToFirstPage(Exception):  # noqa: N818 (a signal to the view, not an error)
    """An ``?after=`` page that reached the newest articles: the view
    redirects to the list's first page, ``query`` ("" for the plain
    address)."""

    def __init__(self, query: str = ""):
        super().__init__(query)
        self.query = query


def older_than(queryset, cursor: Cursor, field: str = "publish_at", *, inclusive: bool = False):
    """The articles after ``cursor`` in the newest-first order (and the
    cursor's own article, if ``inclusive``).

    ``field <= t`` is implied by the second condition; stated on its own it
    is an index range condition (the OR alone is only a filter, and the
    database would read every newer row first)."""
    same_time = Q(pk__lte=cursor.pk) if inclusive else Q(pk__lt=cursor.pk)
    return queryset.filter(**{f"{field}__lte": cursor.at}).filter(
        Q(**{f"{field}__lt": cursor.at}) | same_time
    )


def newer_than(queryset, cursor: Cursor, field: str = "publish_at", *, inclusive: bool = False):
    """The articles before ``cursor`` in the newest-first order (see
    ``older_than``)."""
    same_time = Q(pk__gte=cursor.pk) if inclusive else Q(pk__gt=cursor.pk)
    return queryset.filter(**{f"{field}__gte": cursor.at}).filter(
        Q(**{f"{field}__gt": cursor.at}) | same_time
    )


def _without_cursor_row(rows: list, cursor: Cursor, limit: int, field: str) -> tuple[list, bool]:
    """``rows`` read from the cursor's position inclusively (one row more
    than ``limit``): without the cursor's own article, at most ``limit``
    rows, and whether that article was there (the cursor is known)."""
    if rows and Cursor.of(rows[0], field) == cursor:
        return rows[1:], True
    return rows[:limit], False


def cursor_from(request, name: str) -> Cursor | None:
    """The cursor in the query parameter ``name``; a malformed one is a 404."""
    text = request.GET.get(name)
    if text is None:
        return None
    try:
        return Cursor.parse(text)
    except ValueError as e:
        raise Http404 from e


def keyset_page(
    request,
    queryset,
    per_page: int | None = None,
    *,
    front: int = 0,
    field: str = "publish_at",
    keep: tuple[str, ...] = (),
) -> KeysetPage:
    """The page of ``queryset`` (public articles, any filters; the ordering
    is set here) that the request asks for, in one query.

    ``front`` is the number of newest articles that the plain address
    shows instead of a list (the home page's front page); the list proper
    (the archive) starts after them, at ``?before=<the last of them>``.

    ``field`` is the time the list is ordered by, newest first, with the id
    after it (an index on both makes every page one index range read).
    ``keep`` names the query parameters (the desk's filters) that the links
    to other pages carry on; any other parameter is left out of them.

    Raises Http404 for a malformed cursor, for both ``before`` and
    ``after``, and for an empty ``?before=`` page; BackToFirstPage for an
    ``?after=`` page that would reach the newest articles (or the front
    page's), with the address of the list's first page.
    """
    per_page = per_page or settings.PAGE_SIZE
    before, after = cursor_from(request, "before"), cursor_from(request, "after")
    if before and after:
        raise Http404("both before and after")
    kept = [(name, request.GET[name]) for name in keep if request.GET.get(name)]

    def query(name: str = "", cursor: Cursor | None = None) -> str:
        params = kept + ([(name, str(cursor))] if cursor else [])
        return f"?{urlencode(params)}" if params else ""

    def cursor_of(article) -> Cursor:
        return Cursor.of(article, field)

    if after:
        # From the cursor's article on, in the same one query: whether it is
        # one of the list (KeysetPage.known).
        rows = newer_than(queryset, after, field, inclusive=True).order_by(field, "id")
        rows, known = _without_cursor_row(
            list(rows[: front + per_page + 2]), after, front + per_page + 1, field
        )
        if len(rows) <= front + per_page:
            # All newer articles are in ``rows``, the newest ``front`` of
            # them on the front page.
            raise BackToFirstPage(
                query("before", cursor_of(rows[-front])) if front and len(rows) > front else query()
            )
        shown = rows[:per_page][::-1]
        return KeysetPage(
            shown,
            request.path,
            query=query("after", after),
            newer=query("after", cursor_of(shown[0])),
            older=query("before", cursor_of(shown[-1])),
            known=known,
        )
    known = True
    if before:
        rows = older_than(queryset, before, field, inclusive=True).order_by(f"-{field}", "-id")
        rows, known = _without_cursor_row(list(rows[: per_page + 2]), before, per_page + 1, field)
    else:
        rows = list(queryset.order_by(f"-{field}", "-id")[: per_page + 1])
    shown = rows[:per_page]
    if before and not shown:
        raise Http404("nothing before this cursor")
    return KeysetPage(
        shown,
        request.path,
        query=query("before", before) if before else "",
        newer=query("after", cursor_of(shown[0])) if before else "",
        older=query("before", cursor_of(shown[-1])) if len(rows) > per_page else "",
        known=known,
    )
