"""Reader views: home, article, section, tag and author pages.

Each view fetches through ``Article.objects.public()`` (the one gate) and
runs a fixed number of queries whatever the data; see test_queries.py.
"""

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language

from masthead.core.navigation import alternates_for, home_url, sections_for
from masthead.people.models import Author
from masthead.sections.models import Tag

from . import jsonld
from .models import Article, SlugRedirect

RECENT_COUNT = 5
LATEST_COUNT = 6
PER_SECTION = 3


def paginate(request, queryset, per_page=None):
    """The requested page of ``queryset``; a page that does not exist is a 404."""
    paginator = Paginator(queryset, per_page or settings.PAGE_SIZE, allow_empty_first_page=True)
    try:
        return paginator.page(request.GET.get("page", 1))
    except (EmptyPage, PageNotAnInteger) as e:
        raise Http404 from e


def home(request):
    language = get_language()
    public = Article.objects.public().in_language(language)
    page_number = request.GET.get("page", "1")
    if page_number != "1":
        # Beyond the front page, the home page is the archive of everything.
        page = paginate(request, public.for_listing().newest_first())
        return render(request, "articles/archive.html", {"page": page})

    top = list(public.for_listing().newest_first()[: LATEST_COUNT + 1])
    lead, latest = (top[0], top[1:]) if top else (None, [])
    # The newest few of every section in one query (a window function).
    ranked = (
        public.exclude(pk__in=[a.pk for a in top])
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=F("section_id"),
                order_by=[F("publish_at").desc(), F("id").desc()],
            )
        )
        .filter(rank__lte=PER_SECTION)
        .for_listing()
        .newest_first()
    )
    by_section = {}
    for article in ranked:
        by_section.setdefault(article.section_id, []).append(article)
    blocks = [
        (section, by_section[section.pk])
        for section in sections_for(request)
        if section.pk in by_section
    ]
    total = public.count()
    return render(
        request,
        "articles/home.html",
        {
            "lead": lead,
            "latest": latest,
            "blocks": blocks,
            "has_more": total > LATEST_COUNT + 1,
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
            "jsonld": jsonld.news_article(article, request),
        },
    )


def _section_tree_ids(sections, root):
    """``root`` and every section below it."""
    ids, frontier = {root.pk}, [root.pk]
    while frontier:
        children = [s.pk for s in sections if s.parent_id in frontier and s.pk not in ids]
        ids.update(children)
        frontier = children
    return ids


def section_detail(request, slug):
    language = get_language()
    sections = sections_for(request)
    section = next((s for s in sections if s.slugs.get(language) == slug), None)
    if section is None:
        raise Http404
    articles = (
        Article.objects.public()
        .in_language(language)
        .filter(section_id__in=_section_tree_ids(sections, section))
        .for_listing()
        .newest_first()
    )
    return render(
        request,
        "articles/section_detail.html",
        {
            "section": section,
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
