"""Articles in languages of other scripts get addresses their readers can
read: Arabic keeps its letters, Ukrainian is transliterated the way
Ukraine writes it; both work as links, in the sitemap and after a change."""

from urllib.parse import quote

import pytest
from django.utils import translation

from masthead.articles.models import Article

LANGUAGES = [("de", "Deutsch"), ("en", "English"), ("ar", "العربية"), ("uk", "Українська")]


@pytest.fixture
def more_languages(settings):
    settings.LANGUAGES = LANGUAGES


@pytest.mark.django_db
def test_an_arabic_article_keeps_its_letters_in_its_address(client, make_article, more_languages):
    article = make_article("مجلس المدينة يقر الميزانية", language="ar")
    assert article.slug == "مجلس-المدينة-يقر-الميزانية"
    url = article.get_absolute_url()
    assert url == "/ar/article/" + quote("مجلس-المدينة-يقر-الميزانية") + "/"
    response = client.get(url)
    assert response.status_code == 200
    assert "<h1" in response.content.decode() and "مجلس المدينة" in response.content.decode()


@pytest.mark.django_db
def test_a_ukrainian_article_is_transliterated(client, make_article, more_languages):
    article = make_article("Київ схвалив бюджет", language="uk")
    assert article.slug == "kyiv-skhvalyv-biudzhet"
    assert client.get(article.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_the_sitemap_names_an_arabic_address_percent_encoded(make_article, more_languages):
    from django.contrib.sites.requests import RequestSite
    from django.test import RequestFactory

    from masthead.feeds.sitemaps import ArticleSitemap

    article = make_article("مجلس المدينة يقر الميزانية", language="ar")
    site = RequestSite(RequestFactory().get("/"))
    sitemap = ArticleSitemap("ar")
    [file] = sitemap.files()  # ids keep counting across tests on PostgreSQL
    [url] = sitemap.get_urls(page=file, site=site)
    assert url["location"] == f"http://testserver{article.get_absolute_url()}"
    assert url["location"].isascii()


@pytest.mark.django_db
def test_no_headline_makes_a_numbered_article_address(make_article, more_languages):
    slugs = [
        make_article(headline, language=language).slug
        for headline, language in [("東京", "ar"), ("Москва", "uk"), ("Ελλάδα", "de")]
    ]
    assert not any(slug.startswith("article") for slug in slugs), slugs
    with translation.override("ar"):
        assert Article.objects.filter(language="ar").get().get_absolute_url().startswith("/ar/")
