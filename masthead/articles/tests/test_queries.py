"""Reader pages run a fixed number of queries, however many articles, tags
and authors there are: no query per article, tag or author."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import translation

from masthead.articles import services

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
    # Expect 4 queries:
    # 1. the newest articles (with their sections; one more than shown
    #    tells whether "More news" is needed)
    # 2. the sections (menu and blocks)
    # 3. the newest few of each section (one LIMIT subquery per section)
    # 4. the bylines (with authors) of both lists
    with assert_num_queries(4):
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
    with assert_num_queries(7):
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "Eine Korrektur." in response.content.decode()


def test_section_page(client, newsroom, assert_num_queries):
    # Expect 4 queries:
    # 1. the sections (the page's own, its children and the menu)
    # 2. the count of its articles (pagination)
    # 3. the page of articles (with their sections)
    # 4. their bylines (with authors)
    with assert_num_queries(4):
        response = client.get(url("articles:section", slug="wissenschaft"))
    assert response.status_code == 200


def test_tag_page(client, newsroom, assert_num_queries):
    # Expect 5 queries:
    # 1. the tag
    # 2. the count of its articles (pagination)
    # 3. the page of articles (with their sections)
    # 4. their bylines (with authors)
    # 5. the sections (menu)
    with assert_num_queries(5):
        response = client.get(url("articles:tag", slug=newsroom["tag"].slug))
    assert response.status_code == 200


def test_author_page(client, newsroom, assert_num_queries):
    # Expect 5 queries:
    # 1. the author
    # 2. the count of their articles (pagination)
    # 3. the page of articles (with their sections)
    # 4. their bylines (with authors)
    # 5. the sections (menu)
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
    # Expect 4 queries:
    # 1. the count of public articles (pagination)
    # 2. the page of articles (with their sections)
    # 3. their bylines (with authors)
    # 4. the sections (menu)
    with assert_num_queries(4):
        response = client.get(url("articles:home") + "?page=2")
    assert response.status_code == 200
