"""No lost work, in real browsers: eda the editor and ada the administrator
change the same article at once, and the later one sees both versions
instead of losing her text or overwriting her colleague's; then she loses
her connection while typing, and her text comes back from the browser's
own copy.

The browsers ask for German. The German catalog may not translate the
newest texts yet, so the test finds them by id, role and data attributes.
"""

import json
import re
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from browser_helpers import format_violations, run_axe, sign_in

from masthead.articles.models import Article, Autosave

pytestmark = pytest.mark.browser

EDITOR = '.ProseMirror[contenteditable="true"]'


@pytest.fixture
def editors(demo_site, editor, administrator):
    """eda and ada, who may both edit every article, and the article."""
    return Article.objects.filter(language="de").order_by("pk").first()


def save(page):
    page.locator('button[name="_action"][value="save"]').click()
    page.wait_for_load_state()


def type_at_end_of_body(page, text):
    page.locator(EDITOR).click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type(text)


def wait_for(check, seconds=30):
    end = time.monotonic() + seconds
    while (value := check()) is None and time.monotonic() < end:
        time.sleep(0.1)
    return value


def local_copy(page):
    key = page.locator("#autosave").get_attribute("data-key")
    value = page.evaluate("(key) => window.localStorage.getItem(key)", key)
    return json.loads(value) if value else None


def test_two_editors_at_once_and_a_lost_connection(editors, demo_site, new_page):
    article = editors
    url = f"{demo_site}/desk/articles/{article.pk}/"
    eda = sign_in(new_page(locale="de-DE"), demo_site, "eda")
    ada = sign_in(new_page(locale="de-DE"), demo_site, "ada")
    eda.goto(url)
    ada.goto(url)

    # Eda changes the headline and saves first.
    edas_headline = "Edas neue Überschrift zur Fahrradbrücke"
    eda.fill("#id_headline", edas_headline)
    save(eda)
    article.refresh_from_db()
    assert article.headline == edas_headline

    # Ada, still on the version she opened, adds a paragraph and saves.
    adas_text = "Adas Ergänzung: Die Brücke wird im Mai eröffnet."
    type_at_end_of_body(ada, adas_text)
    save(ada)

    # Her save is refused; she sees Eda's version beside her own text.
    conflict = ada.locator("#conflict")
    conflict.wait_for()
    assert conflict.locator('[data-conflict="headline"]').inner_text() == edas_headline
    assert conflict.locator("#conflict-by").inner_text().count("eda") == 1
    assert adas_text not in conflict.inner_text()
    assert adas_text in ada.locator(EDITOR).inner_text()
    assert ada.input_value("#id_headline") != edas_headline
    article.refresh_from_db()
    assert article.headline == edas_headline and adas_text not in article.body
    violations = run_axe(ada)
    assert not violations, format_violations(violations)

    # She takes over Eda's headline and saves again: now it goes through.
    ada.fill("#id_headline", edas_headline)
    save(ada)
    assert ada.locator("#conflict").count() == 0
    article.refresh_from_db()
    assert article.headline == edas_headline
    assert adas_text in article.body
    # The saved page clears the browser's copy.
    ada.wait_for_function("() => document.getElementById('autosave') !== null")
    assert local_copy(ada) is None

    # Ada loses her connection while she types on.
    ada.context.set_offline(True)
    offline_headline = "Offline geschriebene Überschrift"
    offline_text = "Dieser Absatz entstand ohne Netz."
    ada.fill("#id_headline", offline_headline)
    type_at_end_of_body(ada, offline_text)
    copy = local_copy(ada)
    assert copy is not None
    assert copy["data"]["headline"] == offline_headline
    assert offline_text in copy["data"]["body"]
    status = ada.locator("#autosave-status")
    assert status.get_attribute("data-state") == "offline"
    assert status.inner_text().strip()

    # Back online, the page is reloaded: the copy is offered and restored.
    ada.context.set_offline(False)
    ada.reload()
    notice = ada.locator("#autosave-notice")
    notice.wait_for(state="visible")
    assert ada.input_value("#id_headline") == edas_headline
    ada.locator(EDITOR).wait_for()
    notice.locator('[data-autosave="restore"]').click()
    assert notice.is_hidden()
    assert ada.input_value("#id_headline") == offline_headline
    assert offline_text in ada.locator(EDITOR).inner_text()
    # The restored text goes to the server copy at once, and the page says so.
    ada.wait_for_selector('#autosave-status[data-state="saved"]')
    copy = wait_for(lambda: Autosave.objects.filter(user__username="ada", article=article).first())
    assert copy.data["headline"] == offline_headline

    # And saving it keeps it.
    save(ada)
    article.refresh_from_db()
    assert article.headline == offline_headline
    assert offline_text in article.body
    assert local_copy(ada) is None


def test_an_editor_compares_two_revisions_and_restores_one(editors, demo_site, new_page):
    article = editors
    original = article.headline
    eda = sign_in(new_page(locale="de-DE"), demo_site, "eda")
    eda.goto(f"{demo_site}/desk/articles/{article.pk}/")
    eda.fill("#id_headline", "Eine Überschrift, die nicht bleibt")
    save(eda)

    eda.locator(f'a[href="/desk/articles/{article.pk}/revisions/"]').first.click()
    eda.wait_for_url(f"**/desk/articles/{article.pk}/revisions/")
    assert eda.locator("#revisions tbody tr").count() == 2
    violations = run_axe(eda)
    assert not violations, format_violations(violations)

    # The newest and the one before are preselected.
    eda.locator(".revisions-form .actions button").click()
    eda.wait_for_url(re.compile(r"/revisions/compare/\?"))
    assert parse_qs(urlsplit(eda.url).query) == {"a": ["1"], "b": ["2"]}
    assert eda.locator("del.diff-del").first.inner_text().strip()
    headline = eda.locator("section", has=eda.locator("#diff-headline"))
    inserted = " ".join(headline.locator("ins.diff-ins").all_inner_texts())
    assert "nicht" in inserted and "bleibt" in inserted
    violations = run_axe(eda)
    assert not violations, format_violations(violations)

    eda.goto(f"{demo_site}/desk/articles/{article.pk}/revisions/")
    eda.locator('[data-restore="1"]').click()
    # It asks first, showing what would change.
    eda.wait_for_url(f"**/desk/articles/{article.pk}/revisions/1/restore/")
    eda.locator("form[method=post] button.button--primary").click()
    eda.wait_for_url(f"**/desk/articles/{article.pk}/")
    assert eda.input_value("#id_headline") == original
    article.refresh_from_db()
    assert article.headline == original
    assert article.revisions.count() == 3
