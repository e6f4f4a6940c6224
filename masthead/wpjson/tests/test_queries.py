"""Every answer runs a fixed number of queries, however many stories,
tags and authors there are: no query per item."""

from datetime import timedelta

import pytest

from masthead.media import renditions

from .conftest import api

# (stories, tags per story, authors per story)
SIZES = [(2, 1, 1), (2, 6, 6), (12, 1, 1), (12, 6, 6)]


@pytest.fixture(params=SIZES, ids=lambda s: "{}-stories-{}-tags-{}-authors".format(*s))
def archive(request, make_article, make_tag, make_author, make_image, author):
    count, tag_count, author_count = request.param
    tags = [make_tag(f"Thema {n}") for n in range(tag_count)]
    authors = [author] + [make_author(f"Autorin {n}") for n in range(author_count - 1)]
    pictures = [make_image(width=40, height=30, name="klein.png") for _ in range(2)]
    renditions.make_renditions(pictures[0])
    body = f'<p>Text</p><figure data-image="{pictures[1].pk}"></figure>'
    for n in range(count):
        make_article(
            f"Meldung {n}",
            tags=tags,
            authors=authors,
            age=timedelta(hours=n + 1),
            lead_image=pictures[n % 2],
            body=body,
        )
    return {"tags": tags, "authors": authors}


def test_posts(client, archive, assert_num_queries):
    # Expect 7 queries:
    # 1. how many public stories there are
    # 2. a page of them, with section, lead image and front-page place
    # 3. their bylines (with authors)
    # 4. their tags
    # 5. the images in their bodies (with 6.) their renditions
    # 7. their versions in other languages
    with assert_num_queries(7):
        response = api(client, "/wp/v2/posts?per_page=100")
    assert response.status_code == 200


def test_posts_embedded(client, archive, assert_num_queries):
    # Expect the 7 queries of the list and one more:
    # 8. the renditions of the lead images
    with assert_num_queries(8):
        response = api(client, "/wp/v2/posts?per_page=100&_embed")
    assert response.status_code == 200


def test_one_post(client, archive, assert_num_queries):
    post = api(client, "/wp/v2/posts?per_page=1").data[0]
    # Expect the queries of the list but the count.
    with assert_num_queries(6):
        response = api(client, f"/wp/v2/posts/{post['id']}")
    assert response.status_code == 200


def test_categories(client, archive, assert_num_queries):
    # Expect 1 query: the sections with their public stories counted.
    with assert_num_queries(1):
        api(client, "/wp/v2/categories")


def test_tags(client, archive, assert_num_queries):
    # Expect 2 queries: how many tags public stories carry, and a page of them (counted).
    with assert_num_queries(2):
        api(client, "/wp/v2/tags")


def test_users(client, archive, assert_num_queries):
    # Expect 2 queries: how many authors public stories have, and a page of them.
    with assert_num_queries(2):
        api(client, "/wp/v2/users")


def test_media(client, archive, assert_num_queries):
    # Expect 3 queries: how many images public stories show, a page of them,
    # and their renditions.
    with assert_num_queries(3):
        response = api(client, "/wp/v2/media")
    assert len(response.data) == 2
