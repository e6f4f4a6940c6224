"""Whatever a client sends, the API answers WordPress's JSON: a list, or
an error with its code. Never a 500, never a page."""

import pytest

from masthead.wpjson.views import ROUTES

from .conftest import api

COLLECTIONS = [route for route in ROUTES if "(?P<" not in route.path and route.path != "/"]
JUNK = ["", "x", "-1", "99999999999", "1,x", "2026-13-45T99:00:00", "'; DROP TABLE ä" * 30]


@pytest.mark.parametrize("route", COLLECTIONS, ids=lambda route: route.path)
def test_every_parameter_with_any_value(client, newsroom, route):
    for name in route.params:
        for value in JUNK:
            response = client.get("/wp-json" + route.path, {name: value})
            assert response.status_code in (200, 400), (name, value, response.content[:200])
            data = response.json()
            if response.status_code == 400:
                assert data["code"].startswith("rest_"), (name, value)


@pytest.mark.parametrize("route", COLLECTIONS, ids=lambda route: route.path)
def test_every_order(client, newsroom, route):
    for orderby in route.params["orderby"].choices if "orderby" in route.params else ():
        for order in ("asc", "desc"):
            response = api(client, f"{route.path}?orderby={orderby}&order={order}")
            if orderby == "relevance":
                assert response.status_code == 400
                continue
            assert response.status_code == 200, (orderby, response.data)
            total = int(response["X-WP-Total"])
            assert len(response.data) == min(total, 10)


def test_post_ordered_by_author_modified_and_slug(client, newsroom):
    def ids(query):
        return [post["id"] for post in api(client, "/wp/v2/posts" + query).data]

    everything = set(ids(""))
    for orderby in ("author", "modified", "slug", "title"):
        assert set(ids(f"?orderby={orderby}")) == everything
    assert ids("?orderby=slug&order=asc") == [
        a.pk
        for a in sorted((newsroom[k] for k in ("council", "storm", "moon")), key=lambda a: a.slug)
    ]


@pytest.mark.parametrize("search", ["", "-Sturm", "!!!", "Sturm -Sturm"])
def test_relevance_with_a_search_of_nothing(client, newsroom, search):
    response = client.get("/wp-json/wp/v2/posts", {"search": search, "orderby": "relevance"})
    if search:
        assert response.status_code == 200, response.content[:200]
        assert response.json() == []
        assert response["X-WP-Total"] == "0"
    else:
        assert response.status_code == 400
        assert response.json()["code"] == "rest_no_search_term_defined"


@pytest.mark.parametrize(
    "value", ["0001-01-01T00:00:00", "9999-12-31T23:30:00-05:00", "0001-01-01T00:30:00+01:00"]
)
@pytest.mark.parametrize("name", ["after", "before", "modified_after", "modified_before"])
@pytest.mark.parametrize("path", ["/wp/v2/posts", "/wp/v2/media"])
def test_a_time_at_the_edge_of_the_calendar(client, newsroom, path, name, value):
    response = client.get("/wp-json" + path, {name: value})
    assert response.status_code in (200, 400), response.content[:200]
    if response.status_code == 400:
        assert response.json()["code"] == "rest_invalid_param"
