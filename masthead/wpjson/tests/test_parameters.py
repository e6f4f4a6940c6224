"""The list parameters, and WordPress's errors for wrong ones."""

from datetime import timedelta

import pytest
from django.utils import timezone

from .conftest import api


def ids(client, query):
    response = api(client, "/wp/v2/posts" + query)
    assert response.status_code == 200, response.data
    return [post["id"] for post in response.data]


def test_per_page_and_page(client, newsroom):
    council, storm, moon = newsroom["council"].pk, newsroom["storm"].pk, newsroom["moon"].pk
    assert ids(client, "?per_page=2") == [council, storm]
    assert ids(client, "?per_page=2&page=2") == [moon]
    assert ids(client, "?per_page=1&offset=1") == [storm]
    response = api(client, "/wp/v2/posts?per_page=2")
    assert response["X-WP-Total"] == "3"
    assert response["X-WP-TotalPages"] == "2"


@pytest.mark.parametrize("value", ["0", "101", "-1"])
def test_per_page_out_of_range_is_refused_as_wordpress_does(client, newsroom, value):
    response = api(client, f"/wp/v2/posts?per_page={value}", language="en")
    assert response.status_code == 400
    message = "per_page must be between 1 (inclusive) and 100 (inclusive)"
    assert response.data == {
        "code": "rest_invalid_param",
        "message": "Invalid parameter(s): per_page",
        "data": {
            "status": 400,
            "params": {"per_page": message},
            "details": {
                "per_page": {"code": "rest_out_of_bounds", "message": message, "data": None}
            },
        },
    }


def test_a_page_past_the_last_is_refused_as_wordpress_does(client, newsroom):
    response = api(client, "/wp/v2/posts?per_page=2&page=3", language="en")
    assert response.status_code == 400
    assert response.data == {
        "code": "rest_post_invalid_page_number",
        "message": "The page number requested is larger than the number of pages available.",
        "data": {"status": 400},
    }
    # An empty collection has no last page: WordPress answers its first page.
    assert api(client, "/wp/v2/posts?search=zzzz&page=1").status_code == 200


def test_every_wrong_parameter_is_named_at_once(client, newsroom):
    response = api(
        client, "/wp/v2/posts?page=0&per_page=x&categories=a&order=up&after=gestern", language="en"
    )
    assert response.status_code == 400
    assert response.data["code"] == "rest_invalid_param"
    details = response.data["data"]["details"]
    assert {name: detail["code"] for name, detail in details.items()} == {
        "page": "rest_out_of_bounds",
        "per_page": "rest_invalid_type",
        "categories": "rest_invalid_type",
        "order": "rest_not_in_enum",
        "after": "rest_invalid_date",
    }
    assert response.data["data"]["params"]["per_page"] == "per_page is not of type integer."
    assert response.data["data"]["params"]["page"] == "page must be greater than or equal to 1"
    assert response.data["data"]["params"]["order"] == "order is not one of asc, desc."


def test_only_published_posts_may_be_asked_for(client, newsroom):
    response = api(client, "/wp/v2/posts?status=draft")
    assert response.status_code == 400
    assert response.data["data"]["details"]["status"]["code"] == "rest_forbidden_status"
    assert ids(client, "?status=publish") == ids(client, "")


def test_categories_tags_and_authors(client, newsroom, europe, world):
    council, storm, moon = newsroom["council"].pk, newsroom["storm"].pk, newsroom["moon"].pk
    assert ids(client, f"?categories={europe.pk}") == [storm]
    assert ids(client, f"?categories={world.pk},{europe.pk}") == [council, storm]
    assert ids(client, f"?categories[]={world.pk}&categories[]={europe.pk}") == [council, storm]
    assert ids(client, f"?categories_exclude={world.pk}") == [storm, moon]
    assert ids(client, f"?tags={newsroom['climate'].pk}") == [storm]
    assert ids(client, f"?tags_exclude={newsroom['climate'].pk}") == [council, moon]
    assert ids(client, f"?author={newsroom['jonas'].pk}") == [council, moon]
    assert ids(client, f"?author_exclude={newsroom['jonas'].pk}") == [storm]


def test_search(client, newsroom):
    assert ids(client, "?search=Sturm") == [newsroom["storm"].pk]
    assert ids(client, "?search=Haushalt") == [newsroom["council"].pk]
    assert ids(client, "?search=Geheimer") == []
    assert ids(client, "?search=Sturm&orderby=relevance") == [newsroom["storm"].pk]
    response = api(client, "/wp/v2/posts?orderby=relevance")
    assert response.status_code == 400
    assert response.data["code"] == "rest_no_search_term_defined"


def test_dates(client, newsroom):
    council, storm, moon = newsroom["council"].pk, newsroom["storm"].pk, newsroom["moon"].pk
    cut = timezone.localtime(timezone.now() - timedelta(minutes=150))
    local = cut.replace(tzinfo=None, microsecond=0).isoformat()
    assert ids(client, f"?after={local}") == [council, storm]
    assert ids(client, f"?before={local}") == [moon]
    utc = (timezone.now() - timedelta(minutes=90)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert ids(client, f"?after={utc}") == [council]
    offset = (
        cut.strftime("%Y-%m-%dT%H:%M:%S") + cut.strftime("%z")[:3] + ":" + cut.strftime("%z")[3:]
    )
    assert ids(client, "?after=" + offset.replace("+", "%2B")) == [council, storm]
    assert ids(client, f"?modified_after={local}") == [council, storm]


def test_slug_include_exclude_order_and_orderby(client, newsroom):
    council, storm, moon = newsroom["council"], newsroom["storm"].pk, newsroom["moon"].pk
    assert ids(client, f"?slug={council.slug}") == [council.pk]
    assert ids(client, f"?include={moon},{council.pk}") == [council.pk, moon]
    assert ids(client, f"?include={moon},{council.pk}&orderby=include&order=asc") == [
        moon,
        council.pk,
    ]
    assert ids(client, f"?exclude={storm}") == [council.pk, moon]
    assert ids(client, "?order=asc") == [moon, storm, council.pk]
    assert ids(client, "?orderby=title&order=asc") == [council.pk, moon, storm]
    assert ids(client, "?orderby=id&order=asc") == sorted([council.pk, storm, moon])


def test_unknown_parameters_are_ignored(client, newsroom):
    assert ids(client, "?context=view&_fields=id&whatever=1") == ids(client, "")
