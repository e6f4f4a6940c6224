"""Feeds run a fixed number of queries, however many articles, tags and
authors there are: no query per item."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import translation

# (articles, tags per article, authors per article)
SIZES = [(3, 1, 1), (3, 10, 10), (12, 1, 1), (12, 10, 10)]
FORMATS = ["rss", "atom", "json"]


@pytest.fixture(params=SIZES, ids=lambda s: "{}-articles-{}-tags-{}-authors".format(*s))
def newsroom(request, make_article, make_tag, make_author, author, world, png_file):
    count, tag_count, author_count = request.param
    tags = [make_tag(f"Thema {n}") for n in range(tag_count)]
    authors = [author] + [make_author(f"Autorin {n}") for n in range(author_count - 1)]
    for n in range(count):
        make_article(
            f"Meldung {n}",
            tags=tags,
            authors=authors,
            age=timedelta(hours=n + 1),
            image=png_file(40, 30) if n == 0 else "",
        )
    return {"tag": tags[0], "author": author, "section": world}


def url(name, **kwargs):
    with translation.override("de"):
        return reverse(f"feeds:{name}", kwargs=kwargs or None)


@pytest.mark.parametrize("fmt", FORMATS)
def test_site_feed(client, newsroom, fmt, assert_num_queries):
    # Expect 3 queries:
    # 1. the newest public articles (with their sections)
    # 2. their bylines (with authors)
    # 3. their tags
    with assert_num_queries(3):
        response = client.get(url(fmt))
    assert response.status_code == 200


@pytest.mark.parametrize("fmt", FORMATS)
def test_section_feed(client, newsroom, fmt, assert_num_queries):
    # Expect 4 queries:
    # 1. the section
    # 2. its newest public articles (with their sections)
    # 3. their bylines (with authors)
    # 4. their tags
    with assert_num_queries(4):
        response = client.get(url(f"section_{fmt}", slug="welt"))
    assert response.status_code == 200


@pytest.mark.parametrize("fmt", FORMATS)
def test_tag_feed(client, newsroom, fmt, assert_num_queries):
    # Expect 4 queries:
    # 1. the tag
    # 2. its newest public articles (with their sections)
    # 3. their bylines (with authors)
    # 4. their tags
    with assert_num_queries(4):
        response = client.get(url(f"tag_{fmt}", slug=newsroom["tag"].slug))
    assert response.status_code == 200


@pytest.mark.parametrize("fmt", FORMATS)
def test_author_feed(client, newsroom, fmt, assert_num_queries):
    # Expect 4 queries:
    # 1. the author
    # 2. their newest public articles (with their sections)
    # 3. their bylines (with authors)
    # 4. their tags
    with assert_num_queries(4):
        response = client.get(url(f"author_{fmt}", slug=newsroom["author"].slug))
    assert response.status_code == 200
