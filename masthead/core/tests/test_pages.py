"""Site-wide behaviour: the language redirect at "/", and error pages that
answer 404 (never 500) in the reader's language."""

import lxml.html
import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from masthead.core.views import server_error


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("de", "/de/"),
        ("de-AT,de;q=0.9,en;q=0.5", "/de/"),
        ("en", "/en/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("fr-FR,en;q=0.8,de;q=0.5", "/en/"),
        ("fr", "/en/"),  # not published: English, French's fallback, not the default
        ("", "/de/"),
    ],
)
def test_it_redirects_the_root_by_accept_language(client, db, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})

    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response.get("Vary", "")


def page_not_found_text(language):
    with translation.override(language):
        return gettext("Page not found")


def test_the_404_page_differs_between_the_languages(settings):
    if not (settings.BASE_DIR / "locale/de/LC_MESSAGES/django.mo").exists():
        pytest.skip("the German catalogue is not compiled")
    assert page_not_found_text("de") == "Seite nicht gefunden"
    assert page_not_found_text("en") == "Page not found"


def assert_localized_404(response, language):
    assert response.status_code == 404
    assert [t.name for t in response.templates][0] == "404.html"
    root = lxml.html.fromstring(response.content)
    assert root.get("lang") == language
    assert root.xpath("string(//h1)") == page_not_found_text(language)
    assert root.xpath('//meta[@name="robots"]/@content') == ["noindex"]
    with translation.override(language):
        home = reverse("articles:home")
    assert home in root.xpath('//div[@class="error-page"]//a/@href')


def article_url(language, slug):
    with translation.override(language):
        return reverse("articles:detail", kwargs={"slug": slug})


@pytest.mark.parametrize("language", ["de", "en"])
def test_it_answers_404_for_an_unknown_article(client, db, language):
    response = client.get(article_url(language, "gibt-es-nicht"))

    assert_localized_404(response, language)


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("name", ["section", "tag", "author"])
def test_it_answers_404_for_an_unknown_list_page(client, world, author, language, name):
    with translation.override(language):
        path = reverse(f"articles:{name}", kwargs={"slug": "gibt-es-nicht"})

    assert_localized_404(client.get(path), language)


def test_it_answers_404_for_a_section_addressed_in_the_other_language(client, world):
    with translation.override("en"):
        path = reverse("articles:section", kwargs={"slug": "welt"})

    assert_localized_404(client.get(path), "en")


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("path", ["/fr/", "/fr/article/x/", "/xx/"])
def test_it_answers_404_for_an_unknown_language_prefix(client, db, path, language):
    # No language in the address: the 404 page speaks the reader's language.
    response = client.get(path, headers={"accept-language": language})

    assert_localized_404(response, language)


@pytest.mark.parametrize(
    "path",
    [
        "/fr/article/x/",
        "/de/{article}/%ZZ/",
        "/de/{article}/%00/",
        "/de/{article}/%C0%AF/",
        "/de/{article}/a b/",
        "/de/{article}/a%20b/",
        "/de/{article}/" + "a" * 5000 + "/",
        "/de/" + "x/" * 2000,
        "/de/{section}/../../etc/passwd",
        "/de/{section}/..%2F..%2Fetc%2Fpasswd/",
        "/de/{tag}/%3Cscript%3E/",
        "/de/{author}/'%20OR%201=1--/",
        "/de/feed/rss/x/",
        "/sitemap-unbekannt.xml",
        "/sitemap-articles-de.xml?p=999",
        "/sitemap-articles-de.xml?p=abc",
    ],
)
def test_it_answers_404_for_a_malformed_address(client, db, path):
    # The German path segments ("/de/<article>/…"), whatever the catalogue says.
    with translation.override("de"):
        segments = {
            name: reverse(f"articles:{view}", kwargs={"slug": "x"}).split("/")[2]
            for name, view in [
                ("article", "detail"),
                ("section", "section"),
                ("tag", "tag"),
                ("author", "author"),
            ]
        }

    response = client.get(path.format(**segments))

    assert response.status_code == 404


def test_it_answers_404_for_a_malformed_address_with_the_localized_page(client, db):
    response = client.get(article_url("de", "x").replace("/x/", "/%ZZ/"))

    assert_localized_404(response, "de")


def test_it_escapes_the_address_on_the_404_page(client, db):
    response = client.get(article_url("de", "x") + "<script>alert(1)</script>/")

    assert response.status_code == 404
    assert b"<script>alert(1)" not in response.content


@pytest.mark.parametrize("language", ["de", "en"])
def test_it_renders_the_500_page_without_the_database(language):
    # No "db" fixture: any query would raise here.
    request = RequestFactory().get(f"/{language}/")

    with translation.override(language):
        response = server_error(request)

    assert response.status_code == 500
    root = lxml.html.fromstring(response.content)
    assert root.get("lang") == language
    with translation.override(language):
        assert root.xpath("string(//h1)") == gettext("Server error")
    assert root.xpath("//a/@href") == ["/"]


YORUBA = [("de", "Deutsch"), ("en", "English"), ("yo", "Èdè Yorùbá"), ("pt-br", "Português")]


@pytest.mark.parametrize(
    ("accept_language", "fallbacks", "expected"),
    [
        ("yo-NG,en;q=0.5", {}, "/yo/"),  # no catalog anywhere, still a language
        ("pt", {}, "/pt-br/"),  # the regional variant the site publishes
        ("fr-CH,fr;q=0.9", {}, "/en/"),  # not published: English, fr's fallback
        ("rm,en;q=0.1", {"rm": "de"}, "/en/"),  # a language the reader also reads comes first
        ("rm", {"rm": "de"}, "/de/"),  # …else the fallback chain
        ("gsw", {"gsw": "rm", "rm": "de"}, "/de/"),  # through two links
        ("x" * 30, {}, "/de/"),  # no such code: the default
    ],
)
def test_every_content_language_is_negotiated_with_the_fallback_chain(
    client, db, settings, accept_language, fallbacks, expected
):
    settings.LANGUAGES = YORUBA
    settings.UI_FALLBACKS = fallbacks
    response = client.get("/", headers={"accept-language": accept_language})
    assert (response.status_code, response["Location"]) == (302, expected)


def test_the_language_cookie_comes_first(client, db, settings):
    settings.LANGUAGES = YORUBA
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "yo"
    response = client.get("/", headers={"accept-language": "en"})
    assert response["Location"] == "/yo/"


def test_a_language_without_any_catalog_has_its_pages(client, db, settings):
    settings.LANGUAGES = YORUBA
    response = client.get("/yo/")
    assert response.status_code == 200
    assert response["Content-Language"] == "yo"
    assert "Accept-Language" not in response.get("Vary", "")  # the address says it all
    assert b'<html lang="yo" dir="ltr">' in response.content
    # Its texts come from English, marked so.
    assert b'<a class="skip-link" href="#main" lang="en">Skip to content</a>' in response.content
    missing = client.get("/yo/nothing-here/")
    assert missing.status_code == 404 and b'<html lang="yo"' in missing.content
