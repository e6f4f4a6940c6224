"""The desk speaks the editor's language, also inside the rich text editor
(its menu, its dialogs), and the browser checks the article's spelling in
the article's language: a German and an English account in Chromium."""

import pytest
from browser_helpers import EDITOR, sign_in

from masthead.articles.models import Article

pytestmark = pytest.mark.browser

# The texts django-prose-editor writes in English whatever the language.
ENGLISH_MENU = {
    "paragraph", "Paragraph", "heading 2", "Heading 2", "heading 3", "Heading 3",
    "unordered list", "ordered list", "blockquote", "horizontal rule", "bold",
    "italic", "insert link", "remove link", "undo", "redo",
}  # fmt: skip


def a_story():
    """A German article of the demo and its English translation."""
    german = Article.objects.filter(language="de", status=Article.Status.PUBLISHED)
    for article in german.order_by("pk"):
        english = article.translations().filter(language="en").first()
        if english:
            return article, english
    raise AssertionError("the demo has no translated story")


def menu_texts(page):
    """Every text of the editor's menu: tooltips, names, the block types."""
    page.wait_for_selector(EDITOR)
    return page.evaluate(
        """() => {
            const menu = document.querySelector('.prose-menubar')
            const texts = []
            menu.querySelectorAll('[title]')
                .forEach(e => texts.push(e.title, e.getAttribute('aria-label')))
            menu.querySelectorAll('.prose-menubar__option > *')
                .forEach(e => texts.push(e.textContent))
            return texts.filter(Boolean)
        }"""
    )


def test_a_german_editor_meets_the_editor_in_german(demo_site, new_page, editor):
    german, _ = a_story()
    page = sign_in(new_page(locale="de-DE"), demo_site, "eda")
    page.goto(f"{demo_site}/desk/articles/{german.pk}/")
    texts = menu_texts(page)
    assert set(texts) & ENGLISH_MENU == set()
    for expected in ("Fett", "Kursiv", "Link einfügen", "Aufzählung", "Nummerierte Liste",
                     "Zitat", "Rückgängig", "Absatz", "Zwischenüberschrift 2"):  # fmt: skip
        assert expected in texts

    # The block type shown follows the cursor, and stays German.
    page.locator(EDITOR).locator("p").first.click()
    page.locator(".prose-menubar__selected").click()
    page.get_by_role("button", name="Zwischenüberschrift 2").click()
    selected = page.locator(".prose-menubar__selected button")
    assert selected.get_attribute("title") == "Zwischenüberschrift 2"
    page.keyboard.press("Control+z")

    # The link dialog.
    page.locator(EDITOR).locator("p").first.dblclick()
    page.get_by_role("button", name="Link einfügen").click()
    dialog = page.locator("dialog[open]")
    assert "Link bearbeiten" in dialog.inner_text()
    assert dialog.get_by_role("button", name="Abbrechen").is_visible()
    assert "Cancel" not in dialog.inner_text()
    dialog.get_by_role("button", name="Abbrechen").click()


def test_an_english_editor_meets_the_editor_in_english(demo_site, new_page, editor):
    german, _ = a_story()
    page = sign_in(new_page(locale="en-GB"), demo_site, "eda", language="en")
    page.goto(f"{demo_site}/desk/articles/{german.pk}/")
    texts = menu_texts(page)
    for expected in ("Bold", "Italic", "Insert link", "Bulleted list", "Numbered list",
                     "Quotation", "Undo", "Paragraph", "Heading 2"):  # fmt: skip
        assert expected in texts
    assert "Fett" not in texts


def test_every_menu_button_shows_its_icon(demo_site, new_page, editor):
    """No box for a missing glyph: each icon is one glyph of the icon font
    (a name the font lacks would show as a word), and the block type menu's
    arrow is drawn, not a character from a font the machine may lack."""
    german, _ = a_story()
    page = sign_in(new_page(locale="de-DE"), demo_site, "eda")
    page.goto(f"{demo_site}/desk/articles/{german.pk}/")
    page.wait_for_selector(EDITOR)
    page.evaluate("document.fonts.ready")
    widths = page.evaluate(
        """() => [...document.querySelectorAll('.prose-menubar .material-icons')]
            .filter(e => e.offsetParent !== null)
            .map(e => [e.textContent, e.scrollWidth])"""
    )
    assert widths and all(width <= 40 for _, width in widths), widths
    arrow = page.evaluate(
        """() => getComputedStyle(document.querySelector('.prose-menubar__selected'), '::after')
            .content"""
    )
    assert arrow == '""'


def test_the_browser_checks_spelling_in_the_article_language(demo_site, new_page, editor):
    german, english = a_story()
    page = sign_in(new_page(locale="de-DE"), demo_site, "eda")
    for article, language in ((german, "de"), (english, "en")):
        page.goto(f"{demo_site}/desk/articles/{article.pk}/")
        page.wait_for_selector(EDITOR)
        for selector in ("#id_headline", "#id_standfirst", EDITOR):
            field = page.locator(selector)
            assert field.get_attribute("lang") == language, selector
            assert field.get_attribute("spellcheck") == "true", selector
        # The desk around it stays in the editor's language.
        assert page.locator("html").get_attribute("lang") == "de"

    # A new article: its texts follow the language chosen for it.
    page.goto(f"{demo_site}/desk/articles/new/")
    page.wait_for_selector(EDITOR)
    page.select_option("#id_language", "en")
    for selector in ("#id_headline", "#id_standfirst", EDITOR):
        assert page.locator(selector).get_attribute("lang") == "en", selector


def test_an_arabic_article_is_written_right_to_left_on_a_german_desk(
    demo_site, new_page, editor, settings
):
    settings.LANGUAGES = [*settings.LANGUAGES, ("ar", "العربية")]
    page = sign_in(new_page(locale="de-DE"), demo_site, "eda")
    page.goto(f"{demo_site}/desk/articles/new/")
    page.wait_for_selector(EDITOR)
    page.select_option("#id_language", "ar")
    for selector in ("#id_headline", "#id_standfirst", EDITOR):
        field = page.locator(selector)
        assert (field.get_attribute("lang"), field.get_attribute("dir")) == ("ar", "rtl"), selector
    assert page.locator("html").get_attribute("dir") == "ltr"  # the desk stays German
    # The editor's text starts at the right edge.
    direction = page.evaluate(
        "(selector) => getComputedStyle(document.querySelector(selector)).direction", EDITOR
    )
    assert direction == "rtl"
    page.select_option("#id_language", "en")
    assert page.locator("#id_headline").get_attribute("dir") == "ltr"
