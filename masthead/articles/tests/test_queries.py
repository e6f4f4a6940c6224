"""Reader pages run a fixed number of queries, however many articles, tags
and authors there are: no query per article, tag or author."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import translation

from masthead.articles import services
from masthead.articles.pagination import Cursor
from masthead.pagecache.generation import bump

# (articles, tags per article, authors per article)
SIZES = [(3, 1, 1), (3, 10, 10), (12, 1, 1), (12, 10, 10)]


@pytest.fixture(params=SIZES, ids=lambda s: "{}-articles-{}-tags-{}-authors".format(*s))
def newsroom(request, make_article, make_tag, make_author, author, world, science):
    count, tag_count, author_count = request.param
    tags = [make_tag(f"Thema {n}") for n in range(tag_count)]
    authors = [author] + [make_author(f"Autorin {n}") for n in range(author_count - 1)]
    articles = [
        make_article(
            f"Meldung {n}",
            section=world if n % 2 else science,
            tags=tags,
            authors=authors,
            age=timedelta(hours=n + 1),
        )
        for n in range(count)
    ]
    services.add_correction(articles[0], "Eine Korrektur.")
    # A translation and an article in the other language.
    make_article("Report 0", language="en", tags=[], authors=authors[:1])
    # The content generation begun, as the setup's commit would have: the
    # pages counted are rendered in it (not one that starts on the way).
    bump(set())
    return {
        "articles": articles,
        "tag": tags[0],
        "tags": tags,
        "author": author,
        "authors": authors,
    }


def url(name, **kwargs):
    with translation.override("de"):
        return reverse(name, kwargs=kwargs or None)


def test_home_page(client, newsroom, assert_num_queries):
    # Expect 6 queries:
    # 1. the articles editors pinned to places (articles/frontpage.py)
    # 2. the newest others (with their sections; one more than shown
    #    tells whether "More news" is needed)
    # 3. the sections (menu and blocks)
    # 4. the newest few of each section (one LIMIT subquery per section)
    # 5. the bylines (with authors) of all lists
    # 6. breaking news (the banner of every page)
    with assert_num_queries(6):
        response = client.get(url("articles:home"))
    assert response.status_code == 200


def test_article_page(client, newsroom, assert_num_queries):
    article = newsroom["articles"][0]
    # Expect 7 queries:
    # 1. the article (with its section)
    # 2. its bylines (with authors)
    # 3. its tags
    # 4. its corrections
    # 5. the recent posts (with their sections)
    # 6. its public translations
    # 7. the sections (menu)
    # 8. breaking news (the banner of every page)
    with assert_num_queries(8):
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "Eine Korrektur." in response.content.decode()


def test_section_page(client, newsroom, assert_num_queries):
    # Expect 3 queries:
    # 1. the sections (the page's own, its children and the menu)
    # 2. the page of articles (with their sections; one row more than shown
    #    tells whether there are older ones: no count)
    # 3. their bylines (with authors)
    # 4. breaking news (the banner of every page)
    with assert_num_queries(4):
        response = client.get(url("articles:section", slug="wissenschaft"))
    assert response.status_code == 200


def test_tag_page(client, newsroom, assert_num_queries):
    # Expect 4 queries:
    # 1. the tag
    # 2. the page of articles (with their sections)
    # 3. their bylines (with authors)
    # 4. the sections (menu)
    # 5. breaking news (the banner of every page)
    with assert_num_queries(5):
        response = client.get(url("articles:tag", slug=newsroom["tag"].slug))
    assert response.status_code == 200


def test_author_page(client, newsroom, assert_num_queries):
    # Expect 4 queries:
    # 1. the author
    # 2. the page of articles (with their sections)
    # 3. their bylines (with authors)
    # 4. the sections (menu)
    # 5. breaking news (the banner of every page)
    with assert_num_queries(5):
        response = client.get(url("articles:author", slug=newsroom["author"].slug))
    assert response.status_code == 200


def test_archive_page(client, newsroom, assert_num_queries, settings, make_article):
    # The archive starts after the front page's newest seven.
    for n in range(7):
        make_article(
            f"Ältere Meldung {n}",
            tags=newsroom["tags"],
            authors=newsroom["authors"],
            age=timedelta(days=n + 1),
        )
    settings.PAGE_SIZE = 2
    [more] = re.findall(r'<p class="more"><a href="([^"]+)"', get(client, "articles:home"))
    # Expect 2 queries:
    # 1. the page of articles (with their sections)
    # 2. their bylines (with authors)
    # The sections (menu) and breaking news (the banner of every page) were
    # worked out for this content generation by the home page before it
    # (lib/generations.py: per_generation).
    with assert_num_queries(2):
        response = client.get(url("articles:home") + more)
    assert response.status_code == 200


def get(client, name, **kwargs):
    response = client.get(url(name, **kwargs))
    assert response.status_code == 200
    return response.content.decode()


# Deep in a long list, a page costs what the first one costs: the same
# queries, and no count.

DEEP = {
    # list: (address, queries), breaking news (the banner) included
    "section": (lambda: url("articles:section", slug="welt"), 4),
    "tag": (lambda: url("articles:tag", slug="thema-0"), 5),
    "author": (lambda: url("articles:author", slug="autorin-0"), 5),
    "archive": (lambda: url("articles:home"), 4),
}


@pytest.fixture
def long_list(make_article, make_tag, make_author, author, world, settings):
    settings.PAGE_SIZE = 3
    tags = [make_tag("Thema 0"), make_tag("Thema 1")]
    authors = [make_author("Autorin 0"), author]
    return [
        make_article(f"Meldung {n}", tags=tags, authors=authors, age=timedelta(hours=n + 1))
        for n in range(60)
    ]


@pytest.mark.parametrize("where", ["first", "before 15", "before 55", "after 15", "after 55"])
@pytest.mark.parametrize("kind", DEEP)
def test_a_page_deep_in_a_list_runs_the_same_queries(
    client, long_list, assert_num_queries, kind, where
):
    address, queries = DEEP[kind]
    path = address()
    if where == "first":
        query = "?before=" + str(Cursor.of(long_list[0])) if kind == "archive" else ""
    else:
        direction, n = where.split()
        query = f"?{direction}={Cursor.of(long_list[int(n)])}"

    with assert_num_queries(queries) as context:
        response = client.get(path + query)

    assert response.status_code == 200
    assert "COUNT(" not in " ".join(q["sql"] for q in context.captured_queries).upper()
    assert "OFFSET" not in " ".join(q["sql"] for q in context.captured_queries).upper()
