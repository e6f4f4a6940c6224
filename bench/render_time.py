"""Server time of uncached renders, measured in-process.

Usage (environment as for `masthead serve`, with PAGE_CACHE_SECONDS=0):
    python bench/render_time.py PATH [COUNT=100] > result.json
    python bench/render_time.py --articles [COUNT=100] > result.json

Goes through the whole Django stack (every middleware, the view, the
templates, the database) with django.test.Client, so the figure is the
server's own time without HTTP parsing, sockets or the HTTP server. Five
unmeasured requests come first (imports, template loading, the
database connection). Prints a JSON object: median, p90, min and max in
milliseconds, and the number of SQL queries of one render.

With a PATH, the same page is rendered COUNT times. With --articles,
COUNT different articles of the archive are rendered once each (spread
over all of it, in the site's default language), as a crawler walking the
archive meets them: nothing of one article's page is left over for the
next, only what every page shares in a content generation (the sections,
the recent posts, breaking news: lib/generations.py).
"""

import json
import statistics
import sys
import time

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

count = int(sys.argv[2]) if len(sys.argv) > 2 else 100
if settings.PAGE_CACHE_SECONDS:
    sys.exit("render_time.py measures uncached renders: set PAGE_CACHE_SECONDS=0")
if sys.argv[1] == "--articles":
    from django.utils import translation

    from masthead.articles.models import Article

    with translation.override(settings.LANGUAGE_CODE):
        public = Article.objects.public().in_language(settings.LANGUAGE_CODE)
        total = public.count()
        step = max(1, total // (count + 5))
        paths = [a.get_absolute_url() for a in public.order_by("pk")[::step][: count + 5]]
    if len(paths) < count + 5:
        sys.exit(f"--articles {count} needs {count + 5} public articles, not {len(paths)}")
    warm, paths = paths[:5], paths[5:]
    path = f"{count} different articles"
else:
    path = sys.argv[1]
    warm, paths = [path] * 5, [path] * count

client = Client(HTTP_HOST="127.0.0.1")
for warm_path in warm:
    response = client.get(warm_path)
    if response.status_code != 200:
        sys.exit(f"{warm_path} answered {response.status_code}")
queries = []


def count_query(execute, sql, params, many, context):
    queries.append(sql)
    return execute(sql, params, many, context)


# Counted with a wrapper: Django resets connection.queries at every request.
with connection.execute_wrapper(count_query):
    client.get(warm[-1])
times = []
for each in paths:
    start = time.perf_counter()
    response = client.get(each)
    times.append((time.perf_counter() - start) * 1000)
    if response.status_code != 200:
        sys.exit(f"{each} answered {response.status_code}")
times.sort()
print(
    json.dumps(
        {
            "path": path,
            "renders": count,
            "median_ms": round(statistics.median(times), 3),
            "p90_ms": round(times[int(0.9 * (count - 1))], 3),
            "min_ms": round(times[0], 3),
            "max_ms": round(times[-1], 3),
            "queries": len(queries),
            "bytes": len(response.content),
        }
    )
)
