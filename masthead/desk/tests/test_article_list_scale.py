"""The desk's article list costs the same few queries however large the
archive: a page is one index range read (cursor paging by
(-modified_at, -id), masthead/articles/pagination.py), no COUNT runs over
the archive, and the language versions of the rows on the page come in one
query. Its speed on 100,000 articles is measured in bench/desk_list.py
(docs/performance.md)."""

from datetime import timedelta

import pytest
from django.urls import reverse

from masthead.articles.models import Article
from masthead.desk import views

# Expect 7 queries for any page of the list, filtered or not:
# 1-2. the session and the signed-in user;
# 3. two-factor sign-in: whether the user has an authenticator app or a
#    passkey (one query);
# 4. the user's groups (the role, for rules.can);
# 5. two-factor sign-in: whether the user's role requires it;
# 6. the page: PER_PAGE + 1 articles with their sections, from the cursor on;
# 7. the language versions of the articles on the page;
# 8-10. the filters' choices: sections, authors, topics.
# With words to search for, the page is the search engine's ranked ids
# and those articles (one more query: test_search_costs_one_more_query).
# With Redis, the session comes from the cache (cached_db): one fewer.
QUERIES = 10

ADDRESSES = [
    {},
    {"status": "draft"},
    {"status": "scheduled"},
    {"status": "published", "language": "de"},
    {"q": "Artikel", "sort": "changed"},
]


def session_from_cache() -> int:
    from django.conf import settings

    return int(settings.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db")


@pytest.fixture
def archive(make_article, django_capture_on_commit_callbacks):
    def grow(count):
        with django_capture_on_commit_callbacks(execute=True):  # indexed for search
            _grow(count)

    def _grow(count):
        for number in range(count):
            make_article(
                f"Artikel {Article.objects.count() + 1}",
                language="en" if number % 3 == 0 else "de",
                status=Article.Status.DRAFT if number % 4 == 0 else Article.Status.PUBLISHED,
                # Every fourth a scheduled one.
                age=-timedelta(days=1) if number % 4 == 1 else timedelta(hours=1),
            )

    return grow


def page_queries(client, assert_num_queries, query, deep=False, extra=0):
    url = reverse("desk:articles")
    if deep:
        # The last page, reached by following the "next page" links.
        older = client.get(url, query).context["page"].older
        while older:
            url = reverse("desk:articles") + older
            older = client.get(url).context["page"].older
        query = {}
    with assert_num_queries(QUERIES + extra - session_from_cache()) as context:
        response = client.get(url, query)
    assert response.status_code == 200
    assert response.context["rows"]
    return [q["sql"].upper() for q in context.captured_queries]


@pytest.mark.parametrize("query", ADDRESSES)
def test_the_list_costs_the_same_queries_for_3_and_for_40_articles(
    editor_client, archive, assert_num_queries, monkeypatch, query
):
    monkeypatch.setattr(views, "PER_PAGE", 4)
    archive(3)
    page_queries(editor_client, assert_num_queries, query)
    archive(37)
    for deep in (False, True):
        sql = page_queries(editor_client, assert_num_queries, query, deep=deep)
        assert not any("COUNT(" in q for q in sql), sql
        assert not any("OFFSET" in q for q in sql), sql


def test_a_search_by_relevance_costs_the_same_queries_for_3_and_for_40_articles(
    editor_client, archive, assert_num_queries, monkeypatch
):
    """Ranked by the search engine, the page is its ids (one query, with a
    LIMIT and an OFFSET of at most nine pages: search/paging.py) and those
    articles (one more)."""
    from django.db import connection

    monkeypatch.setattr(views, "PER_PAGE", 4)
    # PostgreSQL: six more for the ids (search/tests/test_views.py says which).
    extra = 7 if connection.vendor == "postgresql" else 1
    archive(3)
    page_queries(editor_client, assert_num_queries, {"q": "Artikel"}, extra=extra)
    archive(37)
    for deep in (False, True):
        sql = page_queries(editor_client, assert_num_queries, {"q": "Artikel"}, deep, extra=extra)
        # The engine counts its candidates (at most backends.CANDIDATES),
        # never the archive.
        assert not any("COUNT(" in q.replace("(SELECT COUNT(*) FROM HITS)", "") for q in sql), sql
