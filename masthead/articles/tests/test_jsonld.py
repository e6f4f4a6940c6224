"""The article page carries schema.org NewsArticle structured data that
search engines can read and that cannot break out of its script element."""

import json
from datetime import datetime, timedelta

import lxml.html
import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from masthead.articles import services
from masthead.media import renditions
from masthead.media.samples import make_image


def jsonld_of(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    root = lxml.html.fromstring(response.content)
    scripts = root.xpath('//script[@type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].text), root


@pytest.fixture
def article(make_article, make_author, make_tag, author):
    return make_article(
        "Der Rat beschließt den Haushalt",
        authors=[author, make_author("Jonas Weber")],
        tags=[make_tag("Haushalt"), make_tag("Stadtrat")],
        standfirst="Nach langer Debatte steht der Haushalt für das kommende Jahr.",
    )


def test_it_describes_the_article_as_a_news_article(client, article):
    data, root = jsonld_of(client, article)

    url = "http://testserver" + article.get_absolute_url()
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Der Rat beschließt den Haushalt"
    assert data["description"] == "Nach langer Debatte steht der Haushalt für das kommende Jahr."
    assert data["inLanguage"] == "de"
    assert data["articleSection"] == "Welt"
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert data["url"] == url
    assert root.xpath('//link[@rel="canonical"]/@href') == [url]
    assert data["keywords"] == ["Haushalt", "Stadtrat"]


def test_it_gives_iso_dates_with_a_time_zone(client, article):
    data, _ = jsonld_of(client, article)

    published = datetime.fromisoformat(data["datePublished"])
    modified = datetime.fromisoformat(data["dateModified"])
    assert published.tzinfo is not None and modified.tzinfo is not None
    assert published == article.publish_at
    assert modified == article.publish_at


def test_it_moves_date_modified_after_a_correction(client, article):
    before, _ = jsonld_of(client, article)

    correction = services.add_correction(article, "Der Haushalt umfasst 2, nicht 3 Millionen.")

    after, _ = jsonld_of(client, article)
    assert after["datePublished"] == before["datePublished"]
    assert datetime.fromisoformat(after["dateModified"]) == correction.created_at
    assert after["dateModified"] > before["dateModified"]


def test_it_names_every_author_as_a_person_with_a_page(client, article):
    data, _ = jsonld_of(client, article)

    lena, jonas = article.byline_authors
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Lena Hartmann",
            "url": "http://testserver" + lena.url_in("de"),
        },
        {"@type": "Person", "name": "Jonas Weber", "url": "http://testserver" + jonas.url_in("de")},
    ]
    assert client.get(lena.url_in("de")).status_code == 200


def test_it_names_the_publisher_with_its_logo(client, article):
    data, _ = jsonld_of(client, article)

    publisher = data["publisher"]
    assert publisher["@type"] == "NewsMediaOrganization"
    assert publisher["name"] == "Masthead"
    assert publisher["url"] == "http://testserver/"
    assert publisher["logo"]["@type"] == "ImageObject"
    assert publisher["logo"]["url"] == "http://testserver/static/" + settings.PUBLISHER_LOGO
    assert finders.find(settings.PUBLISHER_LOGO) is not None


def test_it_has_no_image_without_one(client, article):
    data, _ = jsonld_of(client, article)

    assert "image" not in data


def test_it_describes_the_lead_image_by_its_original_until_renditions_exist(
    client, make_article, png_file
):
    image = make_image(png_file(1200, 675).read(), name="rathaus.png")
    article = make_article("Mit Bild", lead_image=image)

    data, root = jsonld_of(client, article)

    [original] = data["image"]
    assert original["@type"] == "ImageObject"
    assert original["url"] == "http://testserver" + image.file.url
    assert original["url"].endswith(".png")
    assert (original["width"], original["height"]) == (1200, 675)
    assert root.xpath('//meta[@property="og:image"]/@content') == [original["url"]]


def test_it_names_the_three_ratios_search_engines_ask_for(client, make_article):
    image = make_image()  # 900 × 600: the crops are as wide as it allows
    renditions.make_renditions(image)
    article = make_article("Mit Bild", lead_image=image)

    data, _ = jsonld_of(client, article)

    sizes = [(i["width"], i["height"]) for i in data["image"]]
    assert sizes == [(900, 506), (800, 600), (600, 600)]  # 16:9, 4:3, 1:1
    for described in data["image"]:
        assert described["@type"] == "ImageObject"
        assert described["url"].startswith("http://testserver/media/renditions/")
        assert described["url"].endswith(".jpg")


@pytest.mark.parametrize(
    "headline",
    [
        "</script><script>alert(1)</script>",
        "</SCRIPT><img src=x onerror=alert(1)>",
        "<!--<script>",
        "Tom & Jerry: \"Zitat\" und 'mehr' \u2028 Zeile",
    ],
)
def test_it_keeps_a_hostile_headline_inside_the_script_element(client, make_article, headline):
    article = make_article(headline, slug="feindlich")

    response = client.get(article.get_absolute_url())

    page = response.content.decode()
    root = lxml.html.fromstring(response.content)
    [script] = root.xpath('//script[@type="application/ld+json"]')
    assert json.loads(script.text)["headline"] == headline
    assert "alert(1)</script>" not in page
    assert "<script>alert" not in page
    # Only the page's own two scripts exist.
    assert len(root.xpath("//script")) == 2
    assert not root.xpath("//img[@onerror]")


def test_it_fits_a_long_headline_into_110_characters(client, make_article):
    headline = "Sehr lange Überschrift " * 8
    article = make_article(headline.strip(), slug="lang", age=timedelta(hours=2))

    data, _ = jsonld_of(client, article)

    assert len(data["headline"]) <= 110
    assert headline.startswith(data["headline"])
