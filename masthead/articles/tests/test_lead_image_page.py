"""The lead image on the article page and the home page's lead teaser:
renditions in <picture>, the alt text and caption in the article's
language, the credit after "Photo:" once, and a fixed number of queries."""

import lxml.html
import pytest
from django.urls import reverse
from django.utils import translation

from masthead.media import renditions
from masthead.media.samples import make_image, photo_jpeg


@pytest.fixture
def town_hall(db):
    image = make_image(
        photo_jpeg(900, 600),
        alt={"de": "Der Rathausplatz am Morgen", "en": "The town hall square in the morning"},
        caption={"de": "Der Platz vor der Sitzung.", "en": "The square before the meeting."},
        credit="Foto: Jana Berger",
    )
    renditions.make_renditions(image)
    return image


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return lxml.html.fromstring(response.content)


def test_the_lead_image_is_a_picture_that_loads_first(client, make_article, town_hall):
    article = make_article("Der Rat tagt", lead_image=town_hall)

    root = page(client, article.get_absolute_url())

    [figure] = root.xpath('//figure[@class="article__image"]')
    assert [s.get("type") for s in figure.xpath(".//source")] == ["image/avif", "image/webp"]
    [img] = figure.xpath(".//img")
    assert img.get("fetchpriority") == "high" and img.get("loading") == "eager"
    assert (img.get("width"), img.get("height")) == ("900", "600")
    assert img.get("alt") == "Der Rathausplatz am Morgen"
    caption = " ".join(figure.xpath(".//figcaption")[0].text_content().split())
    assert caption == "Der Platz vor der Sitzung. Foto: Jana Berger"


def test_an_english_article_gets_the_english_alt_text_and_caption(client, make_article, town_hall):
    article = make_article("The council meets", language="en", lead_image=town_hall)

    root = page(client, article.get_absolute_url())

    [img] = root.xpath('//figure[@class="article__image"]//img')
    assert img.get("alt") == "The town hall square in the morning"
    caption = " ".join(root.xpath("//figcaption")[0].text_content().split())
    assert caption == "The square before the meeting. Photo: Jana Berger"
    assert "Rathausplatz" not in lxml.html.tostring(root, encoding=str)


def test_the_home_pages_lead_teaser_shows_the_16_9_crop(client, make_article, town_hall):
    make_article("Der Rat tagt", lead_image=town_hall)

    with translation.override("de"):
        root = page(client, reverse("articles:home"))

    [img] = root.xpath('//section[@class="front__lead"]//img')
    assert img.get("class") == "teaser__image"
    assert "-16x9-" in img.get("src")
    assert (img.get("width"), img.get("height")) == ("900", "506")
    # The home page's largest picture: loaded at once and first.
    assert img.get("loading") == "eager" and img.get("fetchpriority") == "high"


def test_the_article_page_with_a_lead_image_runs_one_query_more(
    client, make_article, town_hall, assert_num_queries
):
    article = make_article("Der Rat tagt", lead_image=town_hall)
    # Expect 8 queries:
    # 1. the article (with its section and lead image)
    # 2. its bylines (with authors)
    # 3. its tags
    # 4. its corrections
    # 5. the renditions of its lead image
    # 6. the recent posts (with their sections)
    # 7. its public translations
    # 8. the sections (menu)
    # 9. breaking news (the banner of every page)
    with assert_num_queries(9):
        client.get(article.get_absolute_url())


def test_the_home_page_with_a_pictured_lead_runs_one_query_more(
    client, make_article, town_hall, assert_num_queries
):
    for n in range(4):
        make_article(f"Meldung {n}", lead_image=town_hall)
    make_article("Der Rat tagt", lead_image=town_hall)
    # Expect 7 queries:
    # 1. the articles editors pinned to places
    # 2. the newest others (with their sections and lead images)
    # 3. the renditions of the lead's image (the only teaser with a picture)
    # 4. the sections (menu and blocks)
    # 5. the newest few of each section
    # 6. the bylines (with authors) of all lists
    # 7. breaking news (the banner of every page)
    with assert_num_queries(7), translation.override("de"):
        client.get(reverse("articles:home"))
