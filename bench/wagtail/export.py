"""Write the articles of Masthead's benchmark site as JSON for the
reference Wagtail site (news/management/commands/load_articles.py): the
article the benchmark measures and the COUNT articles published before it,
in German, with their section, first author and body as stored.

Usage (Masthead's environment, as for bench/pick_urls.py):
    python bench/wagtail/export.py ARTICLE_PATH [COUNT=2000] > articles.json
"""

import json
import sys

import django

django.setup()

from django.urls import resolve  # noqa: E402
from django.utils import translation  # noqa: E402

from masthead.articles.models import Article  # noqa: E402

LANGUAGE = "de"
path = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
with translation.override(LANGUAGE):
    slug = resolve(path).kwargs["slug"]
    public = Article.objects.public().in_language(LANGUAGE)
    measured = public.get(slug=slug)
    # The measured article and the ``count`` before it, in one query.
    articles = (
        public.filter(publish_at__lte=measured.publish_at)
        .exclude(publish_at=measured.publish_at, pk__gt=measured.pk)
        .newest_first()
        .for_listing()[: count + 1]
    )
    out = []
    for article in articles:
        authors = article.byline_authors
        out.append(
            {
                "headline": article.headline,
                "slug": article.slug,
                "standfirst": article.standfirst,
                "description": article.search_description,
                "body": article.body,
                "section": article.section.name,
                "section_slug": article.section.slug_in(LANGUAGE),
                "author": authors[0].name if authors else "",
                "publish_at": article.publish_at.isoformat(),
                "measured": article.pk == measured.pk,
            }
        )
json.dump(out, sys.stdout, ensure_ascii=False)
