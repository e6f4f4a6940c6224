"""Reader views: home, article, section, tag and author pages.

Each view fetches through ``Article.objects.public()`` (the one gate) and
runs a fixed number of queries whatever the data; see test_queries.py.
"""

from math import ceil

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Prefetch, Q, prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.translation import get_language

from masthead.core.navigation import (
    alternates_for,
    home_url,
    root_section,
    section_tree_ids,
    sections_for,
)
from masthead.people.models import Author
from masthead.sections.models import Tag

from . import jsonld
from .models import Article, ArticleAuthor, SlugRedirect

RECENT_COUNT = 5
LATEST_COUNT = 6
PER_SECTION = 3


def paginate(request, queryset, per_page=None, paginator_class=Paginator):
    """The requested page of ``queryset``; a page that does not exist is a 404."""
    paginator = paginator_class(queryset, per_page or settings.PAGE_SIZE)
    try:
        return paginator.page(request.GET.get("page", 1))
    except (EmptyPage, PageNotAnInteger) as e:
        raise Http404 from e


class ArchivePaginator(Paginator):
    """The home page's pages: page 1 holds the front page's newest
    ``LATEST_COUNT + 1`` articles, and the archive goes on from there, so
    that page 2 starts with the first article the front page left out."""

    first = LATEST_COUNT + 1

    @cached_property
    def num_pages(self):
        return 1 + ceil(max(self.count - self.first, 0) / self.per_page)

    def page(self, number):
        number = self.validate_number(number)
        bottom = 0 if number == 1 else self.first + (number - 2) * self.per_page
        top = self.first if number == 1 else bottom + self.per_page
        return self._get_page(self.object_list[bottom:top], number, self)


def home(request):
    language = get_language()
    public = Article.objects.public().in_language(language)
    page_number = request.GET.get("page", "1")
    if page_number != "1":
        # Beyond the front page, the home page is the archive of everything.
        page = paginate(
            request, public.for_listing().newest_first(), paginator_class=ArchivePaginator
        )
        return render(request, "articles/archive.html", {"page": page})

    # One row more than shown tells whether there is more (no COUNT over
    # the whole archive).
    top = list(public.select_related("section").newest_first()[: LATEST_COUNT + 2])
    has_more = len(top) > LATEST_COUNT + 1
    top = top[: LATEST_COUNT + 1]
    lead, latest = (top[0], top[1:]) if top else (None, [])
    # The newest few of every section in one statement: one small LIMIT
    # subquery per section, each an index range scan, so the cost does not
    # grow with the archive (a window function over all articles did).
    shown = [a.pk for a in top]
    newest_of_each = Q()
    for section in sections_for(request):
        newest = public.filter(section_id=section.pk).exclude(pk__in=shown).newest_first()
        newest_of_each |= Q(pk__in=newest.values("pk")[:PER_SECTION])
    ranked = (
        list(public.filter(newest_of_each).select_related("section").newest_first())
        if newest_of_each
        else []
    )

    # The bylines of both lists in one query, so that the count does not
    # depend on whether the section blocks are empty.
    prefetch_related_objects(
        top + ranked,
        Prefetch(
            "bylines",
            queryset=ArticleAuthor.objects.select_related("author").order_by("position"),
        ),
    )
    by_section = {}
    for article in ranked:
        by_section.setdefault(article.section_id, []).append(article)
    blocks = [
        (section, by_section[section.pk])
        for section in sections_for(request)
        if section.pk in by_section
    ]
    return render(
        request,
        "articles/home.html",
        {
            "lead": lead,
            "latest": latest,
            "blocks": blocks,
            "has_more": has_more,
            "alternates": alternates_for(
                request, urls={code: home_url(code) for code, _ in settings.LANGUAGES}
            ),
        },
    )


def article_detail(request, slug):
    language = get_language()
    article = (
        Article.objects.public()
        .in_language(language)
        .for_listing()
        .prefetch_related("tags", "corrections")
        .filter(slug=slug)
        .first()
    )
    if article is None:
        old = SlugRedirect.objects.filter(language=language, slug=slug).select_related("article")
        old = old.first()
        if old and old.article.is_public:
            return redirect(old.article, permanent=True)
        raise Http404
    return render_article(request, article)


def render_article(request, article, *, preview=False):
    """The article page, as readers see it; the newsroom preview uses it too."""
    recent = (
        Article.objects.public()
        .in_language(article.language)
        .exclude(pk=article.pk)
        .select_related("section")
        .newest_first()[:RECENT_COUNT]
    )
    translations = list(
        Article.objects.public()
        .filter(translation_key=article.translation_key)
        .exclude(pk=article.pk)
        .only("language", "slug")
    )
    return render(
        request,
        "articles/article_detail.html",
        {
            "article": article,
            "recent": recent,
            "preview": preview,
            "alternates": alternates_for(request, translations=translations, current=article),
            "current_section": root_section(request, article.section),
            "jsonld": jsonld.news_article(article, request),
        },
    )


def section_detail(request, slug):
    language = get_language()
    sections = sections_for(request)
    section = next((s for s in sections if s.slugs.get(language) == slug), None)
    if section is None:
        raise Http404
    articles = (
        Article.objects.public()
        .in_language(language)
        .filter(section_id__in=section_tree_ids(sections, section))
        .for_listing()
        .newest_first()
    )
    return render(
        request,
        "articles/section_detail.html",
        {
            "section": section,
            "current_section": root_section(request, section),
            "children": [s for s in sections if s.parent_id == section.pk],
            "page": paginate(request, articles),
            "alternates": alternates_for(
                request, urls={code: section.url_in(code) for code in section.slugs}
            ),
        },
    )


def tag_detail(request, slug):
    language = get_language()
    tag = get_object_or_404(Tag, language=language, slug=slug)
    articles = (
        Article.objects.public().in_language(language).filter(tags=tag).for_listing()
    ).newest_first()
    return render(
        request,
        "articles/tag_detail.html",
        {"tag": tag, "page": paginate(request, articles), "alternates": alternates_for(request)},
    )


def author_detail(request, slug):
    language = get_language()
    author = get_object_or_404(Author, slug=slug)
    articles = (
        Article.objects.public()
        .in_language(language)
        .filter(bylines__author=author)
        .for_listing()
        .newest_first()
    )
    return render(
        request,
        "articles/author_detail.html",
        {
            "author": author,
            "page": paginate(request, articles),
            "alternates": alternates_for(
                request, urls={code: author.url_in(code) for code, _ in settings.LANGUAGES}
            ),
        },
    )
