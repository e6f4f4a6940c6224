"""Server time of the newsroom's article list (/desk/articles/) on a large
archive: the list, its filters and its deep pages.

The issue's target: with 100,000 articles the list, its filters and its
paging answer in under 100 ms. Run against a database of your own (it
migrates it, adds the articles it lacks with ``masthead generate_archive``,
and a staff account "bench-editor"); see docs/performance.md:

    MASTHEAD_VAR_DIR=var/bench python bench/desk_list.py [ARTICLES=100000] [RENDERS=30]
    DATABASE_URL=postgres://… python bench/desk_list.py

The editor signs in with a password (django.test.Client: every middleware,
the view, the template, the database); each address is requested RENDERS
times after three unmeasured requests. Deep pages are reached the way an
editor reaches them, by a cursor (``?before=``) taken from the middle and
the end of the archive. Prints a Markdown table (p50, p95, max in ms, SQL
queries; the CPU time of this process, which the load of a shared machine
does not inflate) and writes the figures as JSON to bench/results/desk_list.json.
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

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from masthead.accounts.roles import Role  # noqa: E402
from masthead.articles.models import Article  # noqa: E402
from masthead.articles.pagination import Cursor  # noqa: E402

HERE = Path(__file__).resolve().parent
wanted = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
renders = int(sys.argv[2]) if len(sys.argv) > 2 else 30
USERNAME, PASSWORD = "bench-editor", "bench-editor-password-1"

# The schema, then the archive: reuse it, or add what is missing.
call_command("migrate", interactive=False, verbosity=0)
missing = wanted - Article.objects.count()
if missing > 0:
    print(f"Adding {missing:,} articles (generate_archive) …", file=sys.stderr)
    call_command("generate_archive", "--count", str(missing), "--no-progress")
call_command("collectstatic", interactive=False, verbosity=0)
total = Article.objects.count()

# An editor, signed in with a password.
user, _created = get_user_model().objects.get_or_create(
    username=USERNAME, defaults={"is_staff": True}
)
user.set_password(PASSWORD)
user.save()
user.groups.add(Group.objects.get_or_create(name=Role.EDITOR)[0])
client = Client(HTTP_HOST="127.0.0.1")
if not client.login(username=USERNAME, password=PASSWORD):
    sys.exit("the bench editor could not sign in")

LIST = reverse("desk:articles")
ordered = Article.objects.order_by("-modified_at", "-id").only("modified_at")


def cursor_at(position: int) -> str:
    """The cursor of the article at ``position`` of the list (bench set-up
    only: an OFFSET read that the list itself never makes)."""
    article = ordered[min(position, total - 1)]
    return str(Cursor.of(article, "modified_at"))


addresses = [
    ("list", LIST),
    ("state: published", LIST + "?status=published"),
    ("state: draft", LIST + "?status=draft"),
    ("state: scheduled", LIST + "?status=scheduled"),
    ("language: de", LIST + "?language=de"),
    ("language: en", LIST + "?language=en"),
    ("state and language", LIST + "?status=published&language=de"),
    ("search: common word", LIST + "?q=die"),
    ("search: no match", LIST + "?q=zzqxj"),
    ("search and state: no match", LIST + "?q=zzqxj&status=published"),
    ("search and language: rare word", LIST + "?q=Kanzler&language=de"),
    ("page: middle", LIST + f"?before={cursor_at(total // 2)}"),
    ("page: last", LIST + f"?before={cursor_at(total - 10)}"),
    ("page: middle, newer", LIST + f"?after={cursor_at(total // 2)}"),
    ("filtered page: middle", LIST + f"?language=de&before={cursor_at(total // 2)}"),
]


def timed(path: str) -> dict:
    for _ in range(3):
        response = client.get(path)
        if response.status_code != 200:
            sys.exit(f"{path} answered {response.status_code}")
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        rows = client.get(path).content.decode().count('class="articles__headline"')
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
        # This process's CPU time: Python and SQLite, not a PostgreSQL server.
        "cpu_p50_ms": round(statistics.median(cpu), 2),
        "queries": len(queries),
        "count_queries": sum("COUNT(" in q.upper() for q in queries),
        "rows": rows,
    }


results = {"articles_in_database": total, "vendor": connection.vendor, "pages": {}}
for name, path in addresses:
    results["pages"][name] = timed(path)

out = HERE / "results" / "desk_list.json"
out.parent.mkdir(parents=True, exist_ok=True)
out.write_text(json.dumps(results, indent=2))
print(f"{total:,} articles on {connection.vendor}; {renders} renders per address\n")
print("| Address | p50 ms | p95 ms | max ms | CPU p50 ms | queries | COUNT | rows |")
print("|---|--:|--:|--:|--:|--:|--:|--:|")
for name, r in results["pages"].items():
    print(
        f"| {name} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} | {r['max_ms']:.1f} "
        f"| {r['cpu_p50_ms']:.1f} | {r['queries']} | {r['count_queries']} | {r['rows']} |"
    )
