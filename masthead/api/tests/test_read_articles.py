"""Reading articles: anonymous callers get exactly what readers get, in
the fields the schema names; filters narrow the list."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext

from masthead.articles import services
from masthead.articles.models import Article

pytestmark = pytest.mark.django_db


def ids(response):
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


def test_it_lists_only_public_articles_newest_first(client, make_article):
    old = make_article("Alt", age=timedelta(days=2))
    new = make_article("Neu", age=timedelta(hours=1))
    make_article("Entwurf", status=Article.Status.DRAFT, age=None)
    make_article("Geplant", age=-timedelta(hours=1))
    make_article("Zurückgezogen", status=Article.Status.UNPUBLISHED)
    assert ids(client.get("/api/v1/articles")) == [new.pk, old.pk]


def test_it_hides_drafts_and_scheduled_articles_from_anonymous_callers(client, make_article):
    draft = make_article("Entwurf", status=Article.Status.DRAFT, age=None)
    scheduled = make_article("Geplant", age=-timedelta(hours=1))
    for article in (draft, scheduled):
        response = client.get(f"/api/v1/articles/{article.pk}")
        assert response.status_code == 404
        assert response.json()["detail"]


def test_it_refuses_the_status_filter_without_a_token(client, make_article):
    response = client.get("/api/v1/articles?status=draft")
    assert response.status_code == 403
    assert "read:drafts" in response.json()["detail"]
    assert ids(client.get("/api/v1/articles?status=published")) == []


def test_it_gives_an_article_with_its_body_as_readers_get_it(
    client, make_article, make_tag, science
):
    tag = make_tag("Haushalt")
    article = make_article(
        "Der Rat beschließt",
        tags=[tag],
        body='<p>Text</p><script>alert(1)</script><p onclick="x()">Mehr</p>',
    )
    english = services.translate(article, "en")
    data = client.get(f"/api/v1/articles/{article.pk}").json()
    assert data["headline"] == "Der Rat beschließt"
    assert data["language"] == "de"
    assert data["status"] == "published"
    assert data["section"] == {"id": article.section_id, "name": "Welt",
                               "url": "http://testserver/de/rubrik/welt/"}  # fmt: skip
    assert data["topics"] == [{"id": tag.pk, "name": "Haushalt", "slug": "haushalt"}]
    assert data["authors"][0]["name"] == "Lena Hartmann"
    assert data["url"] == f"http://testserver{article.get_absolute_url()}"
    assert "<script" not in data["body"] and "onclick" not in data["body"]
    assert data["body"].startswith("<p>Text</p>")
    # The English version is a draft: readers do not see it, nor its link.
    assert data["translations"] == []
    services.publish(english)
    data = client.get(f"/api/v1/articles/{article.pk}").json()
    assert data["translations"] == [
        {
            "id": english.pk,
            "language": "en",
            "url": f"http://testserver{english.get_absolute_url()}",
        }
    ]


def test_it_filters_by_language_section_topic_author_and_time(
    client, make_article, make_tag, science, author
):
    from masthead.people.models import Author

    other = Author.objects.create(name="Jan Berg", slug="jan-berg")
    tag = make_tag("Klima")
    a = make_article("A", age=timedelta(days=3))
    b = make_article("B", section=science, tags=[tag], age=timedelta(days=2))
    c = make_article("C", language="en", authors=[other], age=timedelta(days=1))
    assert ids(client.get("/api/v1/articles?language=en")) == [c.pk]
    assert ids(client.get(f"/api/v1/articles?section={science.pk}")) == [b.pk]
    assert ids(client.get(f"/api/v1/articles?topic={tag.pk}")) == [b.pk]
    assert ids(client.get(f"/api/v1/articles?author={other.pk}")) == [c.pk]
    assert ids(client.get(f"/api/v1/articles?author={author.pk}")) == [b.pk, a.pk]
    since = (timezone.now() - timedelta(days=2, hours=12)).isoformat()
    until = (timezone.now() - timedelta(days=1, hours=12)).isoformat()
    response = client.get("/api/v1/articles", {"published_after": since, "published_before": until})
    assert ids(response) == [b.pk]


def test_it_searches_with_the_sites_search(client, make_article):
    from masthead.search.indexing import index_articles

    hit = make_article("Der Haushalt ist beschlossen", body="<p>Die Stadt spart.</p>")
    make_article("Das Wetter", body="<p>Es regnet.</p>")
    index_articles([hit.pk, *Article.objects.exclude(pk=hit.pk).values_list("pk", flat=True)])
    assert ids(client.get("/api/v1/articles?q=Haushalt")) == [hit.pk]
    assert ids(client.get("/api/v1/articles?q=Haushalt&language=en")) == []


def test_it_answers_invalid_filters_with_422_in_the_callers_language(client):
    response = client.get("/api/v1/articles?section=welt", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 422
    body = response.json()
    with translation.override("de"):
        assert body["detail"] == gettext("The request is not valid.")
    assert response["Content-Language"] == "de"
    assert body["errors"][0]["field"] == "section"
    response = client.get("/api/v1/articles?limit=0", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "limit", "message": "Enter a number of at least 1."}
    ]


def test_addresses_are_the_pages_own_also_in_other_scripts(client, make_article):
    from masthead.lib.site import absolute_url

    article = make_article("Straßen", slug="straßen-in-köln", language="de")
    data = client.get("/api/v1/articles").json()["results"][0]
    assert data["url"] == absolute_url(article.get_absolute_url())
    assert "stra%C3%9Fen-in-k%C3%B6ln" in data["url"]


def test_messages_follow_accept_language_among_the_shipped_catalogs(client):
    """The site publishes in German and English; a French integration still
    reads its errors in French (Masthead ships a French catalog)."""
    response = client.get("/api/v1/articles?limit=0", HTTP_ACCEPT_LANGUAGE="fr-CH, en;q=0.5")
    assert response["Content-Language"] == "fr"
    with translation.override("fr"):
        assert response.json()["detail"] == gettext("The request is not valid.")
        assert response.json()["errors"][0]["message"] == gettext(
            "Enter a number of at least %(limit)s."
        ) % {"limit": 1}


@pytest.mark.parametrize(
    ("value", "status"),
    [
        ("0740-11-28T08:12:59-23:05", 200),  # an offset PostgreSQL cannot store: made UTC
        ("2026-03-01T09:30:00", 200),  # without an offset: UTC
        ("0001-01-01T00:30:00+05:00", 422),  # before the first day of the calendar in UTC
        ("9999-12-31T23:30:00-05:00", 422),  # after its last
        ("gestern", 422),
    ],
)
def test_times_at_the_edges_are_answered_never_a_database_error(client, make_article, value,
                                                                 status):  # fmt: skip
    make_article()
    response = client.get("/api/v1/articles", {"published_after": value})
    assert response.status_code == status, response.content
    response = client.get("/api/v1/articles", {"published_before": value})
    assert response.status_code == status, response.content
