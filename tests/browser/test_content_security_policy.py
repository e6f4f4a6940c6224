"""Every page type under the site's Content-Security-Policy in Chromium:
the reader site, the desk with the rich text editor in use, and the admin,
in German and in English. Chromium must report no violation, neither to the
page (``securitypolicyviolation`` events, console) nor to the report
endpoint; a deliberate inline script shows that a violation would be seen."""

import logging
import re

import pytest
from browser_helpers import Watch, demo_pages
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from masthead.articles.models import Article
from masthead.audit.models import AuditEntry

pytestmark = pytest.mark.browser

PASSWORD = "s3cret-pass!"
LOGIN_LABELS = {
    "de": ("Benutzername", "Passwort", "Anmelden"),
    "en": ("Username", "Password", "Sign in"),
}


@pytest.fixture
def watched(new_page):
    """``watched(locale)``: a page whose CSP violations are collected."""
    watch = Watch()

    def make(locale):
        page = new_page(locale=locale)
        watch.attach(page.context)
        return watch.listen(page)

    make.watch = watch
    return make


@pytest.fixture
def reports(caplog):
    """What the report endpoint logged (the live server runs in this process)."""
    caplog.set_level(logging.WARNING, logger="masthead.csp")
    return lambda: [r.getMessage() for r in caplog.records if r.name == "masthead.csp"]


def settle(page):
    page.wait_for_load_state("load")
    # Violations are dispatched as tasks after the page runs; one round trip
    # through the page's event loop lets queued ones arrive.
    page.evaluate("() => new Promise((r) => setTimeout(r, 0))")


def visit(page, url):
    response = page.goto(url)
    settle(page)
    return response


@pytest.mark.parametrize(("language", "locale"), [("de", "de-DE"), ("en", "en-GB")])
def test_reader_pages_run_under_the_policy(demo_site, watched, reports, language, locale):
    page = watched(locale)
    pages = demo_pages(language)
    with translation.override(language):
        pages["corrections"] = reverse("articles:corrections")
    for kind, path in pages.items():
        response = visit(page, demo_site + path)
        assert "script-src 'self'" in response.headers["content-security-policy"], kind
        if kind.startswith("article"):
            # Structured data is a data block, not a script: no violation.
            assert page.locator('script[type="application/ld+json"]').count() == 1
    watched.watch.assert_none()
    assert reports() == []


def sign_in(page, base, language):
    username, password, button = LOGIN_LABELS[language]
    visit(page, base + "/desk/login/")
    page.get_by_label(username, exact=True).fill("chefin")
    page.get_by_label(password, exact=True).fill(PASSWORD)
    page.get_by_role("button", name=button).click()
    page.wait_for_url(base + "/desk/")
    settle(page)


@pytest.mark.parametrize(("language", "locale"), [("de", "de-DE"), ("en", "en-GB")])
def test_desk_and_admin_run_under_the_policy(demo_site, watched, reports, language, locale):
    get_user_model().objects.create_superuser("chefin", "chefin@example.org", PASSWORD)
    article = Article.objects.filter(language=language).order_by("pk").first()
    page = watched(locale)
    sign_in(page, demo_site, language)

    for url in (
        reverse("desk:articles"),
        reverse("desk:article_revisions", args=[article.pk]),
        reverse("desk:audit"),
        reverse("admin:index"),
        reverse("admin:articles_article_changelist"),
        reverse("admin:sections_section_changelist"),
        reverse("admin:articles_article_change", args=[article.pk]),
    ):
        response = visit(page, demo_site + url)
        assert response.status == 200, url
    # The admin's editor is loaded (its import map ran under the nonce).
    page.locator('.ProseMirror[contenteditable="true"]').wait_for()

    # The desk's editor: loaded, usable, and saving works.
    visit(page, demo_site + reverse("desk:article_edit", args=[article.pk]))
    editor = page.locator('.ProseMirror[contenteditable="true"]')
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("Ein Satz, getippt unter der Richtlinie.")
    # The editor's menu works too (bold on a selection).
    page.keyboard.press("Shift+Home")
    # Its buttons carry the newsroom language's titles (desk-editor.js).
    bold = {"de": "Fett", "en": "Bold"}[language]
    page.locator(f'.prose-menubar__button[title="{bold}"]').click()
    assert "<strong>Ein Satz, getippt unter der Richtlinie.</strong>" in (
        page.locator("#id_body").input_value()
    )
    page.locator('button[name="_action"][value="save"]').click()
    page.wait_for_load_state()
    settle(page)
    article.refresh_from_db()
    assert "<strong>Ein Satz, getippt unter der Richtlinie.</strong>" in article.body
    assert AuditEntry.objects.filter(article_id=article.pk).exists()

    # Signing out runs the desk's script (it clears unsaved copies).
    page.evaluate("() => localStorage.setItem('masthead:autosave:test', 'x')")
    page.locator("form[data-clears-autosave] button").click()
    page.wait_for_url(re.compile(r"/desk/login/"))
    settle(page)
    assert page.evaluate("() => localStorage.getItem('masthead:autosave:test')") is None

    watched.watch.assert_none()
    assert reports() == []


def test_a_violation_would_be_seen_and_reported(demo_site, watched, reports):
    """The listener and the report endpoint work: an injected inline script
    is refused and seen by the page; a report posted from the page is logged."""
    page = watched("de-DE")
    visit(page, demo_site + demo_pages("de")["home"])
    page.evaluate(
        """() => {
            const s = document.createElement("script");
            s.textContent = "window.__ran = true";
            document.head.append(s);
        }"""
    )
    settle(page)
    assert page.evaluate("() => window.__ran") is None
    assert [v["directive"] for v in watched.watch.events] == ["script-src-elem"]
    # The endpoint takes a report as Chromium posts it (Reporting API
    # format, no CSRF token, allowed by connect-src). Chromium's own delivery
    # is batched on a schedule of its own and is not waited for here.
    status = page.evaluate(
        """async (body) => (await fetch("/csp-report/", {
            method: "POST", headers: {"Content-Type": "application/reports+json"},
            body: JSON.stringify([{type: "csp-violation", url: location.href, body}]),
        })).status""",
        {"documentURL": page.url, "effectiveDirective": "script-src-elem", "blockedURL": "inline"},
    )
    assert status == 204
    assert any("script-src-elem" in line for line in reports()), reports()
