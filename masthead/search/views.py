"""Reader search: the results page, type-ahead suggestions, and the
OpenSearch description that lets a browser add the site's search.

Only ``Article.objects.public()`` in the page's language is searched. The
page is cached like the other reader pages: its parameters are the page
cache's ``NAMESPACE_PARAMETERS["search"]``, kept on these pages only.

Paging: by number when sorted by relevance (paging.py says why), by
cursor when sorted newest first, like every other list.
"""

from django.conf import settings
from django.db.models.expressions import RawSQL
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language

from masthead.articles.alternates import alternates_for
from masthead.articles.models import Article
from masthead.articles.pagination import BackToFirstPage, KeysetPage, keyset_page
from masthead.lib import site, tags
from masthead.lib.text import plain_text
from masthead.sections.tree import sections_for

from .backends import engine, search
from .forms import SearchForm
from .paging import ranked_page
from .query import parse
from .snippets import highlight, snippet

SUGGESTIONS = 8
FILTERS = ("q", "section", "author", "topic", "since", "until", "sort")


def results(request):
    language = get_language()
    tags.note(tags.SEARCH, language)  # for the front caches (lib/tags.py)
    form = SearchForm(
        request.GET if "q" in request.GET else None,
        language=language,
        sections=sections_for(request),
    )
    context = {
        "form": form,
        "alternates": alternates_for(
            request, urls={code: _url_in(code) for code, _ in settings.LANGUAGES}
        ),
    }
    if form.is_bound:
        form.is_valid()  # an invalid filter is shown with its error and left out
        query = parse(form.text, [language])
        context["query"] = query
        if query:
            articles = form.filter(Article.objects.public().in_language(language))
            try:
                page = _page(request, form, query, articles)
            except BackToFirstPage as first:
                return redirect(request.path + first.query)
            for article in page.object_list:
                article.marked_headline = highlight(article.headline, language, query)
                article.snippet = _snippet(article, query)
            context["page"] = page
    return render(request, "search/results.html", context)


def _url_in(language: str) -> str:
    with translation.override(language):
        return reverse("search:results")


def _page(request, form, query, articles) -> KeysetPage:
    keep = tuple(name for name in FILTERS if name in form.cleaned_data)
    if form.cleaned_data.get("sort") == "newest":
        # Whether any article has all the words (else: any of them).
        _, query = search(query, articles, 1)
        sql, params = engine().matching(query)
        articles = articles.filter(pk__in=RawSQL(sql, params)).for_listing()  # noqa: S611 (the engine's SQL; values are parameters)
        page = keyset_page(request, articles, keep=keep)
        page.any_word = query.any_word
        return page
    kept = [(name, str(form.cleaned_data[name])) for name in keep if form.cleaned_data[name]]
    return ranked_page(request, query, articles.for_listing(), settings.PAGE_SIZE, kept)


def _snippet(article, query):
    for text in (article.standfirst, plain_text(article.body)):
        found = snippet(text, article.language, query)
        if found:
            return found
    return None


def suggestions(request):
    """Type-ahead: headlines of public articles that match what was typed
    so far (its last word may be unfinished), in the OpenSearch
    suggestions format: ``[query, [headline, …], [], [url, …]]``."""
    language = get_language()
    text = request.GET.get("q", "")
    query = parse(text, [language], prefix=True)
    tags.note(tags.SEARCH, language)  # it may match others after a change
    headlines, urls = [], []
    if query:
        rows = engine().ranked(
            query, Article.objects.public().in_language(language), limit=SUGGESTIONS
        )
        found = Article.objects.in_bulk([pk for pk, _ in rows])
        for pk, _ in rows:
            if pk in found:
                headlines.append(found[pk].headline)
                urls.append(site.absolute_url(found[pk].get_absolute_url()))
    response = JsonResponse([query.text, headlines, [], urls], safe=False)
    response["Content-Type"] = "application/x-suggestions+json; charset=utf-8"
    return response


def opensearch(request):
    return render(
        request,
        "search/opensearch.xml",
        {"language": get_language()},
        content_type="application/opensearchdescription+xml; charset=utf-8",
    )
