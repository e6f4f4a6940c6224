"""Reader views: home, article, section, tag and author pages.

Each view fetches through ``Article.objects.public()`` (the one gate) and
runs a fixed number of queries whatever the data; see test_queries.py.
"""

from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language

from masthead.lib.generations import per_generation
from masthead.people.models import Author
from masthead.sections.models import Tag
from masthead.sections.tree import (
    root_section,
    section_by_pk,
    section_by_slug,
    section_tree_ids,
    sections_for,
)

from . import jsonld
from .alternates import alternates_for, home_url
from .models import Article, ArticleAuthor, Correction, SlugRedirect
from .pagination import BackToFirstPage, Cursor, keyset_page

RECENT_COUNT = 5
LATEST_COUNT = 6
PER_SECTION = 3


def render_list(request, template, articles, context, front=0):
    """A list page (section, tag, author, the home page's archive) of
    ``articles``, paged by cursor (see pagination.py): one query for the
    page, one for its bylines. An ``?after=`` page that reaches the newest
    articles redirects to the first page."""
    if "page" in request.GET:
        return old_page_link(request)
    try:
        page = keyset_page(request, articles, front=front)
    except BackToFirstPage as first:
        return redirect(request.path + first.query)
    response = render(request, template, {**context, "page": page})
    if not page.known:
        # A position that no link of the site names (made up, or its article
        # is gone): shown, but stored by no cache (pagination.py).
        patch_cache_control(response, no_store=True)
    return response


def old_page_link(request, archive_start=None):
    """Links to the numbered pages of before: ``?page=1`` was the first
    page (a permanent redirect there); on the home page, ``?page=2`` was the
    archive's first page (``archive_start``: a temporary redirect, as it moves
    with every new article). Other numbers no longer exist (404)."""
    number = request.GET["page"]
    if number == "1":
        return redirect(request.path, permanent=True)
    if number == "2" and archive_start is not None:
        return redirect(request.path + archive_start)
    raise Http404("numbered pages are gone")


def _front_page(pinned, newest) -> list:
    """The front page's articles in order: each pinned article at its
    place, the newest in the places between."""
    at = {article.front_slot.position: article for article in pinned}
    rest = iter(newest)
    top = []
    for place in range(1, len(pinned) + len(newest) + 1):
        article = at.pop(place, None) or next(rest, None)
        if article is not None:
            top.append(article)
    # Pins at places past the end of a short front page.
    return top + list(at.values())


def home(request):
    language = get_language()
    public = Article.objects.public().in_language(language)
    if "before" in request.GET or "after" in request.GET:
        # Beyond the front page, the home page is the archive of everything;
        # "More news" continues after the front page's last article.
        return render_list(
            request, "articles/archive.html", public.for_listing(), {}, front=LATEST_COUNT + 1
        )
    if "page" in request.GET:
        # The last of the front page's articles and one more, if any.
        ends = public.newest_first().values_list("publish_at", "pk")
        ends = list(ends[LATEST_COUNT : LATEST_COUNT + 2])
        start = f"?before={Cursor(*ends[0])}" if len(ends) > 1 else None
        return old_page_link(request, archive_start=start)

    # Fetch: the articles editors pinned to places of the front page
    # (articles/frontpage.py), the newest of the others (one more than
    # shown tells whether there is more, with no COUNT over the whole
    # archive), then the newest few of every section besides those, and
    # the bylines of all in one query, so that the count does not depend
    # on whether the section blocks are empty.
    pinned = list(public.pinned().select_related("section", "lead_image", "front_slot"))
    wanted = LATEST_COUNT + 1 - len(pinned)
    newest = list(
        public.exclude(pk__in=[a.pk for a in pinned])
        .select_related("section", "lead_image")
        .newest_first()[: wanted + 1]
    )
    has_more = len(newest) > wanted
    newest = newest[:wanted]
    top = _front_page(pinned, newest)
    sections = sections_for(request)
    ranked = list(
        public.newest_per_section(
            sections, exclude=[a.pk for a in top], per_section=PER_SECTION
        ).select_related("section")
    )
    prefetch_related_objects(
        top + ranked,
        Prefetch(
            "bylines",
            queryset=ArticleAuthor.objects.select_related("author").order_by("position"),
        ),
    )

    # Group: the lead, the latest, and a block per section that has any.
    lead, latest = (top[0], top[1:]) if top else (None, [])
    if lead is not None:
        # Only the lead teaser shows its picture: its renditions, one query.
        prefetch_related_objects([lead], "lead_image__renditions")
    by_section = {}
    for article in ranked:
        by_section.setdefault(article.section_id, []).append(article)
    blocks = [(section, by_section[section.pk]) for section in sections if section.pk in by_section]

    return render(
        request,
        "articles/home.html",
        {
            "lead": lead,
            "latest": latest,
            "blocks": blocks,
            # "More news" goes on from the oldest of the newest shown.
            "more": f"?before={Cursor.of(newest[-1])}" if has_more else "",
            "alternates": alternates_for(
                request, urls={code: home_url(code) for code, _ in settings.LANGUAGES}
            ),
        },
    )


def article_detail(request, slug):
    language = get_language()
    # The article alone, its section from the sections every page already
    # holds (sections_for); what else the page shows is fetched by
    # render_article in small queries of its own.
    article = next(
        iter(
            Article.objects.public()
            .in_language(language)
            .select_related("lead_image", "social_image")
            .filter(slug=slug)
            .order_by()[:1]  # unique (language, slug): no ordering needed
        ),
        None,
    )
    if article is None:
        old = SlugRedirect.objects.filter(language=language, slug=slug).select_related("article")
        old = old.first()
        if old and old.article.is_public:
            return redirect(old.article, permanent=True)
        raise Http404
    if section := section_by_pk(sections_for(request), article.section_id):
        article.section = section
    return render_article(request, article)


def render_article(request, article, *, preview=False):
    """The article page, as readers see it; the newsroom preview uses it too.

    The byline, topics and corrections come in three plain queries rather
    than as prefetches of the article's query: Django's prefetching costs
    more to set up than these queries take (about 1 ms of an article's
    render, bench/render_time.py), and a render is what every cache miss
    pays. The template gets them as ``authors``, ``topics`` and
    ``corrections``."""
    # The newest of the language, once per content generation; the page's
    # own article left out here (one more is kept for that).
    newest = per_generation(
        request,
        ("recent", article.language),
        lambda: list(
            Article.objects.public()
            .in_language(article.language)
            .select_related("section")
            .newest_first()[: RECENT_COUNT + 1]
        ),
    )
    recent = [other for other in newest if other.pk != article.pk][:RECENT_COUNT]
    translations = list(
        Article.objects.public()
        .filter(translation_key=article.translation_key)
        .exclude(pk=article.pk)
        .only("language", "slug", "translated_from")
    )
    authors = list(Author.objects.filter(bylines__article=article).order_by("bylines__position"))
    topics = list(Tag.objects.filter(articles=article))
    corrections = list(Correction.objects.filter(article=article))
    # The public original of a translation, which the page links to.
    original = next((t for t in translations if t.language == article.translated_from), None)
    if article.lead_image_id:
        prefetch_related_objects([article], "lead_image__renditions")
    return render(
        request,
        "articles/article_detail.html",
        {
            "article": article,
            "authors": authors,
            "topics": topics,
            "corrections": corrections,
            "recent": recent,
            "preview": preview,
            "alternates": alternates_for(request, translations=translations, current=article),
            "current_section": root_section(request, article.section),
            "original": original,
            "show_machine_assistance": settings.SHOW_MACHINE_ASSISTANCE,
            "jsonld": jsonld.news_article(
                article, request, authors=authors, topics=topics, translations=translations
            ),
        },
    )


def section_detail(request, slug):
    language = get_language()
    sections = sections_for(request)
    section = section_by_slug(sections, language, slug)
    if section is None:
        raise Http404
    articles = (
        Article.objects.public()
        .in_language(language)
        .filter(section_id__in=section_tree_ids(sections, section))
        .for_listing()
    )
    return render_list(
        request,
        "articles/section_detail.html",
        articles,
        {
            "section": section,
            "current_section": root_section(request, section),
            "children": [s for s in sections if s.parent_id == section.pk],
            "alternates": alternates_for(
                request, urls={code: section.url_in(code) for code in section.slugs}
            ),
        },
    )


def tag_detail(request, slug):
    language = get_language()
    tag = get_object_or_404(Tag, language=language, slug=slug)
    articles = Article.objects.public().in_language(language).filter(tags=tag).for_listing()
    return render_list(
        request,
        "articles/tag_detail.html",
        articles,
        {"tag": tag, "alternates": alternates_for(request)},
    )


def author_detail(request, slug):
    language = get_language()
    author = get_object_or_404(Author, slug=slug)
    articles = (
        Article.objects.public().in_language(language).filter(bylines__author=author).for_listing()
    )
    return render_list(
        request,
        "articles/author_detail.html",
        articles,
        {
            "author": author,
            "alternates": alternates_for(
                request, urls={code: author.url_in(code) for code, _ in settings.LANGUAGES}
            ),
        },
    )
