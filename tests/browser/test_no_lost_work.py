"""No lost work, in real browsers: two editors change the same article at
once, and the later one sees both versions instead of losing her text or
overwriting her colleague's; then one loses her connection while typing,
and her text comes back from the browser's own copy.

The browsers ask for German. The German catalog may not translate the
newest texts yet, so the test finds them by id, role and data attributes.
"""

import json
import re
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from browser_helpers import format_violations, run_axe
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from masthead.articles.models import Article, Autosave

pytestmark = pytest.mark.browser

PASSWORD = "no-lost-work-42"
EDITOR = '.ProseMirror[contenteditable="true"]'


@pytest.fixture
def editors(demo_site):
    group = Group.objects.get_or_create(name="editor")[0]
    for name in ("anna", "ben"):
        user = get_user_model().objects.create_user(name, password=PASSWORD, is_staff=True)
        user.groups.add(group)
    return Article.objects.filter(language="de").order_by("pk").first()


def sign_in(new_page, base, username):
    page = new_page(locale="de-DE")
    page.goto(base + "/desk/login/")
    page.get_by_label("Benutzername").fill(username)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(base + "/desk/")
    return page


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
    anna = sign_in(new_page, demo_site, "anna")
    ben = sign_in(new_page, demo_site, "ben")
    anna.goto(url)
    ben.goto(url)

    # Anna changes the headline and saves first.
    annas_headline = "Annas neue Überschrift zur Fahrradbrücke"
    anna.fill("#id_headline", annas_headline)
    save(anna)
    article.refresh_from_db()
    assert article.headline == annas_headline

    # Ben, still on the version he opened, adds a paragraph and saves.
    bens_text = "Bens Ergänzung: Die Brücke wird im Mai eröffnet."
    type_at_end_of_body(ben, bens_text)
    save(ben)

    # His save is refused; he sees Anna's version beside his own text.
    conflict = ben.locator("#conflict")
    conflict.wait_for()
    assert conflict.locator('[data-conflict="headline"]').inner_text() == annas_headline
    assert conflict.locator("#conflict-by").inner_text().count("anna") == 1
    assert bens_text not in conflict.inner_text()
    assert bens_text in ben.locator(EDITOR).inner_text()
    assert ben.input_value("#id_headline") != annas_headline
    article.refresh_from_db()
    assert article.headline == annas_headline and bens_text not in article.body
    violations = run_axe(ben)
    assert not violations, format_violations(violations)

    # He takes over Anna's headline and saves again: now it goes through.
    ben.fill("#id_headline", annas_headline)
    save(ben)
    assert ben.locator("#conflict").count() == 0
    article.refresh_from_db()
    assert article.headline == annas_headline
    assert bens_text in article.body
    # The saved page clears the browser's copy.
    ben.wait_for_function("() => document.getElementById('autosave') !== null")
    assert local_copy(ben) is None

    # Ben loses his connection while he types on.
    ben.context.set_offline(True)
    offline_headline = "Offline geschriebene Überschrift"
    offline_text = "Dieser Absatz entstand ohne Netz."
    ben.fill("#id_headline", offline_headline)
    type_at_end_of_body(ben, offline_text)
    copy = local_copy(ben)
    assert copy is not None
    assert copy["data"]["headline"] == offline_headline
    assert offline_text in copy["data"]["body"]
    status = ben.locator("#autosave-status")
    assert status.get_attribute("data-state") == "offline"
    assert status.inner_text().strip()

    # Back online, the page is reloaded: the copy is offered and restored.
    ben.context.set_offline(False)
    ben.reload()
    notice = ben.locator("#autosave-notice")
    notice.wait_for(state="visible")
    assert ben.input_value("#id_headline") == annas_headline
    ben.locator(EDITOR).wait_for()
    notice.locator('[data-autosave="restore"]').click()
    assert notice.is_hidden()
    assert ben.input_value("#id_headline") == offline_headline
    assert offline_text in ben.locator(EDITOR).inner_text()
    # The restored text goes to the server copy at once, and the page says so.
    ben.wait_for_selector('#autosave-status[data-state="saved"]')
    copy = wait_for(lambda: Autosave.objects.filter(user__username="ben", article=article).first())
    assert copy.data["headline"] == offline_headline

    # And saving it keeps it.
    save(ben)
    article.refresh_from_db()
    assert article.headline == offline_headline
    assert offline_text in article.body
    assert local_copy(ben) is None


def test_an_editor_compares_two_revisions_and_restores_one(editors, demo_site, new_page):
    article = editors
    original = article.headline
    anna = sign_in(new_page, demo_site, "anna")
    anna.goto(f"{demo_site}/desk/articles/{article.pk}/")
    anna.fill("#id_headline", "Eine Überschrift, die nicht bleibt")
    save(anna)

    anna.locator(f'a[href="/desk/articles/{article.pk}/revisions/"]').first.click()
    anna.wait_for_url(f"**/desk/articles/{article.pk}/revisions/")
    assert anna.locator("#revisions tbody tr").count() == 2
    violations = run_axe(anna)
    assert not violations, format_violations(violations)

    # The newest and the one before are preselected.
    anna.locator(".revisions-form .actions button").click()
    anna.wait_for_url(re.compile(r"/revisions/compare/\?"))
    assert parse_qs(urlsplit(anna.url).query) == {"a": ["1"], "b": ["2"]}
    assert anna.locator("del.diff-del").first.inner_text().strip()
    headline = anna.locator("section", has=anna.locator("#diff-headline"))
    inserted = " ".join(headline.locator("ins.diff-ins").all_inner_texts())
    assert "nicht" in inserted and "bleibt" in inserted
    violations = run_axe(anna)
    assert not violations, format_violations(violations)

    anna.goto(f"{demo_site}/desk/articles/{article.pk}/revisions/")
    anna.locator('[data-restore="1"]').click()
    anna.wait_for_url(f"**/desk/articles/{article.pk}/")
    assert anna.input_value("#id_headline") == original
    article.refresh_from_db()
    assert article.headline == original
    assert article.revisions.count() == 3
