"""`masthead generate_archive`: synthetic archives of any size, made from
the corpus, inserted in batches with no query per article."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.models import Count

from masthead.articles.models import Article, ArticleAuthor, Revision
from masthead.importers.services import AUTHORS
from masthead.lib.html import sanitize

pytestmark = pytest.mark.django_db


def generate(corpus, *args):
    out, err = StringIO(), StringIO()
    call_command("generate_archive", "--path", str(corpus), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.usefixtures("english_terminal")
def test_it_adds_public_articles_with_unique_slugs_and_bylines(small_corpus):
    out, _err = generate(small_corpus, "--count", "250", "--batch", "100", "--no-progress")

    assert "Articles added: 250, in " in out
    assert Article.objects.public().in_language("de").count() == 250
    slugs = list(Article.objects.values_list("slug", flat=True))
    assert len(set(slugs)) == 250
    # Sections as in the corpus: four labels.
    assert Article.objects.values("section").distinct().count() == 4
    for article in Article.objects.all()[:20]:
        assert article.body == sanitize(article.body)
        assert article.body.startswith("<p>") and article.body.endswith("</p>")
        assert len(article.headline) <= 110


def test_every_article_has_a_byline_in_order_and_one_revision(small_corpus):
    generate(small_corpus, "--count", "250", "--batch", "100", "--no-progress")

    per_article = Counter(ArticleAuthor.objects.values_list("article_id", flat=True))
    assert set(per_article.values()) == {1, 2}
    assert sum(1 for n in per_article.values() if n == 2) == 50  # every fifth
    assert len(per_article) == 250
    names = set(ArticleAuthor.objects.values_list("author__name", flat=True))
    assert names == set(AUTHORS)
    positions = Counter(ArticleAuthor.objects.values_list("position", flat=True))
    assert positions == {0: 250, 1: 50}
    revisions = Article.objects.annotate(n=Count("revisions")).values_list("n", flat=True)
    assert set(revisions) == {1}
    assert set(Revision.objects.values_list("number", flat=True)) == {1}


def test_it_runs_a_fixed_number_of_queries_per_batch(small_corpus, django_assert_max_num_queries):
    # Expect 9 queries before the batches (the newsroom: sections, authors
    # and tags looked up and created; the highest article id; a savepoint
    # around it), then 9 per batch of 100 on SQLite: a savepoint and its
    # release, the free-slug check, three article inserts (at most 999
    # parameters each), bylines, tags, revisions. Nothing per article.
    with django_assert_max_num_queries(39):
        generate(small_corpus, "--count", "250", "--batch", "100", "--no-progress")
    assert Article.objects.count() == 250


def test_the_same_seed_gives_the_same_archive_and_a_second_run_adds_to_it(small_corpus):
    def contents():
        return list(
            Article.objects.order_by("pk").values_list("headline", "section", "body", "standfirst")
        )

    generate(small_corpus, "--count", "40", "--seed", "3", "--no-progress")
    first = contents()
    generate(small_corpus, "--count", "40", "--seed", "3", "--no-progress")

    assert contents() == first + first
    slugs = list(Article.objects.values_list("slug", flat=True))
    assert len(set(slugs)) == 80


def test_headlines_vary(small_corpus):
    generate(small_corpus, "--count", "100", "--no-progress")

    headlines = set(Article.objects.values_list("headline", flat=True))
    assert len(headlines) > 5  # more than the five corpus headlines


def test_publish_times_spread_over_the_days(small_corpus):
    generate(small_corpus, "--count", "100", "--spread-days", "100", "--no-progress")

    times = sorted(Article.objects.values_list("publish_at", flat=True))
    assert (times[-1] - times[0]).days >= 95


def test_the_count_must_be_positive(small_corpus, monkeypatch):
    # The command speaks the terminal's language (LC_ALL, LANG).
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    with pytest.raises(CommandError, match="at least 1"):
        generate(small_corpus, "--count", "0")
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    with pytest.raises(CommandError, match="mindestens 1"):
        generate(small_corpus, "--count", "0")


def test_it_shows_progress(small_corpus):
    _out, err = generate(small_corpus, "--count", "30", "--batch", "10")

    lines = err.splitlines()
    assert len(lines) == 3
    assert lines[-1].startswith("Erzeugung läuft [####################] 30/30 100\xa0%")


def test_it_gives_the_query_planner_statistics_of_the_new_rows(small_corpus):
    generate(small_corpus, "--count", "40")
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT count(*) FROM pg_stats WHERE tablename = 'articles_article'")
        else:
            cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'articles_article'")
        (rows,) = cursor.fetchone()
    assert rows > 0
