"""Every answer has an ETag; a client that has the same answer gets 304.
Anonymous answers may be kept by shared caches for a minute, answers to a
token only by the client. The page cache leaves the API alone."""

from datetime import timedelta

import pytest

from masthead.articles import services

pytestmark = pytest.mark.django_db


def test_it_answers_304_to_a_matching_if_none_match(client, make_article):
    article = make_article()
    response = client.get(f"/api/v1/articles/{article.pk}")
    etag = response["ETag"]
    assert etag.startswith(f'"a{article.pk}v{article.version}-')
    again = client.get(f"/api/v1/articles/{article.pk}", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag


def test_it_answers_200_with_a_new_etag_after_a_change(client, make_article, editor):
    article = make_article()
    etag = client.get(f"/api/v1/articles/{article.pk}")["ETag"]
    services.add_correction(article, "Das Datum war falsch.", editor)
    response = client.get(f"/api/v1/articles/{article.pk}", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert response.json()["corrections"][0]["text"] == "Das Datum war falsch."


def test_lists_have_etags_too(client, make_article):
    make_article()
    response = client.get("/api/v1/articles")
    assert client.get("/api/v1/articles", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    make_article("Neu", age=timedelta(minutes=1))
    assert client.get("/api/v1/articles", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 200


def test_anonymous_answers_are_public_and_token_answers_private(
    client, make_article, bearer, editor
):
    article = make_article()
    response = client.get(f"/api/v1/articles/{article.pk}")
    assert response["Cache-Control"] == "public, max-age=60"
    assert "Authorization" in response["Vary"]
    response = client.get(f"/api/v1/articles/{article.pk}", **bearer(editor))
    assert response["Cache-Control"] == "private, no-cache"


def test_the_page_cache_does_not_store_api_answers(client, make_article, settings, bearer, editor):
    settings.PAGE_CACHE_SECONDS = 600
    article = make_article()
    client.get(f"/api/v1/articles/{article.pk}")
    services.add_correction(article, "Korrigiert.", editor)
    response = client.get(f"/api/v1/articles/{article.pk}")
    assert response.json()["corrections"][0]["text"] == "Korrigiert."
    assert "X-Cache" not in response
