"""Feeds run a fixed number of queries, however many articles, tags and
authors there are: no query per item."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import translation

from masthead.media import renditions
from masthead.media.samples import make_image

# (articles, tags per article, authors per article)
SIZES = [(3, 1, 1), (3, 10, 10), (12, 1, 1), (12, 10, 10)]
FORMATS = ["rss", "atom", "json"]


@pytest.fixture(params=SIZES, ids=lambda s: "{}-articles-{}-tags-{}-authors".format(*s))
def newsroom(request, make_article, make_tag, make_author, author, world, png_file):
    count, tag_count, author_count = request.param
    tags = [make_tag(f"Thema {n}") for n in range(tag_count)]
    authors = [author] + [make_author(f"Autorin {n}") for n in range(author_count - 1)]
    # Two lead images: one with its renditions made, one still without.
    pictures = [make_image(png_file(40, 30).read(), name="klein.png") for _ in range(2)]
    renditions.make_renditions(pictures[0])
    for n in range(count):
        make_article(
            f"Meldung {n}",
            tags=tags,
            authors=authors,
            age=timedelta(hours=n + 1),
            lead_image=pictures[n] if n < 2 else None,
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
    # 4. the JPEG renditions of their lead images (the images come with 1.)
    with assert_num_queries(4):
        response = client.get(url(fmt))
    assert response.status_code == 200


@pytest.mark.parametrize("fmt", FORMATS)
def test_section_feed(client, newsroom, fmt, assert_num_queries):
    # Expect 4 queries:
    # 1. the section
    # 2. its newest public articles (with their sections)
    # 3. their bylines (with authors)
    # 4. their tags
    # 5. the JPEG renditions of their lead images (the images come with 2.)
    with assert_num_queries(5):
        response = client.get(url(f"section_{fmt}", slug="welt"))
    assert response.status_code == 200


@pytest.mark.parametrize("fmt", FORMATS)
def test_tag_feed(client, newsroom, fmt, assert_num_queries):
    # Expect 4 queries:
    # 1. the tag
    # 2. its newest public articles (with their sections)
    # 3. their bylines (with authors)
    # 4. their tags
    # 5. the JPEG renditions of their lead images (the images come with 2.)
    with assert_num_queries(5):
        response = client.get(url(f"tag_{fmt}", slug=newsroom["tag"].slug))
    assert response.status_code == 200


@pytest.mark.parametrize("fmt", FORMATS)
def test_author_feed(client, newsroom, fmt, assert_num_queries):
    # Expect 4 queries:
    # 1. the author
    # 2. their newest public articles (with their sections)
    # 3. their bylines (with authors)
    # 4. their tags
    # 5. the JPEG renditions of their lead images (the images come with 2.)
    with assert_num_queries(5):
        response = client.get(url(f"author_{fmt}", slug=newsroom["author"].slug))
    assert response.status_code == 200


@pytest.mark.parametrize("fmt", FORMATS)
def test_pictures_in_the_bodies_cost_one_query(client, make_article, fmt, assert_num_queries):
    from masthead.articles.tests.pictures import gallery, make_image, picture

    images = [make_image(f"{n}.jpg") for n in range(3)]
    for n in range(5):
        make_article(f"Bilder {n}", body=picture(images[n % 3]) + gallery(*images))
    # Expect 4 queries:
    # 1. the newest public articles (with their sections)
    # 2. their bylines (with authors)
    # 3. their tags
    # 4. the images of all their bodies
    # 5. the renditions of those images
    with assert_num_queries(5):
        response = client.get(url(fmt))
    assert response.status_code == 200
