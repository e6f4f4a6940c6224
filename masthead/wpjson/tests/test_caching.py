"""ETag and 304, the page cache, paging links and the discovery header."""

import pytest
from django.core.cache import cache

from masthead.pagecache.middleware import NAMESPACE_PARAMETERS
from masthead.pagecache.tests.conftest import commit_setup
from masthead.wpjson.params import Param
from masthead.wpjson.views import ALL_PARAMETERS, ROUTES

from .conftest import api


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def test_an_unchanged_answer_is_304(client, newsroom):
    first = api(client, "/wp/v2/posts")
    assert first["ETag"].startswith('"')
    assert first["Cache-Control"].startswith("public, max-age=")
    again = client.get("/wp-json/wp/v2/posts", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]


def test_errors_are_not_kept(client, db):
    assert api(client, "/wp/v2/posts/1")["Cache-Control"] == "no-cache"


def test_the_page_cache_keeps_the_answer_with_its_headers(client, newsroom, page_cache):
    commit_setup()
    first = api(client, "/wp/v2/posts?per_page=2&_embed&utm_source=x")
    assert first["X-Cache"] == "MISS"
    second = api(client, "/wp/v2/posts?per_page=2&_embed")
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    for header in ("X-WP-Total", "X-WP-TotalPages", "Link", "Access-Control-Allow-Origin"):
        assert second[header] == first[header], header
    assert len(second.data) == 2 and "_embedded" in second.data[0]
    not_modified = client.get(
        "/wp-json/wp/v2/posts?per_page=2&_embed", HTTP_IF_NONE_MATCH=second["ETag"]
    )
    assert not_modified.status_code == 304


def test_the_page_cache_passes_every_parameter_the_api_reads(client, newsroom, page_cache):
    kept = NAMESPACE_PARAMETERS["wpjson"]
    for name in ALL_PARAMETERS:
        assert name in kept, name
    list_names = {
        name
        for route in ROUTES
        for name, param in route.params.items()
        if isinstance(param, Param) and param.kind in ("ids", "strings")
    }
    for name in list_names:
        assert f"{name}[]" in kept, name
    # With the cache on, the filters still reach the view.
    storm = newsroom["storm"]
    query = f"?categories[]={storm.section_id}&search=Sturm&after=2000-01-01T00:00:00"
    assert [post["id"] for post in api(client, "/wp/v2/posts" + query).data] == [storm.pk]


def test_paging_links(client, newsroom):
    response = api(client, "/wp/v2/posts?per_page=1&page=2&categories=&order=desc")
    base = "http://testserver/wp-json/wp/v2/posts?per_page=1&categories=&order=desc"
    assert response["Link"] == f'<{base}&page=1>; rel="prev", <{base}&page=3>; rel="next"'
    last = api(client, "/wp/v2/posts?per_page=1&page=3")
    assert last["Link"] == '<http://testserver/wp-json/wp/v2/posts?per_page=1&page=2>; rel="prev"'
    assert "Link" not in api(client, "/wp/v2/posts")


def test_pages_carry_the_discovery_header(client, newsroom, page_cache):
    commit_setup()
    link = '<http://testserver/de/wp-json/>; rel="https://api.w.org/"'
    first = client.get("/de/")
    assert first["Link"] == link
    second = client.get("/de/")
    assert second["X-Cache"] == "HIT"
    assert second["Link"] == link
    assert client.get("/en/")["Link"] == '<http://testserver/en/wp-json/>; rel="https://api.w.org/"'


def test_the_desk_and_the_feeds_carry_no_discovery_header(client, editor_client, newsroom):
    assert "Link" not in editor_client.get("/desk/")
    assert "Link" not in client.get("/de/feed/rss/")
