"""Server time of the content API's article list (/api/v1/articles) on a
large archive: the plain list, its filters, a deep page and one article.

The target: with 100,000 articles the list answers in under 20 ms at the
95th percentile. Run against a database of your own (it migrates it and
adds the articles it lacks with ``masthead generate_archive``); see
docs/performance.md:

    MASTHEAD_VAR_DIR=var/bench python bench/api_list.py [ARTICLES=100000] [RENDERS=50]
    DATABASE_URL=postgres://… python bench/api_list.py

Anonymous requests through django.test.Client (every middleware, the
view, the serialisation, the database); each address is requested RENDERS
times after three unmeasured requests. Deep pages are reached the way a
client reaches them, by the cursor of a ``next`` address taken from the
middle and the end of the archive. Prints a Markdown table (p50, p95, max
in ms, SQL queries, the CPU time of this process) and writes the figures
as JSON to bench/results/api_list.json.
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from masthead.api.responses import encode_cursor  # noqa: E402
from masthead.articles.models import Article, ArticleAuthor  # noqa: E402
from masthead.articles.pagination import Cursor  # noqa: E402

HERE = Path(__file__).resolve().parent
wanted = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
renders = int(sys.argv[2]) if len(sys.argv) > 2 else 50

call_command("migrate", interactive=False, verbosity=0)
missing = wanted - Article.objects.count()
if missing > 0:
    print(f"Adding {missing:,} articles (generate_archive) …", file=sys.stderr)
    call_command("generate_archive", "--count", str(missing), "--no-progress")
total = Article.objects.count()
# The bench measures the server, not the throttle.
settings.API_ANONYMOUS_REQUESTS_PER_MINUTE = 0
client = Client(HTTP_HOST="127.0.0.1")

LIST = "/api/v1/articles"
public = Article.objects.public().order_by("-publish_at", "-id")
count_public = public.count()
newest = public.only("pk", "section_id", "language").first()
if newest is None:
    sys.exit("no public article: generate_archive made none")
tag = newest.tags.first() or Article.tags.through.objects.first().tag
byline = ArticleAuthor.objects.filter(article=newest).first()


def cursor_at(position: int) -> str:
    """The cursor of the public article at ``position`` (bench set-up only:
    an OFFSET read that the API itself never makes)."""
    article = public.only("publish_at")[min(position, count_public - 1)]
    return encode_cursor("publish_at", Cursor.of(article))


middle = public.only("publish_at")[count_public // 2].publish_at
addresses = [
    ("list", LIST),
    ("list, 100 per page", LIST + "?limit=100"),
    ("language", LIST + f"?language={newest.language}"),
    ("section", LIST + f"?section={newest.section_id}"),
    ("topic", LIST + f"?topic={tag.pk}"),
    ("author", LIST + f"?author={byline.author_id}"),
    ("published before", LIST + f"?published_before={middle.isoformat().replace('+', '%2B')}"),
    ("search: common word", LIST + "?q=die"),
    ("page: middle", LIST + f"?cursor={cursor_at(count_public // 2)}"),
    ("page: last", LIST + f"?cursor={cursor_at(count_public - 10)}"),
    ("one article", f"{LIST}/{newest.pk}"),
]


def timed(path: str) -> dict:
    for _ in range(3):
        response = client.get(path)
        if response.status_code != 200:
            sys.exit(f"{path} answered {response.status_code}: {response.content[:300]!r}")
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        data = client.get(path).json()
    times, cpu = [], []
    for _ in range(renders):
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get(path)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        assert response.status_code == 200, path
    times.sort()
    return {
        "path": path,
        "renders": len(times),
        "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(times[max(0, int(0.95 * len(times)) - 1)], 2),
        "max_ms": round(times[-1], 2),
        "cpu_p50_ms": round(statistics.median(cpu), 2),
        "queries": len(queries),
        "rows": len(data.get("results", [data])),
    }


results = {"articles_in_database": total, "vendor": connection.vendor, "pages": {}}
for name, path in addresses:
    results["pages"][name] = timed(path)

out = HERE / "results" / "api_list.json"
out.parent.mkdir(parents=True, exist_ok=True)
out.write_text(json.dumps(results, indent=2))
print(f"{total:,} articles ({count_public:,} public) on {connection.vendor}; "
      f"{renders} requests per address\n")  # fmt: skip
print("| Address | p50 ms | p95 ms | max ms | CPU p50 ms | queries | rows |")
print("|---|--:|--:|--:|--:|--:|--:|")
for name, r in results["pages"].items():
    print(
        f"| {name} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} | {r['max_ms']:.1f} "
        f"| {r['cpu_p50_ms']:.1f} | {r['queries']} | {r['rows']} |"
    )
