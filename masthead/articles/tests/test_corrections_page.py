"""The public corrections page: every correction of a public article in the
page's language, the newest first; and a correction moves the article's
"modified" time in its structured data and in the feeds."""

import json
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta

import lxml.html
import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import pgettext

from masthead.articles import services
from masthead.articles.models import Article, Correction

ATOM = "{http://www.w3.org/2005/Atom}"


def url(name="articles:corrections", language="de", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def entries(response):
    """[(headline, link, text, time)] of the listed corrections."""
    assert response.status_code == 200
    root = lxml.html.fromstring(response.content)
    return [
        (
            li.xpath(".//h2/a")[0].text_content().strip(),
            li.xpath(".//h2/a/@href")[0],
            li.xpath('.//p[@class="teaser__text"]')[0].text_content().strip(),
            li.xpath(".//time/@datetime")[0],
        )
        for li in root.xpath('//main//ol[@class="article-list"]/li')
    ]


def correct(article, text, ago=None):
    correction = services.add_correction(article, text)
    if ago is not None:
        Correction.objects.filter(pk=correction.pk).update(created_at=timezone.now() - ago)
        correction.refresh_from_db()
    return correction


# The address


def test_its_address_is_translated():
    assert url(language="en") == "/en/corrections/"
    with translation.override("de"):
        segment = pgettext("URL", "corrections/")
    # "/de/korrekturen/" once the German catalog translates the segment.
    assert url(language="de") == f"/de/{segment}"


def test_the_footer_links_it(client, make_article):
    article = make_article()
    for path, language in ((url("articles:home"), "de"), (article.get_absolute_url(), "de")):
        root = lxml.html.fromstring(client.get(path).content)
        assert url(language=language) in root.xpath("//footer//a/@href")
    root = lxml.html.fromstring(client.get(url("articles:home", language="en")).content)
    assert url(language="en") in root.xpath("//footer//a/@href")


# What it lists


def test_it_lists_only_corrections_of_public_articles_in_the_pages_language(client, make_article):
    public = make_article("Der Rat beschließt den Haushalt")
    correct(public, "Der Betrag war falsch.")
    draft = make_article("Ein Entwurf", status=Article.Status.DRAFT, age=None)
    correct(draft, "Korrektur am Entwurf.")
    scheduled = make_article("Kommt morgen", age=-timedelta(days=1))
    correct(scheduled, "Korrektur am geplanten Artikel.")
    withdrawn = make_article("Zurückgezogen")
    correct(withdrawn, "Korrektur am zurückgezogenen Artikel.")
    services.unpublish(withdrawn)
    english = make_article("The council passes the budget", language="en")
    correct(english, "The amount was wrong.")

    german = entries(client.get(url()))
    assert [(e[0], e[1], e[2]) for e in german] == [
        ("Der Rat beschließt den Haushalt", public.get_absolute_url(), "Der Betrag war falsch.")
    ]
    english_page = entries(client.get(url(language="en")))
    assert [(e[0], e[2]) for e in english_page] == [
        ("The council passes the budget", "The amount was wrong.")
    ]


def test_it_lists_the_newest_first_with_dates(client, make_article):
    old = make_article("Alte Meldung", age=timedelta(days=3))
    new = make_article("Neue Meldung", age=timedelta(days=2))
    first = correct(old, "Erste Korrektur.", ago=timedelta(days=2))
    second = correct(new, "Zweite Korrektur.", ago=timedelta(days=1))
    third = correct(old, "Dritte Korrektur.")
    listed = entries(client.get(url()))
    assert [e[2] for e in listed] == ["Dritte Korrektur.", "Zweite Korrektur.", "Erste Korrektur."]
    assert [e[3] for e in listed] == [
        c.created_at.isoformat(timespec="seconds") for c in (third, second, first)
    ]


def test_it_is_a_page_in_the_readers_language(client, make_article):
    correct(make_article(), "Korrigiert.")
    response = client.get(url())
    root = lxml.html.fromstring(response.content)
    assert root.get("lang") == "de"
    assert len(root.xpath("//h1")) == 1
    assert root.xpath("//main") and root.xpath("//title")
    english = lxml.html.fromstring(client.get(url(language="en")).content)
    assert english.get("lang") == "en"
    assert english.xpath("//h1")[0].text_content().strip() == "Corrections"
    # The language switcher leads to the same page in the other language.
    hreflang = english.xpath('//link[@rel="alternate"][@hreflang="de"]/@href')
    assert hreflang == ["http://testserver" + url()]


def test_it_says_when_there_are_none(client, db):
    response = client.get(url(language="en"))
    assert response.status_code == 200
    assert "There are no corrections." in response.content.decode()


def test_it_paginates(client, make_article, settings):
    settings.PAGE_SIZE = 2
    article = make_article()
    for n in range(5):
        correct(article, f"Korrektur {n}", ago=timedelta(hours=n))
    assert [e[2] for e in entries(client.get(url()))] == ["Korrektur 0", "Korrektur 1"]
    page = client.get(url(), {"page": "2"})
    assert [e[2] for e in entries(page)] == ["Korrektur 2", "Korrektur 3"]
    root = lxml.html.fromstring(page.content)
    assert root.xpath('//nav[@class="pagination"]//a[@rel="prev"]/@href') == ["?page=1"]
    assert root.xpath('//nav[@class="pagination"]//a[@rel="next"]/@href') == ["?page=3"]
    assert [e[2] for e in entries(client.get(url(), {"page": "3"}))] == ["Korrektur 4"]
    assert client.get(url(), {"page": "4"}).status_code == 404
    assert client.get(url(), {"page": "x"}).status_code == 404


@pytest.mark.parametrize("count", [1, 3, 15])
def test_it_runs_a_fixed_number_of_queries(client, make_article, assert_num_queries, count):
    # Expect 3 queries:
    # 1. the number of corrections (for the pages)
    # 2. the corrections of this page, with their articles
    # 3. the sections (menu)
    # 4. breaking news (the banner of every page)
    for n in range(count):
        article = make_article(f"Meldung {n}")
        correct(article, f"Korrektur {n}")
    draft = make_article("Entwurf", status=Article.Status.DRAFT, age=None)
    correct(draft, "Unsichtbar")
    with assert_num_queries(4):
        response = client.get(url())
    assert len(entries(response)) == count


# A correction moves the "modified" time


def test_a_correction_moves_date_modified_in_the_structured_data(client, make_article):
    article = make_article()

    def date_modified():
        root = lxml.html.fromstring(client.get(article.get_absolute_url()).content)
        [script] = root.xpath('//script[@type="application/ld+json"]')
        return datetime.fromisoformat(json.loads(script.text)["dateModified"])

    assert date_modified() == article.publish_at
    correction = correct(article, "Ein Name war falsch geschrieben.")
    article.refresh_from_db()
    assert article.updated_at == correction.created_at
    assert article.last_modified == correction.created_at
    assert date_modified() == correction.created_at > article.publish_at


def test_a_correction_moves_the_updated_time_in_the_feeds(client, make_article):
    article = make_article()

    def atom_updated():
        root = ET.fromstring(client.get(url("feeds:atom")).content)
        [entry] = root.findall(f"{ATOM}entry")
        return (
            datetime.fromisoformat(root.find(f"{ATOM}updated").text),
            datetime.fromisoformat(entry.find(f"{ATOM}updated").text),
        )

    def json_modified():
        [item] = json.loads(client.get(url("feeds:json")).content)["items"]
        return datetime.fromisoformat(item["date_modified"])

    assert atom_updated() == (article.publish_at, article.publish_at)
    assert json_modified() == article.publish_at

    correction = correct(article, "Ein Datum war falsch.")
    corrected = correction.created_at
    assert corrected > article.publish_at
    assert atom_updated() == (corrected, corrected)
    assert json_modified() == corrected


def test_a_correction_of_a_draft_changes_no_date(make_article):
    draft = make_article(status=Article.Status.DRAFT, age=None)
    correct(draft, "Vor der Veröffentlichung korrigiert.")
    draft.refresh_from_db()
    assert draft.updated_at is None and draft.last_modified is None
