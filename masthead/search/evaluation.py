"""Measuring how well search ranks: the judged queries of
bench/search_queries.py against the articles in the database.

An article is relevant to a query when its text (headline, standfirst and
body as plain text) matches the query's regular expression: judged over
the words as written, not by the engine's own analysis. For each query:

- reciprocal rank: 1 / the rank of the first relevant article among the
  first ``DEPTH`` results (0 when none is there);
- recall@10: the share of the relevant articles among the first ten, of
  as many as can be there (``min(10, relevant)``), so that a query with 30
  relevant articles and ten of them first scores 1.

An article that matches a query's ``neutral`` pattern and is not relevant
is left out of its ranking before it is scored (a compound part's query:
the articles with the word on its own, which any engine finds).

Both are averaged per kind of query. bench/search.py
prints them; tests/test_search_relevance.py holds them to a floor.
"""

import importlib.util
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from masthead.articles.models import Article
from masthead.lib.text import plain_text

from .backends import search
from .query import parse

DEPTH = 100
QUERIES = Path(__file__).resolve().parents[2] / "bench" / "search_queries.py"


def judged_queries(path: Path = QUERIES) -> list:
    spec = importlib.util.spec_from_file_location("search_queries", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.QUERIES


@dataclass
class Outcome:
    judged: object
    relevant: int
    rank: int | None  # of the first relevant result, from 1
    found_in_ten: int

    @property
    def reciprocal_rank(self) -> float:
        return 1 / self.rank if self.rank else 0.0

    @property
    def recall_at_10(self) -> float:
        return self.found_in_ten / min(10, self.relevant) if self.relevant else 0.0


def evaluate(queries) -> list[Outcome]:
    texts = {}
    for language in {q.language for q in queries}:
        texts[language] = {
            pk: f"{headline}\n{standfirst}\n{plain_text(body)}"
            for pk, headline, standfirst, body in Article.objects.public()
            .in_language(language)
            .values_list("pk", "headline", "standfirst", "body")
        }
    outcomes = []
    for judged in queries:
        pattern = re.compile(judged.relevant, re.IGNORECASE)
        relevant = {pk for pk, text in texts[judged.language].items() if pattern.search(text)}
        neutral = set()
        if getattr(judged, "neutral", ""):
            pattern = re.compile(judged.neutral, re.IGNORECASE)
            neutral = {pk for pk, text in texts[judged.language].items() if pattern.search(text)}
        among = Article.objects.public().in_language(judged.language)
        query = parse(judged.query, [judged.language])
        ranked = [
            pk
            for pk, _ in search(query, among, DEPTH + len(neutral))[0]
            if pk in relevant or pk not in neutral
        ][:DEPTH]
        rank = next((n for n, pk in enumerate(ranked, 1) if pk in relevant), None)
        outcomes.append(Outcome(judged, len(relevant), rank, len(relevant & set(ranked[:10]))))
    return outcomes


def summary(outcomes: list[Outcome]) -> dict[str, dict[str, float]]:
    """{kind: {"queries": n, "mrr": …, "recall_at_10": …}}, and "all"."""
    groups = defaultdict(list)
    for outcome in outcomes:
        groups[outcome.judged.kind].append(outcome)
        groups["all"].append(outcome)
    return {
        kind: {
            "queries": len(group),
            "mrr": sum(o.reciprocal_rank for o in group) / len(group),
            "recall_at_10": sum(o.recall_at_10 for o in group) / len(group),
        }
        for kind, group in groups.items()
    }
