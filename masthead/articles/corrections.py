"""The corrections page: every correction of a public article in the
page's language, the newest first, each linking to its article.

Like every reader view it starts from ``Article.objects.public()`` (the one
gate) and runs a fixed number of queries, however many corrections there are.
"""

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language

from .alternates import alternates_for
from .models import Article, Correction


def paginate(request, queryset, per_page=None):
    """The requested numbered page of ``queryset``; a page that does not
    exist is a 404. (Corrections are few: the article lists page by cursor,
    see pagination.py.)"""
    paginator = Paginator(queryset, per_page or settings.PAGE_SIZE)
    try:
        return paginator.page(request.GET.get("page", 1))
    except (EmptyPage, PageNotAnInteger) as e:
        raise Http404 from e


def corrections_url(language: str) -> str:
    with translation.override(language):
        return reverse("articles:corrections")


def correction_list(request):
    language = get_language()
    public = Article.objects.public().in_language(language)
    entries = (
        Correction.objects.filter(article__in=public)
        .select_related("article")
        .defer("article__body")
        .order_by("-created_at", "-id")
    )
    return render(
        request,
        "articles/corrections.html",
        {
            "page": paginate(request, entries),
            "alternates": alternates_for(
                request, urls={code: corrections_url(code) for code, _ in settings.LANGUAGES}
            ),
        },
    )
