"""Uncached server time of every kind of public page on a large archive.

The issue's target: with 1,000,000 articles on PostgreSQL, every public
page uncached under 50 ms p95. Run against a loaded database (see
docs/performance.md, "1,000,000 articles"):

    PAGE_CACHE_SECONDS=0 DATABASE_URL=postgres://… python bench/scale.py [RENDERS=50]

Each address is requested RENDERS times in-process through the whole
Django stack (django.test.Client: every middleware, the view, the
templates, the database), after three unmeasured requests; article pages
are RENDERS different articles spread over the archive, so that the
database cannot answer them all from the same few pages. Prints a
Markdown table (p50, p95, max in ms, SQL queries, bytes) and writes the
raw figures as JSON to bench/results/scale.json.
"""

import json
import random
import statistics
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count, Max, Min  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402

from masthead.articles.models import Article, ArticleAuthor  # noqa: E402
from masthead.people.models import Author  # noqa: E402
from masthead.sections.models import Tag  # noqa: E402

LANGUAGE = "de"
HERE = Path(__file__).resolve().parent
renders = int(sys.argv[1]) if len(sys.argv) > 1 else 50
if settings.PAGE_CACHE_SECONDS:
    sys.exit("scale.py measures uncached pages: set PAGE_CACHE_SECONDS=0")

client = Client(HTTP_HOST="127.0.0.1")
public = Article.objects.public().in_language(LANGUAGE)
total = Article.objects.count()

# The addresses of bench/pick_urls.py (home, an article, the largest
# section first and deep, the RSS feed) …
picked = subprocess.run(
    [sys.executable, str(HERE / "pick_urls.py")], capture_output=True, text=True, check=True
).stdout
pages = [line.split(maxsplit=1) for line in picked.splitlines() if line.strip()]
pages = [(name, path) for name, path in pages if name != "article"]

# … the most used tag and the most prolific author …
tag_id = (
    Article.tags.through.objects.values("tag_id")
    .annotate(n=Count("pk"))
    .order_by("-n")
    .values_list("tag_id", flat=True)
    .first()
)
author_id = (
    ArticleAuthor.objects.values("author_id")
    .annotate(n=Count("pk"))
    .order_by("-n")
    .values_list("author_id", flat=True)
    .first()
)
with translation.override(LANGUAGE):
    if tag_id:
        pages.append(("tag", Tag.objects.get(pk=tag_id).get_absolute_url()))
    if author_id:
        pages.append(("author", Author.objects.get(pk=author_id).get_absolute_url()))
    pages.append(("feed-atom", reverse("feeds:atom")))
    pages.append(("feed-json", reverse("feeds:json")))

# … the sitemap index, its first and last article sitemap, the News sitemap.
pages.append(("sitemap-index", "/sitemap.xml"))
index = client.get("/sitemap.xml")
locations = [
    loc.text
    for loc in ET.fromstring(index.content).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
]
articles_maps = [loc for loc in locations if "articles" in loc]
for name, loc in (("sitemap-first", articles_maps[0]), ("sitemap-last", articles_maps[-1])):
    parts = urlsplit(loc)  # on the site's address (SITE_URL): its path and query
    pages.append((name, parts.path + (f"?{parts.query}" if parts.query else "")))
pages.append(("news-sitemap", "/news-sitemap.xml"))

# RENDERS articles from all over the archive.
bounds = public.aggregate(low=Min("id"), high=Max("id"))
rng = random.Random(1)
articles = []
while len(articles) < renders:
    start = rng.randint(bounds["low"], bounds["high"])
    article = public.filter(id__gte=start).order_by("id").only("slug", "language").first()
    if article:
        articles.append(article.get_absolute_url())


def timed(paths):
    for path in paths[:3]:
        response = client.get(path)
        if response.status_code != 200:
            sys.exit(f"{path} answered {response.status_code}")
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        size = len(client.get(paths[0]).content)
    times = []
    for path in paths:
        start = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, path
    times.sort()
    return {
        "path": paths[0] if len(set(paths)) == 1 else f"{len(set(paths))} articles",
        "renders": len(times),
        "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(times[max(0, int(0.95 * len(times)) - 1)], 2),
        "max_ms": round(times[-1], 2),
        "queries": len(queries),
        "bytes": size,
    }


results = {"articles_in_database": total, "vendor": connection.vendor, "pages": {}}
results["pages"]["article"] = timed(articles)
for name, path in pages:
    results["pages"][name] = timed([path] * renders)

out = HERE / "results" / "scale.json"
out.parent.mkdir(parents=True, exist_ok=True)
out.write_text(json.dumps(results, indent=2))
print(f"{total:,} articles on {connection.vendor}; {renders} uncached renders per page\n")
print("| Page | Address | p50 ms | p95 ms | max ms | queries | bytes |")
print("|---|---|--:|--:|--:|--:|--:|")
for name, r in results["pages"].items():
    print(
        f"| {name} | `{r['path']}` | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} | {r['max_ms']:.1f} "
        f"| {r['queries']} | {r['bytes']:,} |"
    )
