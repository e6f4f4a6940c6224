"""Search in Chromium (issue 13's "done means"): a reader on the German
site searches "Vertrag" from the box in the header, with JavaScript off
and on, finds the articles with the word inside compounds marked, filters
by section and pages on; an editor finds a draft by a word of its body."""

import pytest
from browser_helpers import sign_in
from playwright.sync_api import expect

from masthead.articles import services
from masthead.articles.models import Article
from masthead.people.models import Author
from masthead.sections.models import Section

pytestmark = pytest.mark.browser

STORIES = [
    ("Neue Arbeitsverträge für die Pflege", "welt"),
    ("Was im Mietvertrag stehen darf", "wirtschaft"),
    ("Städtepartnerschaft: Vertrag mit Tamarú unterzeichnet", "welt"),
    ("Verträge für die Grenzbahn liegen vor", "wirtschaft"),
]


def publish(headline, section_slug, **fields):
    section = Section.objects.get(slugs__de=section_slug)
    article = Article(
        language="de",
        headline=headline,
        standfirst="Ein kurzer Vorspann.",
        body="<p>Ein Absatz ohne das Suchwort.</p>",
        section=section,
        **fields,
    )
    return services.save_article(article, authors=[Author.objects.first()])


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_a_reader_searches_filters_and_pages_on(demo_site, new_page, settings, javascript):
    settings.PAGE_SIZE = 2
    for headline, section in STORIES:
        services.publish(publish(headline, section))
    page = new_page(locale="de-DE", java_script_enabled=javascript)
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(demo_site + "/de/")
    page.get_by_role("searchbox", name="Die Website durchsuchen").fill("Vertrag")
    page.get_by_role("search").first.get_by_role("button", name="Suchen").click()
    page.wait_for_url("**/de/suche/?q=Vertrag")

    results = page.locator(".search-results .teaser__headline")
    marked = page.locator(".search-results .teaser__headline mark").all_inner_texts()
    assert results.count() == 2
    assert {m.lower() for m in marked} <= {"verträge", "vertrag"} and marked

    # On to the next page, and the rest.
    seen = set(results.all_inner_texts())
    page.get_by_role("link", name="Weitere Treffer").click()
    page.wait_for_url("**/de/suche/?q=Vertrag&page=2")
    seen |= set(page.locator(".search-results .teaser__headline").all_inner_texts())
    if page.get_by_role("link", name="Weitere Treffer").count():
        page.get_by_role("link", name="Weitere Treffer").click()
        page.wait_for_url("**/de/suche/?q=Vertrag&page=3")
        seen |= set(page.locator(".search-results .teaser__headline").all_inner_texts())
    assert {headline for headline, _ in STORIES} <= seen

    # Only the business section's.
    page.get_by_text("Filter und Sortierung").click()
    page.get_by_label("Ressort", exact=True).select_option(label="Wirtschaft")
    page.locator(".search-form").get_by_role("button", name="Suchen").click()
    page.wait_for_url("**section=wirtschaft**")
    found = set(page.locator(".search-results .teaser__headline").all_inner_texts())
    assert {"Was im Mietvertrag stehen darf", "Verträge für die Grenzbahn liegen vor"} == found
    assert not errors, errors


def test_an_editor_finds_a_draft_by_a_word_of_its_body(demo_site, new_page, editor):
    draft = publish("Arbeitstitel: Kanal", "welt", status=Article.Status.DRAFT)
    draft.body = "<p>Im Gemeinderat ging es um die Kanalsanierung in der Südstadt.</p>"
    services.save_article(draft, authors=draft.byline_authors)

    desk = sign_in(new_page(locale="de-DE"), demo_site, "eda")
    desk.goto(demo_site + "/desk/articles/")
    desk.get_by_label("Suchen", exact=True).fill("Kanalsanierungen")
    desk.get_by_role("button", name="Anzeigen").click()
    # The list of the search, not the one before it (the click only starts
    # the navigation): wait for its address, then for the rows.
    desk.wait_for_url("**q=Kanalsanierungen**")
    expect(desk.locator("table.articles tbody th")).to_have_text(["Arbeitstitel: Kanal"])
    # And as a reader: nothing, it is a draft.
    reader = new_page(locale="de-DE")
    reader.goto(demo_site + "/de/suche/?q=Kanalsanierung")
    assert reader.locator(".search-results").count() == 0
    assert "Nichts gefunden" in reader.locator("main").inner_text()
