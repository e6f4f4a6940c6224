"""Every page type tells search engines and social networks what it is:
title, description, canonical address, Open Graph and Twitter card."""

from datetime import timedelta

import lxml.html
import pytest
from django.urls import reverse
from django.utils import translation

from masthead.articles.models import Article
from masthead.articles.pagination import Cursor
from masthead.articles.views import LATEST_COUNT
from masthead.media import renditions
from masthead.media.samples import make_image


def url(name, language="de", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


@pytest.fixture
def site(make_article, make_tag, png_file, settings):
    settings.PAGE_SIZE = 2
    tag = make_tag("Haushalt")
    articles = [
        make_article(f"Meldung {n}", tags=[tag], age=timedelta(hours=n + 1)) for n in range(10)
    ]
    pictured = make_article(
        "Das neue Rathaus",
        lead_image=make_image(
            png_file(1200, 675).read(),
            name="rathaus.png",
            alt={"de": "Ein Rathaus", "en": "A town hall"},
        ),
        standfirst="Das Rathaus ist fertig.",
    )
    return {"article": articles[0], "pictured": pictured}


def archive_start():
    """The archive's first page: after the front page's articles."""
    return older(LATEST_COUNT + 1)


def older(shown):
    """The page after the newest ``shown`` articles."""
    last = Article.objects.public().in_language("de")[shown - 1]
    return f"?before={Cursor.of(last)}"


PAGES = {
    "home": lambda site: (url("articles:home"), "website"),
    "home in english": lambda site: (url("articles:home", "en"), "website"),
    "archive": lambda site: (url("articles:home") + archive_start(), "website"),
    "article": lambda site: (site["article"].get_absolute_url(), "article"),
    "article with image": lambda site: (site["pictured"].get_absolute_url(), "article"),
    "section": lambda site: (url("articles:section", slug="welt"), "website"),
    "section page 2": lambda site: (url("articles:section", slug="welt") + older(2), "website"),
    "tag": lambda site: (url("articles:tag", slug="haushalt"), "website"),
    "author": lambda site: (url("articles:author", slug="lena-hartmann"), "website"),
}


def one(root, xpath):
    values = root.xpath(xpath)
    assert len(values) == 1, f"{xpath}: {values}"
    assert values[0].strip(), f"{xpath} is empty"
    return values[0]


@pytest.mark.parametrize("page", PAGES)
def test_it_describes_the_page(client, site, page):
    path, og_type = PAGES[page](site)

    response = client.get(path)

    assert response.status_code == 200
    root = lxml.html.fromstring(response.content)
    title = one(root, "//head/title/text()")
    assert title.endswith("Masthead")
    one(root, '//head/meta[@name="description"]/@content')
    canonical = one(root, '//head/link[@rel="canonical"]/@href')
    assert canonical == "http://testserver" + path
    assert one(root, '//head/meta[@property="og:title"]/@content')
    assert one(root, '//head/meta[@property="og:type"]/@content') == og_type
    assert one(root, '//head/meta[@property="og:url"]/@content') == canonical
    assert one(root, '//head/meta[@name="twitter:card"]/@content') in {
        "summary",
        "summary_large_image",
    }


def test_it_names_the_article_in_its_meta_tags(client, site):
    article = site["pictured"]

    root = lxml.html.fromstring(client.get(article.get_absolute_url()).content)

    assert one(root, "//head/title/text()") == "Das neue Rathaus – Masthead"
    assert one(root, '//head/meta[@name="description"]/@content') == "Das Rathaus ist fertig."
    assert one(root, '//head/meta[@property="og:title"]/@content') == "Das neue Rathaus"
    assert one(root, '//head/meta[@name="twitter:card"]/@content') == "summary_large_image"
    # Until the renditions are made, the card is the original.
    image = "http://testserver" + article.lead_image.file.url
    assert one(root, '//head/meta[@property="og:image"]/@content') == image
    assert one(root, '//head/meta[@property="og:image:width"]/@content') == "1200"
    assert one(root, '//head/meta[@property="og:image:height"]/@content') == "675"
    assert one(root, '//head/meta[@name="twitter:image"]/@content') == image
    assert one(root, '//head/meta[@property="og:image:alt"]/@content') == "Ein Rathaus"
    assert one(root, '//head/meta[@name="twitter:image:alt"]/@content') == "Ein Rathaus"


def test_the_card_is_a_1200_pixel_rendition_of_the_social_ratio(client, site):
    article = site["pictured"]
    renditions.make_renditions(article.lead_image)
    card = article.lead_image.renditions.get(crop="1.91:1", format="jpeg")

    root = lxml.html.fromstring(client.get(article.get_absolute_url()).content)

    image = "http://testserver" + card.file.url
    assert image.endswith(".jpg")
    assert one(root, '//head/meta[@property="og:image"]/@content') == image
    assert one(root, '//head/meta[@property="og:image:width"]/@content') == "1200"
    assert one(root, '//head/meta[@property="og:image:height"]/@content') == "628"
    assert one(root, '//head/meta[@name="twitter:image"]/@content') == image


def test_it_gives_an_article_without_image_a_small_card(client, site):
    root = lxml.html.fromstring(client.get(site["article"].get_absolute_url()).content)

    assert one(root, '//head/meta[@name="twitter:card"]/@content') == "summary"
    assert not root.xpath('//head/meta[@property="og:image"]')


def test_it_names_the_list_in_its_meta_tags(client, site):
    root = lxml.html.fromstring(client.get(url("articles:section", slug="welt")).content)

    assert one(root, "//head/title/text()") == "Welt – Masthead"
    assert one(root, '//head/meta[@property="og:title"]/@content') == "Welt"
    assert "Welt" in one(root, '//head/meta[@name="description"]/@content')


def test_it_drops_tracking_parameters_from_the_canonical_address(client, site):
    path = site["article"].get_absolute_url()

    root = lxml.html.fromstring(client.get(path + "?utm_source=newsletter&fbclid=x").content)

    assert one(root, '//head/link[@rel="canonical"]/@href') == "http://testserver" + path
    assert one(root, '//head/meta[@property="og:url"]/@content') == "http://testserver" + path


def test_it_titles_the_404_page_and_keeps_it_out_of_search(client, site):
    response = client.get(url("articles:detail", slug="gibt-es-nicht"))

    assert response.status_code == 404
    root = lxml.html.fromstring(response.content)
    assert one(root, "//head/title/text()").endswith("Masthead")
    one(root, '//head/meta[@name="description"]/@content')
    assert one(root, '//head/meta[@name="robots"]/@content') == "noindex"
