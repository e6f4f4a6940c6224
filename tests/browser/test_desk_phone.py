"""The desk on a phone (390 × 844 px), in German and English: the header
and the save bar leave the text at least two thirds of the screen, while
writing too, and the save and submit buttons stay in reach."""

import pytest
from browser_helpers import EDITOR, sign_in

from masthead.articles.models import Article

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
BUTTONS = {
    "de": ("Speichern", "Speichern und zur Prüfung einreichen"),
    "en": ("Save", "Save and submit for review"),
}

MEASURE = """() => {
    const bar = document.querySelector('.actions--sticky').getBoundingClientRect()
    const menu = document.querySelector('.prose-menubar')
    const menuBottom = menu ? Math.max(0, menu.getBoundingClientRect().bottom) : 0
    return {height: innerHeight, barTop: bar.top, barBottom: bar.bottom, menuBottom,
            header: document.querySelector('.desk-header').getBoundingClientRect().height,
            scrollWidth: document.documentElement.scrollWidth,
            // What sticks out, should anything (for the failure message).
            wide: [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > innerWidth + 1)
                .slice(0, 5).map(e => e.tagName + '.' + e.className + '#' + e.id)}
}"""


@pytest.mark.parametrize(("language", "locale"), [("de", "de-DE"), ("en", "en-GB")])
def test_a_reporter_files_from_a_phone(demo_site, new_page, contributor, language, locale):
    save, submit = BUTTONS[language]
    page = sign_in(new_page(locale=locale, viewport=PHONE), demo_site, "cora", language=language)
    # A slow network: the editor's icon font has not come (yet).
    page.route("**/*.woff2", lambda route: route.abort())
    page.goto(f"{demo_site}/desk/articles/new/")
    page.select_option("#id_language", language)
    page.locator("#id_headline").fill("Vom Ort des Geschehens")
    page.select_option("#id_section", index=1)

    # At the top of the form: the header and the save bar together take
    # less than a third of the screen, and nothing is wider than it (once
    # the editor is ready: before, the plain text box stands in for it).
    page.locator(EDITOR).wait_for()
    top = page.evaluate(MEASURE)
    assert top["header"] + (top["height"] - top["barTop"]) < top["height"] / 3, top
    assert top["scrollWidth"] <= PHONE["width"], top

    # Writing: the text between the editor's menu and the save bar has two
    # thirds of the screen at least, and both buttons are on it.
    editor = page.locator(EDITOR)
    editor.click()
    page.keyboard.type("Erste Zeilen aus dem Rathaus. " * 12)
    editor.evaluate("e => e.scrollIntoView({block: 'start'})")
    writing = page.evaluate(MEASURE)
    assert writing["barTop"] - writing["menuBottom"] >= writing["height"] * 2 / 3, writing
    for name in (save, submit):
        button = page.get_by_role("button", name=name, exact=True)
        box = button.bounding_box()
        assert box["y"] >= writing["barTop"] - 1 and box["y"] + box["height"] <= writing["height"]
        assert box["height"] >= 40  # big enough for a thumb

    page.get_by_role("button", name=submit, exact=True).click()
    page.wait_for_load_state()
    article = Article.objects.get(headline="Vom Ort des Geschehens")
    assert article.status == Article.Status.REVIEW
    assert "Erste Zeilen aus dem Rathaus." in article.body


PAGES = [
    "/desk/",
    "/desk/articles/",
    "/desk/front-page/",
    "/desk/media/",
    "/desk/translations/",
    "/desk/jobs/",
    "/desk/integrations/",
    "/desk/webhooks/",
    "/desk/webhooks/new/",
    "/desk/audit/",
]
# Elements that stick out of the screen outside a box that scrolls sideways.
WIDE = """() => [...document.querySelectorAll('body *')].filter(e => {
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
        if (getComputedStyle(a).overflowX !== 'visible') return false
    return e.getBoundingClientRect().right > innerWidth + 1
}).slice(0, 5).map(e => e.tagName + '.' + e.className)"""


@pytest.mark.parametrize(("language", "locale"), [("de", "de-DE"), ("en", "en-GB")])
def test_every_desk_page_fits_a_phone(demo_site, new_page, administrator, language, locale):
    page = sign_in(new_page(locale=locale, viewport=PHONE), demo_site, "ada", language=language)
    article = Article.objects.public().order_by("pk").first()
    for path in [*PAGES, f"/desk/articles/{article.pk}/revisions/"]:
        page.goto(demo_site + path)
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= PHONE["width"], (path, width, page.evaluate(WIDE))
