"""Search benchmarks: relevance on judged queries, and speed on a large
archive. docs/search.md has the figures and how they were taken.

    # Relevance: a fresh database with the German corpus and the demo's
    # English articles (both loaded here when the database has no articles).
    MASTHEAD_VAR_DIR=/tmp/rel python bench/search.py relevance
    DATABASE_URL=postgres://…/rel python bench/search.py relevance

    # Speed: on an archive made with `masthead generate_archive` (and
    # indexed: `masthead search_index`, or a worker), RUNS timed searches
    # of a mix of queries, through the engine alone and through the whole
    # results page (django.test.Client, every middleware, uncached).
    PAGE_CACHE_SECONDS=0 python bench/search.py speed [RUNS=200]

Prints Markdown tables and writes the raw figures as JSON to
bench/results/search-<mode>-<engine>.json.
"""

import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402

from masthead.articles.models import Article  # noqa: E402
from masthead.search import evaluation, indexing  # noqa: E402
from masthead.search.backends import engine  # noqa: E402
from masthead.search.query import parse  # noqa: E402

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpora" / "german-news" / "10kGNAD-test.csv"

# Speed: what readers type, from rare to the most common words, compounds,
# several words, phrases, exclusions, and unfinished words (type-ahead).
SPEED_QUERIES = [
    "Vertrag", "Verteidigung", "Flüchtlinge", "Fluechtlinge", "Regierung", "Wien",
    "Österreich", "die", "und der", "Bundesregierung", "Arbeitsmarkt", "Fußball WM",
    "Hypo Alpe Adria", '"Europäische Union"', "Asyl -Flüchtlinge", "Klimawandel",
    "Google Android Update", "Sebastian Kurz", "Steuerreform", "Wahl Bundespräsident",
    "Grüne", "Polizei Wien Festnahme", "Rapid Austria Derby", "Mindestsicherung",
]  # fmt: skip
PREFIXES = ["Reg", "Flücht", "Bundesp", "Öster", "Fuß"]


def engine_name() -> str:
    return connection.vendor


def relevance() -> None:
    if not Article.objects.exists():
        from masthead.demo.load import load_demo

        print("Loading the corpus and the demo …", file=sys.stderr)
        load_demo()  # first: it wants an empty database
        call_command("import_german_news", "--path", str(CORPUS), "--no-progress")
        for _ in indexing.rebuild():
            pass
    outcomes = evaluation.evaluate(evaluation.judged_queries())
    summary = evaluation.summary(outcomes)
    articles = Article.objects.count()
    print(f"\nRelevance on {engine_name()} ({articles:,} articles)\n")
    print("| Kind | Queries | MRR | Recall@10 |")
    print("|---|---:|---:|---:|")
    for kind, figures in summary.items():
        print(
            f"| {kind} | {figures['queries']} | {figures['mrr']:.3f} "
            f"| {figures['recall_at_10']:.3f} |"
        )
    misses = [o for o in outcomes if o.rank != 1 or o.recall_at_10 < 1]
    if misses:
        print("\nQueries not perfect (first relevant at, found in ten / relevant):")
        for o in misses:
            print(
                f"- {o.judged.kind} {o.judged.language} {o.judged.query!r}: "
                f"{o.rank}, {o.found_in_ten}/{o.relevant}"
            )
    write(
        "relevance",
        {
            "engine": engine_name(),
            "articles": articles,
            "summary": summary,
            "queries": [
                {
                    "kind": o.judged.kind,
                    "language": o.judged.language,
                    "query": o.judged.query,
                    "relevant": o.relevant,
                    "rank": o.rank,
                    "found_in_ten": o.found_in_ten,
                }
                for o in outcomes
            ],
        },
    )


def percentile(values: list[float], share: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(share * (len(values) - 1))))]


def speed(runs: int) -> None:
    if settings.PAGE_CACHE_SECONDS:
        sys.exit("bench/search.py speed measures uncached pages: set PAGE_CACHE_SECONDS=0")
    language = "de"
    articles = Article.objects.count()
    indexed = engine().count()
    among = Article.objects.public().in_language(language)
    rng = random.Random(1)
    client = Client(HTTP_HOST="127.0.0.1")
    with translation.override(language):
        results_path = reverse("search:results")
        suggest_path = reverse("search:suggestions")
    cases = [("query", q) for q in SPEED_QUERIES] + [("prefix", p) for p in PREFIXES]
    # Warm up: each query once, so that the figures are of a running site
    # (the first search of a word after a restart reads its rows from disk,
    # up to a few hundred ms; one in seven of the timed searches would be
    # such a first one).
    for kind, text in cases:
        client.get(suggest_path if kind == "prefix" else results_path, {"q": text})
    figures = {"engine": [], "page": [], "suggest": []}
    per_query = {}
    for _ in range(runs):
        kind, text = rng.choice(cases)
        if kind == "prefix":
            started = time.perf_counter()
            response = client.get(suggest_path, {"q": text})
            figures["suggest"].append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
            continue
        started = time.perf_counter()
        engine().ranked(parse(text, [language]), among, settings.PAGE_SIZE + 1)
        took = (time.perf_counter() - started) * 1000
        figures["engine"].append(took)
        per_query.setdefault(text, []).append(took)
        started = time.perf_counter()
        response = client.get(results_path, {"q": text})
        figures["page"].append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    print(f"\nSearch speed on {engine_name()}: {articles:,} articles, {indexed:,} indexed\n")
    print("| What | Requests | p50 ms | p95 ms | max ms |")
    print("|---|---:|---:|---:|---:|")
    labels = {
        "engine": "engine: ranked ids (page size + 1)",
        "page": "results page (whole stack, uncached)",
        "suggest": "type-ahead suggestions (whole stack)",
    }
    for name, values in figures.items():
        if values:
            print(
                f"| {labels[name]} | {len(values)} | {statistics.median(values):.1f} "
                f"| {percentile(values, 0.95):.1f} | {max(values):.1f} |"
            )
    slowest = sorted(per_query.items(), key=lambda item: -max(item[1]))[:5]
    print("\nSlowest queries (engine, max ms): " + ", ".join(
        f"{text!r} {max(values):.0f}" for text, values in slowest
    ))  # fmt: skip
    write(
        "speed",
        {
            "engine": engine_name(),
            "articles": articles,
            "indexed": indexed,
            "runs": runs,
            "figures": figures,
            "per_query": per_query,
        },
    )


def write(mode: str, data: dict) -> None:
    out = HERE / "results" / f"search-{mode}-{engine_name()}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(data, indent=1, ensure_ascii=False))
    print(f"\nRaw figures: {out.relative_to(HERE.parent)}", file=sys.stderr)


if __name__ == "__main__":
    mode = sys.argv[1] if len(sys.argv) > 1 else "relevance"
    if mode == "relevance":
        relevance()
    elif mode == "speed":
        speed(int(sys.argv[2]) if len(sys.argv) > 2 else 200)
    else:
        sys.exit(__doc__)
