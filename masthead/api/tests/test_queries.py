"""The API runs a fixed number of queries, however many articles, topics,
authors and renditions there are: no query per item."""

from datetime import timedelta

import pytest

from masthead.articles import services
from masthead.articles.tests.pictures import make_image, picture
from masthead.media import renditions

# (articles, topics per article, authors per article)
SIZES = [(3, 1, 1), (12, 5, 4)]


@pytest.fixture(params=SIZES, ids=lambda s: "{}-articles-{}-topics-{}-authors".format(*s))
def newsroom(request, make_article, make_tag, make_author, author, editor):
    count, tag_count, author_count = request.param
    tags = [make_tag(f"Thema {n}") for n in range(tag_count)]
    authors = [author] + [make_author(f"Autorin {n}") for n in range(author_count - 1)]
    pictures = [make_image(f"bild{n}.jpg", width=400, height=300) for n in range(2)]
    renditions.make_renditions(pictures[0])
    articles = [
        make_article(
            f"Meldung {n}",
            tags=tags,
            authors=authors,
            age=timedelta(hours=n + 1),
            lead_image=pictures[n] if n < 2 else None,
            body=f"<p>Text</p>{picture(pictures[0])}{picture(pictures[1])}",
        )
        for n in range(count)
    ]
    for article in articles[:2]:
        services.add_correction(article, "Ein Fehler.", editor)
        services.translate(article, "en", editor)
    return articles


def test_article_list(client, newsroom, assert_num_queries):
    # Expect 4 queries:
    # 1. the page of public articles (with sections and lead images)
    # 2. their bylines (with authors)
    # 3. their topics
    # 4. the renditions of their lead images
    with assert_num_queries(4):
        response = client.get("/api/v1/articles?limit=20")
    assert len(response.json()["results"]) == len(newsroom)


def test_article_detail(client, newsroom, assert_num_queries):
    # Expect 8 queries:
    # 1. the article (with section and lead image)
    # 2. its bylines (with authors)
    # 3. its topics
    # 4. the renditions of its lead image
    # 5. its corrections
    # 6. its public translations
    # 7. the pictures of its body
    # 8. their renditions
    with assert_num_queries(8):
        response = client.get(f"/api/v1/articles/{newsroom[0].pk}")
    assert response.status_code == 200


def test_article_list_with_a_token(client, newsroom, bearer, editor, assert_num_queries):
    headers = bearer(editor)
    # Expect 10 queries:
    # 1. the token (with its member)
    # 2.-5. the audit entry of the request and the token's "last used"
    #    time, in a savepoint of their own
    # 6. the member's roles, for the rules
    # 7.-10. the list's 4 as above
    with assert_num_queries(10):
        response = client.get("/api/v1/articles?status=draft", **headers)
    assert response.status_code == 200


def test_image_list(client, newsroom, assert_num_queries):
    # Expect 2 queries: the page of images of public articles, their renditions.
    with assert_num_queries(2):
        response = client.get("/api/v1/media")
    assert len(response.json()["results"]) == 2


def test_corrections_topics_sections_authors(client, newsroom, assert_num_queries):
    for url in ("/api/v1/corrections", "/api/v1/topics", "/api/v1/sections", "/api/v1/authors"):
        # Expect 1 query: the page.
        with assert_num_queries(1):
            assert client.get(url).status_code == 200
