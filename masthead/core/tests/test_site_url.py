"""Every absolute address Masthead writes is on the configured site
address (SITE_URL, SITE_URLS), whatever Host header the request carried:
Django's ALLOWED_HOSTS ignores the port, so ``Host: 127.0.0.1:6666`` is
accepted, and a page built from it would carry that address to everyone
who gets the cached copy (masthead/lib/site.py)."""

import json
import re

import pytest
from django.urls import reverse
from django.utils import translation

from masthead.articles import services
from masthead.articles.models import Article
from masthead.desk import previews
from masthead.media.samples import make_image

SITE = "https://news.example.org"
# Addresses in the formats themselves (namespaces, schema.org, JSON Feed).
FORMAT_ADDRESSES = re.compile(
    r"^https?://(www\.w3\.org|schema\.org|jsonfeed\.org|www\.sitemaps\.org|www\.google\.com"
    r"|purl\.org)(/|$)"
)
ADDRESS = re.compile(r"""https?:(?://|\\/\\/)[^\s"'<>\\]+""")


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE
    settings.SITE_URLS = {}


@pytest.fixture
def story(make_article, make_tag, png_file):
    german = make_article(
        "Der Rat tagt",
        tags=[make_tag("Rat")],
        lead_image=make_image(png_file().read(), name="rat.png"),
    )
    english = services.translate(german, "en")
    english.headline = "The council meets"
    english.status = Article.Status.PUBLISHED
    english.publish_at = german.publish_at
    services.save_article(english, authors=german.byline_authors)
    return german, english


def addresses(body: str) -> list[str]:
    found = [a.replace("\\/", "/") for a in ADDRESS.findall(body)]
    return [a for a in found if not FORMAT_ADDRESSES.match(a)]


def articles_sitemap(article) -> str:
    """The article's sitemap file: files hold id ranges (feeds/sitemaps.py),
    and ids are not reset between tests on PostgreSQL."""
    from django.conf import settings

    number = (article.pk - 1) // settings.SITEMAP_ARTICLES_PER_FILE + 1
    return f"/sitemap-articles-{article.language}.xml" + (f"?p={number}" if number > 1 else "")


def reader_urls(article):
    with translation.override("de"):
        feeds = [reverse(f"feeds:{kind}") for kind in ("rss", "atom", "json")]
        lists = [reverse("articles:home"), reverse("articles:corrections")]
    return [
        article.get_absolute_url(),
        article.section.get_absolute_url(),
        *lists,
        *feeds,
        "/sitemap.xml",
        "/sitemap-pages.xml",
        articles_sitemap(article),
        "/news-sitemap.xml",
        "/robots.txt",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("host", ["127.0.0.1:6666", "localhost:8000", "testserver"])
def test_every_absolute_address_is_on_the_site_address(client, story, host):
    german, _ = story
    for url in reader_urls(german):
        response = client.get(url, headers={"host": host})
        assert response.status_code == 200, url
        found = addresses(response.content.decode())
        assert found, url
        wrong = [a for a in found if not a.startswith(SITE + "/")]
        assert wrong == [], url


@pytest.mark.django_db
def test_the_article_page_names_itself_and_its_translation_on_the_site_address(client, story):
    german, english = story
    page = client.get(german.get_absolute_url(), headers={"host": "127.0.0.1:6666"})
    body = page.content.decode()
    assert f'<link rel="canonical" href="{SITE}{german.get_absolute_url()}">' in body
    assert f'<meta property="og:url" content="{SITE}{german.get_absolute_url()}">' in body
    assert f'hreflang="en" href="{SITE}{english.get_absolute_url()}"' in body
    data = json.loads(re.search(r'<script type="application/ld\+json">(.+?)</script>', body)[1])
    assert data["url"] == SITE + german.get_absolute_url()
    assert data["publisher"]["url"] == SITE + "/"
    assert data["image"][0]["url"].startswith(SITE + "/media/")


@pytest.mark.django_db
def test_feeds_name_the_site_address_in_links_and_ids(client, story):
    german, _ = story
    with translation.override("de"):
        rss, atom, feed = (reverse(f"feeds:{kind}") for kind in ("rss", "atom", "json"))
    headers = {"host": "127.0.0.1:6666"}
    atom_body = client.get(atom, headers=headers).content.decode()
    assert f"<id>{SITE}/de/</id>" in atom_body
    assert f'<link href="{SITE}/de/feed/atom/" rel="self"/>' in atom_body
    assert f'<link href="{SITE}{german.get_absolute_url()}" rel="alternate"/>' in atom_body
    rss_body = client.get(rss, headers=headers).content.decode()
    assert f"<link>{SITE}{german.get_absolute_url()}</link>" in rss_body
    data = json.loads(client.get(feed, headers=headers).content)
    assert data["home_page_url"] == SITE + "/de/"
    assert data["feed_url"] == SITE + feed
    assert data["items"][0]["url"] == SITE + german.get_absolute_url()


@pytest.mark.django_db
def test_robots_txt_names_the_sitemaps_on_the_site_address(client):
    body = client.get("/robots.txt", headers={"host": "127.0.0.1:6666"}).content.decode()
    assert f"Sitemap: {SITE}/sitemap.xml\n" in body
    assert f"Sitemap: {SITE}/news-sitemap.xml\n" in body


@pytest.mark.django_db
def test_a_preview_link_is_on_the_site_address(make_article):
    """The address the editor page shows to copy (desk_previews.py)."""
    draft = make_article("Entwurf", status=Article.Status.DRAFT, age=None)
    link, token = services.share_preview(draft)
    address = SITE + reverse("preview_link", args=[token])
    assert previews.url_for(link) == address


@pytest.mark.django_db
def test_a_language_can_have_an_address_of_its_own(client, story, settings):
    settings.SITE_URL = "https://example.de"
    settings.SITE_URLS = {"en": "https://example.com"}
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "example.com", "example.de"]
    german, english = story
    body = client.get(german.get_absolute_url()).content.decode()
    assert f'<link rel="canonical" href="https://example.de{german.get_absolute_url()}">' in body
    assert f'hreflang="en" href="https://example.com{english.get_absolute_url()}"' in body
    pages = client.get("/sitemap-pages.xml").content.decode()
    assert "<loc>https://example.de/de/</loc>" in pages
    assert "<loc>https://example.com/en/</loc>" in pages
    # Pages are stored for requests to either address, and to no other.
    from masthead.lib import site

    request = client.get("/en/", headers={"host": "example.com"}).wsgi_request
    assert site.is_site_request(request)
    request.META["HTTP_HOST"] = "example.com:8443"
    assert not site.is_site_request(request)


@pytest.mark.parametrize(
    "value", ["news.example.org", "ftp://example.org", "https://example.org/news"]
)
def test_a_site_address_must_be_scheme_and_host(value):
    from django.core.exceptions import ImproperlyConfigured

    from masthead.settings import envurl

    with pytest.raises(ImproperlyConfigured, match="SITE_URL must be like https://example.org"):
        envurl("SITE_URL", value)
    assert envurl("SITE_URL", "https://example.org:8443/") == "https://example.org:8443"


def test_a_site_address_django_would_refuse_is_reported(settings):
    from masthead.lib.site import check_site_urls

    settings.ALLOWED_HOSTS = ["news.example.org"]
    assert check_site_urls() == []
    settings.SITE_URLS = {"en": "https://example.com"}
    [warning] = check_site_urls()
    assert warning.id == "masthead.W001"
    assert "https://example.com" in warning.msg
