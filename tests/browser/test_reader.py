"""The reader's pages in a real browser: what a German and an English reader
actually see, with and without JavaScript, and on a phone."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from browser_helpers import demo_pages, demo_story_slug
from django.urls import reverse
from django.utils import translation

from masthead.articles.models import Article
from masthead.lib import dates

pytestmark = pytest.mark.browser

# Demo stories (masthead.demo.content.STORIES): the newest one (science, with
# a lead image) and the border railway story (with a correction).
IMAGE_STORY, CORRECTION_STORY = 0, 6

# How long ago, or for the last 51 minutes the clock time (lib/dates.py, reader_time).
DE_RELTIME = re.compile(
    r"^vor \d+ (Sekunde|Sekunden|Minute|Minuten|Stunde|Stunden|Tag|Tagen|Woche|Wochen"
    r"|Monat|Monaten|Jahr|Jahren)$|^\d{1,2}:\d{2}$"
)
EN_RELTIME = re.compile(
    r"^\d+ (second|minute|hour|day|week|month|year)s? ago$|^\d{1,2}:\d{2}\s(AM|PM)$"
)
# English that must not show on a German page, and German on an English one.
ENGLISH_UI = re.compile(
    r"\bago\b|\bhours?\b|\bminutes?\b|\bdays?\b|Recent posts|\bPublished\b|\bUpdated\b"
    r"|\bBy |\bCorrections?\b|Skip to content|\bPhoto:|Page not found|\bTopics\b"
)
GERMAN_UI = re.compile(
    r"\bvor \d|Neueste Beiträge|Veröffentlicht|aktualisiert am|\bVon |\bKorrektur"
    r"|Zum Inhalt|\bFoto:|Seite nicht gefunden|\bStunden?\b|\bMinuten?\b|\bTagen?\b"
)
RELTIME_TEXTS = "els => els.map(e => e.textContent)"
TIME_PATTERN = re.compile(r"<time\b[^>]*\bdata-reltime\b[^>]*>([^<]*)</time>")


def article_url(index, language):
    article = Article.objects.get(language=language, slug=demo_story_slug(index, language))
    return article, article.get_absolute_url()


def assert_no_match(pattern, text, where):
    found = sorted({m.group(0) for m in pattern.finditer(text)})
    assert not found, f"{where} shows {found}:\n{text}"


@pytest.mark.parametrize("story", [IMAGE_STORY, CORRECTION_STORY], ids=["image", "correction"])
def test_german_article_speaks_german(demo_site, page, story):
    article, path = article_url(story, "de")
    response = page.goto(demo_site + path)
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "de"
    main = page.locator("main")

    assert page.locator(".article .kicker").inner_text().strip().casefold() == (
        article.section.names["de"].casefold()
    )
    assert page.locator("h1").inner_text() == article.headline
    dates_text = page.locator(".article__dates").inner_text()
    assert dates_text.startswith("Veröffentlicht am "), dates_text
    assert page.locator(".article__byline").inner_text().startswith("Von ")
    assert page.locator("#recent-heading").inner_text().casefold() == "neueste beiträge"

    times = page.locator(".recent__time time").evaluate_all(RELTIME_TEXTS)
    assert len(times) == 5
    for text in times:
        assert DE_RELTIME.match(text), times

    body = page.locator(".article__body").inner_text()
    assert re.search(r"„[^“”]+“", body), "no German quotation marks „…“ in the body"
    assert_no_match(ENGLISH_UI, main.inner_text(), "the German article's main content")
    assert_no_match(ENGLISH_UI, page.locator("body").inner_text(), "the German article page")

    if article.lead_image:
        image = page.locator(".article__image img")
        assert image.get_attribute("alt").startswith("Illustration:")
        # A rendition from srcset reports its width in CSS pixels (its
        # pixels over the density chosen), not the file's: loaded is enough.
        assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    if article.corrections.exists():
        corrections = page.locator(".corrections")
        assert corrections.locator("h2").inner_text() == "Korrektur"
        assert "48 Millionen Euro" in corrections.inner_text()


def test_language_switcher_leads_to_the_english_story(demo_site, page):
    _, de_path = article_url(IMAGE_STORY, "de")
    _, en_path = article_url(IMAGE_STORY, "en")
    assert en_path.startswith("/en/article/")
    page.goto(demo_site + de_path)

    page.locator("nav.languages").get_by_role("link", name="English", exact=True).click()
    page.wait_for_url(demo_site + en_path)

    assert page.locator("html").get_attribute("lang") == "en"
    assert (
        page.locator("h1").inner_text()
        == Article.objects.get(language="en", slug=demo_story_slug(IMAGE_STORY, "en")).headline
    )
    assert page.locator("#recent-heading").inner_text().casefold() == "recent posts"
    assert page.locator(".article__dates").inner_text().startswith("Published ")
    assert page.locator(".article__byline").inner_text().startswith("By ")
    times = page.locator(".recent__time time").evaluate_all(RELTIME_TEXTS)
    assert len(times) == 5
    for text in times:
        assert EN_RELTIME.match(text), times
    assert_no_match(GERMAN_UI, page.locator("body").inner_text(), "the English article page")
    current = page.locator("nav.languages [aria-current]")
    assert current.inner_text() == "English"


@pytest.mark.parametrize("language", ["de", "en"])
def test_home_page_speaks_one_language(demo_site, new_page, language):
    page = new_page(locale="de-DE" if language == "de" else "en-GB")
    page.goto(demo_site + demo_pages(language)["home"])
    times = page.locator("main time[data-reltime]").evaluate_all(RELTIME_TEXTS)
    assert len(times) >= 10
    pattern = DE_RELTIME if language == "de" else EN_RELTIME
    assert all(pattern.match(t) for t in times), times
    foreign = ENGLISH_UI if language == "de" else GERMAN_UI
    assert_no_match(foreign, page.locator("body").inner_text(), f"the {language} home page")


def server_times(html):
    return TIME_PATTERN.findall(html)


def browser_times(page):
    """[(datetime attribute, text)] of every relative time, and the page's clock."""
    return page.evaluate(
        """() => ({
            now: Date.now(),
            times: [...document.querySelectorAll("time[data-reltime]")]
                .map(e => [e.getAttribute("datetime"), e.textContent]),
        })"""
    )


def assert_times_match_babel(page, language):
    state = browser_times(page)
    now = datetime.fromtimestamp(state["now"] / 1000, tz=UTC)
    wrong = [
        (text, expected)
        for stamp, text in state["times"]
        if text != (expected := dates.reader_time(datetime.fromisoformat(stamp), language, now))
    ]
    assert not wrong, f"reltime.js text != Babel's at {now} (got, expected): {wrong}"
    return [text for _, text in state["times"]]


@pytest.mark.parametrize("language", ["de", "en"])
def test_reltime_script_agrees_with_the_server(demo_site, new_page, language):
    page = new_page(locale="de-DE" if language == "de" else "en-GB")
    page.clock.install()  # the real time, ticking, but ours to move
    pages = demo_pages(language)
    for path in (pages["home"], pages["article-correction"]):
        response = page.goto(demo_site + path)
        rendered = server_times(response.text())
        assert len(rendered) >= 5
        page.wait_for_load_state("load")  # the deferred script has run
        # On a fresh page the script leaves the server's text as it is …
        assert [t for _, t in browser_times(page)["times"]] == rendered

    # … and keeps it current later: the minute timer (an hour on, the newest
    # story's clock time has become "1 hour ago"), then a page left open for
    # hours, days or a year (the script run again at that moment).
    before = browser_times(page)["times"]
    page.clock.fast_forward("01:00:00")
    after = assert_times_match_babel(page, language)
    assert after != [t for _, t in before], "reltime.js did not update the times"
    start = datetime.fromtimestamp(browser_times(page)["now"] / 1000, tz=UTC)
    script = demo_site + "/static/masthead/reltime.js"
    for offset in (timedelta(hours=5), timedelta(days=3), timedelta(days=45), timedelta(days=400)):
        page.clock.set_system_time(start + offset)
        page.add_script_tag(url=script)
        texts = assert_times_match_babel(page, language)
        pattern = DE_RELTIME if language == "de" else EN_RELTIME
        assert all(pattern.match(t) for t in texts), texts


def test_page_without_javascript_shows_everything(demo_site, new_page):
    _, path = article_url(CORRECTION_STORY, "de")
    with_js = new_page()
    with_js.goto(demo_site + path)
    without_js = new_page(java_script_enabled=False)
    response = without_js.goto(demo_site + path)
    assert "reltime" in response.text()

    times = without_js.locator(".recent__time time").evaluate_all(RELTIME_TEXTS)
    assert len(times) == 5 and all(DE_RELTIME.match(t) for t in times), times
    for selector in ("h1", ".article__standfirst", ".article__body", ".corrections", ".tags"):
        assert without_js.locator(selector).is_visible(), selector
    assert without_js.locator(".article__image img").evaluate("img => img.naturalWidth") > 0
    assert without_js.locator("main").inner_text() == with_js.locator("main").inner_text()


@pytest.mark.parametrize(
    "language, heading, foreign",
    [("de", "Seite nicht gefunden", ENGLISH_UI), ("en", "Page not found", GERMAN_UI)],
)
def test_not_found_page_speaks_the_language_of_the_address(
    demo_site, new_page, language, heading, foreign
):
    page = new_page(locale="de-DE" if language == "en" else "en-GB")  # the address wins
    with translation.override(language):
        path = reverse("articles:detail", kwargs={"slug": "does-not-exist"})
    assert path.startswith("/de/artikel/" if language == "de" else "/en/article/")
    response = page.goto(demo_site + path)
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").inner_text() == heading
    assert_no_match(foreign, page.locator("body").inner_text(), f"the {language} 404 page")


@pytest.mark.parametrize(
    "kind", ["home", "article-image", "article-correction", "section", "author", "search", "404"]
)
def test_no_horizontal_scrolling_on_a_phone(demo_site, new_page, kind):
    page = new_page(viewport={"width": 390, "height": 844})
    page.goto(demo_site + demo_pages("de")[kind])
    width = page.evaluate("() => document.documentElement.scrollWidth")
    wide = page.evaluate(
        """() => [...document.querySelectorAll("body *")]
            .filter(e => e.getBoundingClientRect().right > 390.5)
            .map(e => e.tagName.toLowerCase() + (e.className ? "." + e.className : ""))
            .slice(0, 10)"""
    )
    assert width <= 390, f"page is {width}px wide; too wide: {wide}"
