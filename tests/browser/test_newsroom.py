"""The newsroom in a real browser: eda the editor signs in, writes and
publishes an article in the rich-text editor, and readers see it on the home
page and in the feed; she then translates it, and both versions are linked."""

import re
import urllib.request

import pytest
from browser_helpers import sign_in

from masthead.articles.models import Article

pytestmark = pytest.mark.browser

HEADLINE = "Haldenau eröffnet neue Fahrradbrücke über die Wendel"


@pytest.fixture
def signed_in(demo_site, new_page, editor):
    page = new_page(locale="de-DE")
    sign_in(page, demo_site, "eda")
    return page


def _write_article(page, base):
    page.goto(base + "/desk/articles/new/")
    page.select_option("#id_language", "de")
    page.fill("#id_headline", HEADLINE)
    page.fill(
        "#id_standfirst", "Nach zwei Jahren Bauzeit verbindet die Brücke Altstadt und Bahnhof."
    )
    editor = page.locator('.ProseMirror[contenteditable="true"]')
    editor.click()
    page.keyboard.type("„Endlich trockenen Fußes zum Zug“, sagte die Bürgermeisterin.")
    page.keyboard.press("Enter")
    page.keyboard.type("Die Brücke ist 84 Meter lang.")
    page.select_option("#id_section", label="Welt")
    page.select_option("#id_author_1", label="Lena Hartmann")
    page.get_by_role("button", name="Speichern und veröffentlichen").click()
    page.wait_for_load_state()


def test_it_publishes_an_article_written_in_the_browser(signed_in, demo_site, new_page):
    page = signed_in
    _write_article(page, demo_site)
    assert page.locator(".messages, [role=status]").first.inner_text().count(HEADLINE) == 1

    article = Article.objects.get(headline=HEADLINE)
    assert article.is_public
    assert "<script" not in article.body
    assert "„Endlich trockenen Fußes zum Zug“" in article.body

    reader = new_page(locale="de-DE")  # closed by the fixture, also when the test fails
    reader.goto(demo_site + "/de/")
    lead = reader.locator(".front__lead .teaser__headline").inner_text()
    assert lead == HEADLINE
    reader.get_by_role("link", name=HEADLINE).first.click()
    assert reader.locator("h1").inner_text() == HEADLINE
    assert "Die Brücke ist 84 Meter lang." in reader.locator(".article__body").inner_text()
    times = reader.locator(".recent__time").all_inner_texts()
    # How long ago, or for the last 51 minutes the clock time (lib/dates.py).
    assert times and all(re.fullmatch(r"vor \d+ \w+|\d{1,2}:\d{2}", t) for t in times), times

    with urllib.request.urlopen(demo_site + "/de/feed/rss/") as response:  # noqa: S310
        feed = response.read().decode()
    assert HEADLINE in feed


def test_it_translates_a_story_and_links_both_versions(signed_in, demo_site, new_page):
    page = signed_in
    _write_article(page, demo_site)
    page.get_by_role("button", name=re.compile("Übersetzen: Englisch")).click()
    page.wait_for_url(re.compile(r"/desk/articles/\d+/translation/$"))
    original = Article.objects.get(headline=HEADLINE, language="de")
    translation = Article.objects.get(language="en", translation_key=original.translation_key)
    assert translation.status == Article.Status.DRAFT

    # The translation desk: headline, standfirst and the two paragraphs.
    boxes = page.locator("textarea[name$='-text']")
    english = [
        "Haldenau opens a new cycle bridge over the Wendel",
        "After two years of building, the bridge links the old town and the station.",
        "“Finally dry-shod to the train”, said the mayor.",
        "The bridge is 84 metres long.",
    ]
    assert boxes.count() == len(english)
    for i, text in enumerate(english):
        boxes.nth(i).fill(text)
    page.get_by_role("button", name="Speichern und veröffentlichen").click()
    page.wait_for_load_state()

    reader = new_page(locale="de-DE")  # closed by the fixture, also when the test fails
    reader.goto(demo_site + original.get_absolute_url())
    reader.get_by_role("link", name="English").click()
    # Its address follows its own headline.
    assert reader.url.endswith("/en/article/haldenau-opens-a-new-cycle-bridge-over-the-wendel/")
    assert reader.locator("h1").inner_text() == "Haldenau opens a new cycle bridge over the Wendel"
    assert reader.locator("#recent-heading").inner_text().lower() == "recent posts"
