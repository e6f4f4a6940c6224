"""Server time of uncached renders, measured in-process.

Usage (environment as for `masthead serve`, with PAGE_CACHE_SECONDS=0):
    python bench/render_time.py PATH [COUNT=100] > result.json

Goes through the whole Django stack (every middleware, the view, the
templates, the database) with django.test.Client, so the figure is the
server's own time without HTTP parsing, sockets or gunicorn. Five
unmeasured requests come first (imports, template loading, the
database connection). Prints a JSON object: median, p90, min and max in
milliseconds, and the number of SQL queries of one render.
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

path = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 100
if settings.PAGE_CACHE_SECONDS:
    sys.exit("render_time.py measures uncached renders: set PAGE_CACHE_SECONDS=0")

client = Client(HTTP_HOST="127.0.0.1")
for _ in range(5):
    response = client.get(path)
    if response.status_code != 200:
        sys.exit(f"{path} answered {response.status_code}")
queries = []


def count_query(execute, sql, params, many, context):
    queries.append(sql)
    return execute(sql, params, many, context)


# Counted with a wrapper: Django resets connection.queries at every request.
with connection.execute_wrapper(count_query):
    client.get(path)
times = []
for _ in range(count):
    start = time.perf_counter()
    response = client.get(path)
    times.append((time.perf_counter() - start) * 1000)
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
