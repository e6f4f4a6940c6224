"""The index, unknown routes, writes, CORS: as WordPress's REST server answers."""

import pytest

from .conftest import api

NO_ROUTE = {
    "code": "rest_no_route",
    "message": "No route was found matching the URL and request method.",
    "data": {"status": 404},
}


def test_the_index_lists_the_namespace_and_its_routes(client, db, settings):
    settings.SITE_NAME = "Der Kurier"
    response = api(client, "/")
    assert response.status_code == 200
    index = response.data
    assert index["name"] == "Der Kurier"
    assert index["url"] == "http://testserver"
    assert index["home"] == "http://testserver/de/"
    assert index["namespaces"] == ["wp/v2"]
    assert index["timezone_string"] == settings.TIME_ZONE
    routes = index["routes"]
    for name in ("posts", "pages", "media", "categories", "tags", "users"):
        assert f"/wp/v2/{name}" in routes
        assert f"/wp/v2/{name}/(?P<id>[\\d]+)" in routes
        assert routes[f"/wp/v2/{name}"]["methods"] == ["GET"]
    args = routes["/wp/v2/posts"]["endpoints"][0]["args"]
    assert args["per_page"] == {
        "type": "integer", "required": False, "default": 10, "minimum": 1, "maximum": 100
    }  # fmt: skip
    assert routes["/wp/v2/posts"]["_links"]["self"] == [
        {"href": "http://testserver/wp-json/wp/v2/posts"}
    ]
    assert api(client, "").data == index  # /wp-json without its slash
    namespace = api(client, "/wp/v2").data
    assert namespace["namespace"] == "wp/v2"
    assert set(namespace["routes"]) == set(routes) - {"/", "/wp/v2"} | {"/wp/v2"}


@pytest.mark.parametrize("path", ["/nope", "/wp/v2/comments", "/wp/v3/posts", "/wp/v2/posts/x"])
def test_an_unknown_route_gets_rest_no_route(client, db, path):
    response = api(client, path, language="en")
    assert response.status_code == 404
    assert response.data == NO_ROUTE
    assert "Location" not in response


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writes_get_rest_no_route(client, newsroom, method):
    response = getattr(client, method)(f"/en/wp-json/wp/v2/posts/{newsroom['council'].pk}")
    assert response.status_code == 404
    assert response.json() == NO_ROUTE


def test_its_sentences_are_in_the_answer_s_language(client, db):
    """As a WordPress site in German answers in German."""
    response = api(client, "/nope")
    assert response.data["code"] == "rest_no_route"
    assert response.data["message"] == (
        "Es wurde keine Route gefunden, die zur URL und zur Anfragemethode passt."
    )


def test_a_trailing_slash_is_the_same_route(client, newsroom):
    assert api(client, "/wp/v2/posts/").data == api(client, "/wp/v2/posts").data


def test_any_origin_may_read(client, newsroom):
    response = api(client, "/wp/v2/posts", HTTP_ORIGIN="https://app.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "X-WP-Total" in response["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Credentials" not in response
    assert response["Allow"] == "GET"


def test_a_preflight_is_answered(client, db):
    response = client.options(
        "/wp-json/wp/v2/posts",
        HTTP_ORIGIN="https://app.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert response.json()["namespace"] == "wp/v2"


def test_head_answers_the_headers_only(client, newsroom):
    response = client.head("/wp-json/wp/v2/posts")
    assert response.status_code == 200
    assert response["X-WP-Total"] == "3"
    assert response.content == b""
