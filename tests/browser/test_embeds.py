"""Embeds in a real browser. A reader of an article with a YouTube video and
a Datawrapper chart sees two placeholders and nothing is requested from
either provider until a click; then the provider's frame takes the
placeholder's place, in a box of the same size, under the site's CSP.
In the desk, a pasted address becomes an embed node and pasted embed code
is refused with a message.

The providers cannot be reached from the test machine: their frames are
answered by the browser context (``context.route``) with a stand-in page,
which also records that, and when, the browser asked for them."""

import re

import pytest
from browser_helpers import (
    EDITOR,
    Watch,
    format_html_errors,
    paste_text,
    run_axe,
    sign_in,
    validate_html,
)
from django.utils import translation

from masthead.articles.models import Article

pytestmark = pytest.mark.browser

YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
CHART = "https://datawrapper.dwcdn.net/AbC12/"
PROVIDERS = re.compile(r"^https://(www\.youtube-nocookie\.com|datawrapper\.dwcdn\.net)/")
BODY = (
    "<p>Der Rat hat am Dienstag den Haushalt beschlossen.</p>"
    f'<figure data-embed="{YOUTUBE}"></figure>'
    "<p>Die Grafik zeigt die Ausgaben.</p>"
    f'<figure data-embed="{CHART}"></figure>'
)


@pytest.fixture
def reader(transactional_db, live_server, make_article, new_page):
    """A German reader's page with the provider requests recorded."""
    article = make_article(body=BODY)
    with translation.override("de"):
        url = live_server.url + article.get_absolute_url()
    page = new_page(locale="de-DE")
    watch = Watch()
    watch.attach(page.context)
    watch.listen(page)
    asked = []

    def provider(route):
        asked.append(route.request.url)
        route.fulfill(
            status=200,
            content_type="text/html",
            body="<!DOCTYPE html><html lang='en'><title>Player</title><p>Player</p></html>",
        )

    page.context.route(PROVIDERS, provider)
    page.goto(url)
    return page, asked, watch


def test_embeds_wait_for_a_click_and_then_load(reader):
    page, asked, watch = reader
    youtube = page.locator("figure.embed--youtube")
    chart = page.locator("figure.embed--datawrapper")
    youtube_button = page.get_by_role("button", name="Inhalt von YouTube laden")
    chart_button = page.get_by_role("button", name="Inhalt von Datawrapper laden")

    youtube_button.wait_for()
    assert chart_button.is_visible()
    assert "IP-Adresse an YouTube" in youtube.inner_text()
    assert page.locator("iframe").count() == 0
    page.wait_for_load_state("networkidle")
    assert asked == []  # nothing from the providers before a click
    assert not run_axe(page)
    before = youtube.locator(".embed__box").bounding_box()

    youtube_button.click()

    frame = youtube.locator("iframe")
    frame.wait_for()
    assert (
        frame.get_attribute("src")
        == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"
    )
    assert frame.get_attribute("title") == "Inhalt von YouTube"
    assert frame.get_attribute("loading") == "lazy"
    assert "allow-scripts" in frame.get_attribute("sandbox")
    page.wait_for_function("() => document.querySelector('figure.embed--youtube iframe')")
    page.frame_locator("figure.embed--youtube iframe").get_by_text("Player").wait_for()
    assert asked == ["https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"]
    after = youtube.locator(".embed__box").bounding_box()
    assert (round(after["width"]), round(after["height"])) == (
        round(before["width"]),
        round(before["height"]),
    )
    assert frame.bounding_box()["height"] == pytest.approx(before["height"], abs=2)

    # The pointer is still over the YouTube frame (another process in
    # Chromium): bring the chart into view before clicking it.
    chart_button.scroll_into_view_if_needed()
    chart_button.click()
    chart.locator("iframe").wait_for()
    page.frame_locator("figure.embed--datawrapper iframe").get_by_text("Player").wait_for()
    assert asked[-1] == CHART
    assert chart.locator("iframe").bounding_box()["height"] == pytest.approx(400, abs=2)
    watch.assert_none()  # frame-src allows both providers


def test_without_javascript_a_reader_gets_a_link(
    transactional_db, live_server, make_article, new_page
):
    article = make_article(body=BODY)
    with translation.override("de"):
        url = live_server.url + article.get_absolute_url()
    page = new_page(locale="de-DE", java_script_enabled=False)

    page.goto(url)

    link = page.get_by_role("link", name="Bei YouTube öffnen")
    assert link.is_visible()
    assert link.get_attribute("href") == YOUTUBE
    assert not page.get_by_role("button", name="Inhalt von YouTube laden").is_visible()


def test_the_page_with_embeds_is_valid_html(make_article, client, tmp_path):
    bluesky = "https://bsky.app/profile/tagesschau.de/post/3l3orwsydyc24"  # a link only
    article = make_article(body=BODY + f'<figure data-embed="{bluesky}"></figure>')
    with translation.override("de"):
        response = client.get(article.get_absolute_url())
    (tmp_path / "embeds.html").write_bytes(response.content)

    errors = validate_html([tmp_path / "embeds.html"])
    assert not errors, format_html_errors(errors)


@pytest.fixture
def desk(demo_site, new_page, editor):
    page = new_page(locale="de-DE")
    sign_in(page, demo_site, "eda")
    return page


def test_a_reporter_pastes_addresses_and_embed_code_and_a_phone_reader_loads_them(
    desk, demo_site, new_page
):
    page = desk
    page.goto(demo_site + "/desk/articles/new/")
    page.select_option("#id_language", "de")
    page.fill("#id_headline", "Haldenau zeigt den Haushalt als Grafik")
    page.fill("#id_standfirst", "Der Rat hat beschlossen.")
    page.locator(EDITOR).click()
    page.keyboard.type("Das Video zur Sitzung:")
    page.keyboard.press("Enter")

    paste_text(page, EDITOR, YOUTUBE)
    node = page.locator(f"{EDITOR} figure.embed-node")
    node.wait_for()
    assert node.inner_text().splitlines() == ["Eingebetteter Inhalt von YouTube", YOUTUBE]

    page.keyboard.type("Die Grafik folgt.")  # below the node, in a paragraph of its own
    assert page.locator(f"{EDITOR} figure.embed-node + p").inner_text() == "Die Grafik folgt."
    page.keyboard.press("Enter")
    paste_text(
        page, EDITOR, '<iframe src="https://maps.example.com/embed?id=1"></iframe>', "text/html"
    )
    message = page.get_by_role("alert")
    message.wait_for()
    assert message.inner_text().startswith("Einbettungscode lässt sich nicht in den Text einfügen")
    assert "maps.example.com" not in page.locator(EDITOR).inner_html()

    page.locator(EDITOR).press("End")
    page.keyboard.type("Mehr unter ")
    paste_text(page, EDITOR, "https://example.org/haushalt")
    assert page.locator(f"{EDITOR} figure.embed-node").count() == 1  # not an embed

    paste_text(page, EDITOR, CHART)  # not on a line of its own
    assert page.locator(f"{EDITOR} figure.embed-node").count() == 1
    page.keyboard.press("Enter")
    paste_text(page, EDITOR, CHART)  # on a line of its own
    assert page.locator(f"{EDITOR} figure.embed-node").nth(1).inner_text().splitlines() == [
        "Eingebetteter Inhalt von Datawrapper",
        CHART,
    ]

    page.select_option("#id_section", label="Welt")
    page.select_option("#id_author_1", label="Lena Hartmann")
    page.get_by_role("button", name="Speichern und veröffentlichen").click()
    page.wait_for_load_state()

    article = Article.objects.get(headline="Haldenau zeigt den Haushalt als Grafik")
    assert f'<figure data-embed="{YOUTUBE}"></figure>' in article.body
    assert "iframe" not in article.body
    assert f'<figure data-embed="{CHART}"></figure>' in article.body

    # Opened again, the editor shows both nodes, and a save keeps them.
    body = article.body
    page.goto(demo_site + f"/desk/articles/{article.pk}/")
    page.locator(f"{EDITOR} figure.embed-node").nth(1).wait_for()
    page.fill("#id_headline", "Haldenau zeigt den Haushalt als Grafik und Video")
    page.get_by_role("button", name="Speichern", exact=True).click()
    page.wait_for_load_state()
    article.refresh_from_db()
    assert article.headline.endswith("und Video")
    assert article.body == body

    # A reader on a phone: placeholders, nothing from the providers, then a tap.
    reader = new_page(
        locale="de-DE",
        viewport={"width": 390, "height": 844},
        device_scale_factor=3,
        is_mobile=True,
        has_touch=True,
    )
    asked = []
    reader.context.route(
        PROVIDERS,
        lambda route: (
            asked.append(route.request.url),
            route.fulfill(status=200, content_type="text/html", body="<title>Player</title>"),
        ),
    )
    with translation.override("de"):
        reader.goto(demo_site + article.get_absolute_url())
    button = reader.get_by_role("button", name="Inhalt von YouTube laden")
    button.wait_for()
    assert reader.get_by_role("button", name="Inhalt von Datawrapper laden").count() == 1
    reader.wait_for_load_state("networkidle")
    assert asked == []
    button.tap()
    reader.locator("figure.embed--youtube iframe").wait_for()
    assert reader.locator("figure.embed--youtube iframe").bounding_box()["width"] > 300
    reader.wait_for_load_state("networkidle")
    assert asked == ["https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"]
