"""Print the addresses the benchmark measures, one "name path" a line:
the German home page, one article, the largest German section (first and
deep page) and the German RSS feed."""

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402

from masthead.articles.models import Article  # noqa: E402
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
last_page = max(1, -(-in_section // settings.PAGE_SIZE))
# The issue asks for a deep page such as 400; a section of a 10,000-article
# archive has fewer pages, so take its last one when 400 does not exist.
deep = min(DEEP_PAGE, last_page)
with translation.override(LANGUAGE):
    section_url = section.url_in(LANGUAGE)
    print("home", reverse("articles:home"))
    print("article", article.get_absolute_url())
    print("section-p1", section_url)
    print(f"section-p{deep}", f"{section_url}?page={deep}")
    print("feed-rss", reverse("feeds:rss"))
