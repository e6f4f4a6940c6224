"""Sections, topics, authors and corrections, as readers' pages show them."""

import pytest

pytestmark = pytest.mark.django_db


def test_sections_with_their_names_and_addresses(client, world, science):
    data = client.get("/api/v1/sections").json()
    assert [s["id"] for s in data["results"]] == [world.pk, science.pk]
    welt = data["results"][0]
    assert welt["names"] == {"de": "Welt", "en": "World"}
    assert welt["urls"]["de"] == "http://testserver/de/rubrik/welt/"
    assert client.get(f"/api/v1/sections/{world.pk}").json()["id"] == world.pk
    assert client.get("/api/v1/sections/999999").status_code == 404


def test_topics_only_of_public_articles(client, make_article, make_tag):
    shown, hidden = make_tag("Haushalt"), make_tag("Geheim")
    make_article(tags=[shown])
    make_article("Entwurf", status="draft", age=None, tags=[hidden])
    assert [t["id"] for t in client.get("/api/v1/topics").json()["results"]] == [shown.pk]
    assert client.get(f"/api/v1/topics/{hidden.pk}").status_code == 404
    assert client.get("/api/v1/topics?language=en").json()["results"] == []


def test_authors_page_by_id(client, author, make_author):
    others = [make_author(f"Autorin {n}") for n in range(3)]
    data = client.get("/api/v1/authors?limit=2").json()
    assert [a["id"] for a in data["results"]] == [author.pk, others[0].pk]
    rest = client.get(data["next"]).json()
    assert [a["id"] for a in rest["results"]] == [others[1].pk, others[2].pk]
    assert rest["next"] is None
    assert client.get("/api/v1/authors?cursor=abc").status_code == 400


def test_corrections_only_of_public_articles(client, make_article, editor):
    from masthead.articles import services

    public = make_article()
    draft = make_article("Entwurf", status="draft", age=None)
    services.add_correction(public, "Das Datum war falsch.", editor)
    services.add_correction(draft, "Intern.", editor)
    data = client.get("/api/v1/corrections").json()
    assert [(c["article"], c["text"]) for c in data["results"]] == [
        (public.pk, "Das Datum war falsch.")
    ]
