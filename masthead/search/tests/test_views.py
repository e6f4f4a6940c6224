"""The reader's search pages and the desk's article search, through HTTP."""

import json
from datetime import timedelta

import pytest
from django.db import connection
from django.http import QueryDict
from django.urls import reverse
from django.utils import translation

from masthead.articles.models import Article
from masthead.pagecache.middleware import kept_query
from masthead.testing import client_for

pytestmark = pytest.mark.django_db


def search_url(language="de", **params):
    with translation.override(language):
        path = reverse("search:results")
    return path + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def unmarked(response) -> str:
    """The page without the marks around the words that matched."""
    return response.content.decode().replace("<mark>", "").replace("</mark>", "")


def test_the_path_words_are_in_the_page_language():
    assert search_url("de") == "/de/suche/"
    assert search_url("en") == "/en/search/"
    with translation.override("de"):
        assert reverse("search:suggestions") == "/de/suche/vorschlaege/"


def test_a_reader_finds_compounds_marked_and_nothing_unpublished(client, indexed):
    indexed("Neue Arbeitsverträge für Pflegekräfte", body="<p>Die Tarifverträge gelten ab Mai.</p>")
    indexed("Vertrag in Arbeit", status=Article.Status.DRAFT, age=None)
    indexed("Vertrag für morgen", age=timedelta(hours=-2))  # scheduled
    indexed("Treaty signed", language="en", body="<p>A Vertrag.</p>")
    page = client.get(search_url(q="Vertrag")).content.decode()
    assert "Arbeits<mark>verträge</mark> für Pflegekräfte" in page
    assert "Die Tarif<mark>verträge</mark> gelten ab Mai." in page
    assert "Vertrag in Arbeit" not in page and "Vertrag für morgen" not in page
    assert "Treaty signed" not in page
    assert '<meta name="robots" content="noindex, follow">' in page


def test_the_box_is_on_every_reader_page_and_works_without_javascript(client, indexed):
    article = indexed("Der Rat beschließt den Haushalt")
    page = client.get(article.get_absolute_url()).content.decode()
    assert '<form class="site-search" role="search" aria-label="Die Website durchsuchen"' in page
    assert 'action="/de/suche/" method="get">' in page
    assert '<input id="site-search-q" type="search" name="q"' in page
    assert 'rel="search" type="application/opensearchdescription+xml"' in page


def test_nothing_found_and_no_words_say_so_in_the_page_language(client, indexed):
    indexed("Der Rat beschließt den Haushalt")
    # The reader's words isolated from the sentence's direction (bdi).
    assert (
        "Nichts gefunden für „<bdi>Xylophon</bdi>“."
        in client.get(search_url(q="Xylophon")).content.decode()
    )
    assert "Type a word to search for." in client.get(search_url("en", q="")).content.decode()
    # No query at all: the form only.
    page = client.get(search_url("de")).content.decode()
    assert "Nichts gefunden" not in page and "search-results" not in page


@pytest.mark.parametrize(
    "text",
    [
        "x" * 2000,
        "...!!!",
        '"unbalanced',
        "NEAR(rat haushalt, 2)",
        "rat*",
        "title:rat",
        "rat & haushalt | !x",
        "%00%07rat",
        "Привет 東京 مرحبا",
        "-rat",
        "%22%22",
        "'; DROP TABLE articles_article; --",
    ],
)
def test_no_input_breaks_the_page(client, indexed, text, caplog):
    indexed("Der Rat beschließt den Haushalt")
    response = client.get(search_url(q=text))
    assert response.status_code == 200
    assert not [r for r in caplog.records if r.levelname in ("ERROR", "CRITICAL")]


def test_when_no_article_has_every_word_those_with_some_are_shown(client, indexed):
    indexed("Der Rat beschließt den Haushalt", body="<p>Am Dienstag.</p>")
    page = client.get(search_url(q="Haushalt Xylophon")).content.decode()
    assert "Kein Artikel enthält alle diese Wörter. Diese enthalten einige davon." in page
    assert "<mark>Haushalt</mark>" in page
    page = client.get(search_url(q="Haushalt Rat")).content.decode()
    assert "Kein Artikel enthält alle" not in page and "<mark>Haushalt</mark>" in page
    assert "Nichts gefunden" in client.get(search_url(q="Xylophon Tuba")).content.decode()


def test_filters_narrow_the_results(client, indexed, science, make_author, make_tag):
    kai = make_author("Kai Berg")
    energy = make_tag("Energie")
    indexed("Wahl in Wien", age=timedelta(days=40))
    indexed("Wahl in Graz", section=science, authors=[kai], tags=[energy])
    get = lambda **params: unmarked(client.get(search_url(q="Wahl", **params)))  # noqa: E731
    assert "Wahl in Wien" in get() and "Wahl in Graz" in get()
    for params in ({"section": "wissenschaft"}, {"author": "kai-berg"}, {"topic": energy.slug}):
        page = get(**params)
        assert "Wahl in Graz" in page and "Wahl in Wien" not in page, params
    since = (Article.objects.get(headline="Wahl in Graz").publish_at - timedelta(days=1)).date()
    page = get(since=since.isoformat())
    assert "Wahl in Graz" in page and "Wahl in Wien" not in page
    page = get(until=since.isoformat())
    assert "Wahl in Wien" in page and "Wahl in Graz" not in page


def test_a_bad_filter_is_reported_and_left_out(client, indexed):
    indexed("Wahl in Wien")
    page = unmarked(client.get(search_url(q="Wahl", since="2026-13-45", section="gibtsnicht")))
    assert "Wahl in Wien" in page
    assert "Bitte ein gültiges Datum eingeben." in page
    assert 'aria-describedby="id_since_error"' in page and 'id="id_since_error"' in page
    assert "Bitte eine gültige Auswahl treffen." in page


def test_results_page_by_relevance_and_by_time(client, indexed, settings):
    settings.PAGE_SIZE = 2
    for n in range(5):
        indexed(f"Wahl Nummer {n}", age=timedelta(hours=n + 1))
    first = client.get(search_url(q="Wahl")).content.decode()
    assert 'href="?q=Wahl&amp;page=2"' in first
    second = client.get(search_url(q="Wahl", page=2)).content.decode()
    assert 'href="?q=Wahl"' in second and 'href="?q=Wahl&amp;page=3"' in second
    assert client.get(search_url(q="Wahl", page=4)).status_code == 404
    assert client.get(search_url(q="Wahl", page="x")).status_code == 404
    newest = unmarked(client.get(search_url(q="Wahl", sort="newest")))
    assert newest.index("Wahl Nummer 0") < newest.index("Wahl Nummer 1")
    assert "?q=Wahl&amp;sort=newest&amp;before=" in newest


def test_the_results_page_costs_the_same_for_one_result_or_many(
    client, indexed, assert_num_queries
):
    indexed("Wahl in Wien")
    # 1. the sections (menu and filter), 2. the authors, 3. the topics (the
    # filter's choices), 4. the ranked ids, 5. those articles (with their
    # sections), 6. their bylines, 7. breaking news (every page's banner).
    # PostgreSQL: six more for the ranked ids (the planner's estimate of
    # the matches, the table's size, and a transaction with a setting:
    # PostgresEngine._newest_first and _ranked).
    queries = 13 if connection.vendor == "postgresql" else 7
    with assert_num_queries(queries):
        assert client.get(search_url(q="Wahl")).status_code == 200
    for n in range(4):
        indexed(f"Wahl Nummer {n}")
    with assert_num_queries(queries):
        assert client.get(search_url(q="Wahl")).status_code == 200


def test_suggestions_complete_the_last_word(client, indexed):
    indexed("Die Bundesregierung tagt")
    response = client.get(reverse("search:suggestions") + "?q=Bundesre")
    assert response["Content-Type"].startswith("application/x-suggestions+json")
    text, headlines, _, urls = json.loads(response.content)
    assert (text, headlines) == ("Bundesre", ["Die Bundesregierung tagt"])
    assert urls[0].startswith("http://testserver/de/artikel/")
    assert json.loads(client.get(reverse("search:suggestions") + "?q=").content) == ["", [], [], []]


def test_browsers_can_add_the_search(client):
    with translation.override("en"):
        response = client.get(reverse("search:opensearch"))
    body = response.content.decode()
    assert response["Content-Type"].startswith("application/opensearchdescription+xml")
    assert 'template="http://testserver/en/search/?q={searchTerms}"' in body
    assert 'template="http://testserver/en/search/suggestions/?q={searchTerms}"' in body


def test_the_query_is_part_of_the_cache_key_and_tracking_is_not():
    path = search_url()
    assert kept_query(QueryDict("q=Vertrag&utm_source=x&sort=newest"), path) == (
        "q=Vertrag&sort=newest",
        True,
    )
    # What the form would not send is served, but not stored.
    assert kept_query(QueryDict("q=%20Vertrag"), path)[1] is False
    assert kept_query(QueryDict("q=Vertrag&since=gestern"), path)[1] is False
    # On the suggestions' address too; on any other page the search's
    # parameters are removed like tracking parameters.
    assert kept_query(QueryDict("q=Vertrag"), reverse("search:suggestions")) == ("q=Vertrag", True)
    assert kept_query(QueryDict("q=Vertrag&section=welt&page=2"), "/de/") == ("page=2", True)
    with translation.override("en"):
        english = reverse("search:results")
    assert kept_query(QueryDict("q=Vienna"), english) == ("q=Vienna", True)


def test_an_editor_finds_a_draft_by_a_word_of_its_body(indexed, editor, reporter):
    indexed(
        "Arbeitstitel",
        status=Article.Status.DRAFT,
        age=None,
        user=reporter,
        body="<p>Der Gemeinderat stritt über die Kanalsanierung.</p>",
    )
    indexed("Der Rat beschließt den Haushalt")
    page = client_for(editor, "de").get("/desk/articles/?q=Kanal").content.decode()
    assert "Arbeitstitel" in page and "Der Rat beschließt" not in page
    assert "Artikel, beste Treffer zuerst" in page
    # The same by time, and filtered by state.
    page = client_for(editor, "de").get("/desk/articles/?q=Kanal&sort=changed&status=draft")
    assert "Arbeitstitel" in page.content.decode()
    page = client_for(editor, "de").get("/desk/articles/?q=Kanal&status=published")
    assert "Arbeitstitel" not in page.content.decode()


def test_a_contributor_finds_only_their_own(indexed, contributor, reporter):
    indexed("Kanal A", status=Article.Status.DRAFT, age=None, user=reporter)
    indexed("Kanal B", status=Article.Status.DRAFT, age=None, user=contributor)
    page = client_for(contributor, "de").get("/desk/articles/?q=Kanal").content.decode()
    assert "Kanal B" in page and "Kanal A" not in page


def test_the_desk_searches_every_language_unless_one_is_chosen(indexed, editor):
    indexed("Councils vote", language="en", body="<p>The councils voted.</p>")
    indexed("Räte stimmen ab", body="<p>Die Räte stimmten ab.</p>")
    client = client_for(editor, "en")
    assert "Councils vote" in client.get("/desk/articles/?q=council").content.decode()
    page = client.get("/desk/articles/?q=council&language=de").content.decode()
    assert "Councils vote" not in page
