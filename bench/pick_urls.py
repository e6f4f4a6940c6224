"""Print the addresses the benchmark measures, one "name path" a line:
the German home page, one article, the largest German section (first and
deep page), a deep page of the home page's archive and the German RSS feed.

Lists page by cursor (masthead/articles/pagination.py): the deep pages are
the ``?before=`` addresses a reader reaches by following "Older articles"
DEEP_PAGE - 1 times (or to the last page of a smaller list)."""

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402

from masthead.articles.models import Article  # noqa: E402
from masthead.articles.pagination import Cursor  # noqa: E402
from masthead.articles.views import LATEST_COUNT  # noqa: E402
from masthead.sections.models import Section  # noqa: E402

LANGUAGE = "de"
DEEP_PAGE = 400

public = Article.objects.public().in_language(LANGUAGE)
# An article from the middle of the archive: neither on the home page nor
# the oldest one.
article = public.order_by("-publish_at")[public.count() // 2]
counts = (
    public.values("section_id")
    .annotate(n=Count("pk"))
    .order_by("-n")
    .values_list("section_id", "n")
)
section_id, in_section = counts[0]
section = Section.objects.get(pk=section_id)
size = settings.PAGE_SIZE


def deep_page(articles, skip, count):
    """The page number (as the old numbered pages counted) and the
    ``?before=`` cursor of the deep page of a list of ``count`` articles
    whose first ``skip`` are shown before its page 1."""
    last_page = max(1, -(-(count - skip) // size))
    # The issue asks for a deep page such as 400; a section of a
    # 10,000-article archive has fewer pages, so take its last one then.
    page = min(DEEP_PAGE, last_page)
    shown_before = skip + (page - 1) * size
    if shown_before == 0:
        return page, ""
    # The page starts after the last article of the page before it.
    before = articles.order_by("-publish_at", "-id").values_list("publish_at", "pk")
    return page, f"?before={Cursor(*before[shown_before - 1])}"


# (Subsections of the section, if any, are left out: the generated archive
# has none.)
section_page, section_query = deep_page(public.filter(section_id=section_id), 0, in_section)
# The archive (home page, "More news") starts after the front page's articles.
archive_page, archive_query = deep_page(public, LATEST_COUNT + 1, public.count())
with translation.override(LANGUAGE):
    section_url = section.url_in(LANGUAGE)
    home = reverse("articles:home")
    print("home", home)
    print("article", article.get_absolute_url())
    print("section-p1", section_url)
    print(f"section-p{section_page}", f"{section_url}{section_query}")
    print(f"archive-p{archive_page}", f"{home}{archive_query}")
    print("feed-rss", reverse("feeds:rss"))
