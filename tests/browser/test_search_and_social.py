"""A kicker, and search and social fields, in Chromium, in German and
English: an editor fills them in the desk; the reader's page shows the
kicker over the headline (and in the front page's teaser), the page's
title and description are the search ones, Open Graph and Twitter cards
the social ones, JSON-LD the alternative headline; emptied, each falls
back to headline, standfirst and lead image."""

import json

import pytest
from browser_helpers import sign_in

from masthead.articles.models import Article

pytestmark = pytest.mark.browser

FIELDS = {
    "de": {
        "kicker": "Klimawandel",
        "seo_title": "Schneemangel am Hochkamm: Rekord",
        "seo_description": "Messstation meldet den dünnsten Februar seit 1961.",
        "social_headline": "So wenig Schnee wie nie",
        "save": "Speichern",
    },
    "en": {
        "kicker": "Climate",
        "seo_title": "Record low snow on the summit",
        "seo_description": "The station reports the thinnest February since 1961.",
        "social_headline": "Less snow than ever",
        "save": "Save",
    },
}


def meta(page, selector):
    return page.locator(selector).first.get_attribute("content")


@pytest.mark.parametrize(("language", "locale"), [("de", "de-DE"), ("en", "en-GB")])
def test_kicker_search_and_social_fields_reach_the_page(
    demo_site, new_page, editor, language, locale
):
    values = FIELDS[language]
    article = (
        Article.objects.public()
        .in_language(language)
        .exclude(lead_image=None)
        .newest_first()
        .first()
    )
    desk = sign_in(new_page(locale=locale), demo_site, "eda", language=language)
    desk.goto(f"{demo_site}/desk/articles/{article.pk}/")
    desk.locator("#id_kicker").fill(values["kicker"])
    # The search and social fields sit in a section of the form that is
    # closed while they are empty.
    desk.locator("details:has(#id_seo_title) > summary").click()
    for name in ("seo_title", "seo_description", "social_headline"):
        desk.locator(f"#id_{name}").fill(values[name])
    desk.get_by_role("button", name=values["save"], exact=True).click()
    desk.wait_for_load_state()
    article.refresh_from_db()
    assert article.kicker == values["kicker"]

    reader = new_page(locale=locale)
    reader.goto(demo_site + article.get_absolute_url())
    assert reader.locator("h1").inner_text().startswith(values["kicker"])
    assert reader.title().startswith(values["seo_title"])
    assert meta(reader, 'meta[name="description"]') == values["seo_description"]
    assert meta(reader, 'meta[property="og:title"]') == values["social_headline"]
    assert meta(reader, 'meta[name="twitter:title"]') == values["social_headline"]
    assert meta(reader, 'meta[property="og:image"]')  # the lead image, by fallback
    data = json.loads(reader.locator('script[type="application/ld+json"]').first.inner_text())
    data = data if isinstance(data, dict) else data[0]
    assert data["headline"] == article.headline
    assert data["alternativeHeadline"] == values["seo_title"]

    # The front page's teaser carries the kicker too.
    reader.goto(f"{demo_site}/{language}/")
    teaser = reader.locator(
        ".teaser", has=reader.locator(f'a[href="{article.get_absolute_url()}"]')
    )
    assert values["kicker"] in teaser.first.inner_text()

    # Emptied, each falls back.
    desk.goto(f"{demo_site}/desk/articles/{article.pk}/")  # the section is open now
    for name in ("seo_title", "seo_description", "social_headline"):
        desk.locator(f"#id_{name}").fill("")
    desk.get_by_role("button", name=values["save"], exact=True).click()
    desk.wait_for_load_state()
    reader.goto(demo_site + article.get_absolute_url())
    assert reader.title().startswith(article.headline)
    assert meta(reader, 'meta[property="og:title"]') == article.headline
