"""Lists page by an opaque cursor over (publish time, id): the ``next``
address continues after the last item, whatever was published meanwhile."""

from datetime import timedelta

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    data = response.json()
    return [item["id"] for item in data["results"]], data["next"]


def test_it_pages_with_next_links_until_the_end(client, make_article):
    articles = [make_article(f"Nummer {n}", age=timedelta(hours=n)) for n in range(5)]
    first, following = page(client, "/api/v1/articles?limit=2")
    assert first == [articles[0].pk, articles[1].pk]
    assert following.startswith("http://testserver/api/v1/articles?limit=2&cursor=")
    second, following = page(client, following)
    assert second == [articles[2].pk, articles[3].pk]
    third, following = page(client, following)
    assert third == [articles[4].pk]
    assert following is None


def test_it_keeps_its_place_when_articles_are_published_meanwhile(client, make_article):
    articles = [make_article(f"Nummer {n}", age=timedelta(hours=n + 1)) for n in range(4)]
    first, following = page(client, "/api/v1/articles?limit=2")
    make_article("Eilmeldung", age=timedelta(minutes=1))
    second, _ = page(client, following)
    assert first + second == [a.pk for a in articles]


def test_it_breaks_ties_of_the_same_publish_time_by_id(client, make_article):
    moment = timezone.now() - timedelta(hours=1)
    articles = [make_article(f"Gleichzeitig {n}", publish_at=moment) for n in range(3)]
    seen, following = page(client, "/api/v1/articles?limit=1")
    while following:
        more, following = page(client, following)
        seen += more
    assert seen == sorted((a.pk for a in articles), reverse=True)


def test_it_keeps_the_filters_in_the_next_link(client, make_article):
    for n in range(3):
        make_article(f"Nummer {n}", age=timedelta(hours=n + 1))
    _, following = page(client, "/api/v1/articles?language=de&limit=1")
    assert "language=de" in following and "limit=1" in following


@pytest.mark.parametrize(
    "cursor", ["x", "====", "cDIwMjQ", "bTIwMjQwMzAzVDEwMTUwMC4xMjM0NTZaLTQ3MTE"]
)
def test_it_refuses_a_made_up_cursor_with_400(client, cursor):
    response = client.get(f"/api/v1/articles?cursor={cursor}", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "cursor" in response.json()["detail"]


def test_a_contributor_pages_through_her_own_drafts(client, make_article, contributor, bearer):
    from datetime import timedelta as td

    own = [
        make_article(f"Entwurf {n}", status="draft", age=None, user=contributor) for n in range(3)
    ]
    make_article("Fremder Entwurf", status="draft", age=td(hours=1))
    headers = bearer(contributor, "read:drafts")
    seen, url = [], "/api/v1/articles?status=draft&limit=1"
    while url:
        response = client.get(url, **headers)
        assert response.status_code == 200, response.content
        seen += [a["id"] for a in response.json()["results"]]
        url = response.json()["next"]
    assert seen == [a.pk for a in reversed(own)]
