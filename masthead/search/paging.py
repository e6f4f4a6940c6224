"""Pages of results in order of relevance, for the reader's search and
the desk's.

They are numbered (``?page=2``, up to ``MAX_PAGES``) rather than paged by
cursor like every other list: a relevance score has no order to continue
from the way a time does (it moves with the recency boost, and with each
new article), and nobody reads past the 200th best match. Sorted by time,
results page by cursor like the other lists.
"""

from django.http import Http404
from django.utils.http import urlencode

from masthead.articles.pagination import KeysetPage

from .backends import search

MAX_PAGES = 10


def ranked_page(request, query, articles, per_page: int, keep: list[tuple[str, str]]):
    """The page the request asks for (``?page=N``) of the best matches of
    ``query`` among ``articles`` (a queryset: its select_related and defer
    are kept); when no article has all the words, of those with any of them
    (``page.any_word``). ``keep`` are the parameters the links to other
    pages carry. Raises Http404 for a page number out of range or past the
    results."""
    number = request.GET.get("page", "1")
    if not (number.isascii() and number.isdigit()) or not 1 <= int(number) <= MAX_PAGES:
        raise Http404("no such page of results")
    number = int(number)
    rows, found_by = search(query, articles, per_page + 1, (number - 1) * per_page)
    ids = [pk for pk, _ in rows[:per_page]]
    found = articles.filter(pk__in=ids).in_bulk()
    shown = [found[pk] for pk in ids if pk in found]
    if number > 1 and not shown:
        raise Http404("no such page of results")

    def link(n: int) -> str:
        params = keep + ([("page", n)] if n > 1 else [])
        return "?" + urlencode(params) if params else request.path

    page = KeysetPage(
        shown,
        request.path,
        query=link(number) if number > 1 else "",
        newer=link(number - 1) if number > 1 else "",
        older=link(number + 1) if len(rows) > per_page and number < MAX_PAGES else "",
    )
    page.any_word = found_by.any_word  # no article had all the words
    return page
