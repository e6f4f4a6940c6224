"""Passkeys in a real browser: Chromium's virtual authenticator (the
DevTools protocol's WebAuthn domain) plays the phone or security key. An
editor adds a passkey from the desk, keeps the recovery codes, signs out,
and signs in with the password and the passkey; another editor's passkey
is not offered. The pages run under the site's Content-Security-Policy
and must report no violation."""

import re

import pytest
from browser_helpers import Watch, format_violations, run_axe
from django_otp_webauthn.models import WebAuthnCredential
from playwright.sync_api import expect

from masthead.audit.models import AuditEntry
from masthead.testing import password_of

pytestmark = pytest.mark.browser


@pytest.fixture
def passkey_site(settings, live_server):
    """The site at the live server's address (http://localhost:…), where
    browsers allow passkeys."""
    assert live_server.url.startswith("http://localhost:")
    settings.SITE_URL = live_server.url
    return live_server.url


def with_authenticator(page):
    """A platform authenticator that says yes, with user verification."""
    session = page.context.new_cdp_session(page)
    session.send("WebAuthn.enable")
    session.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    return session


def sign_in(page, base, username):
    page.goto(base + "/desk/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password_of(username))
    page.get_by_role("button", name="Sign in", exact=True).click()


def test_an_editor_adds_a_passkey_and_signs_in_with_it(
    transactional_db, passkey_site, new_page, editor
):
    base = passkey_site
    watch = Watch()
    page = new_page(locale="en-GB")
    watch.attach(page.context)
    watch.listen(page)
    with_authenticator(page)

    sign_in(page, base, "eda")
    page.wait_for_url(base + "/desk/")
    page.get_by_role("link", name="Your account").click()
    page.get_by_label("Name of the passkey (optional)").fill("Work laptop")
    violations = run_axe(page)
    assert not violations, format_violations(violations)
    page.get_by_role("button", name="Add a passkey").click()

    # The first second factor comes with recovery codes, shown once.
    page.wait_for_url(base + "/desk/account/two-factor/codes/")
    assert len(page.locator(".recovery-codes code").all_inner_texts()) == 10
    page.get_by_role("link", name="I have kept them safe").click()
    page.get_by_role("link", name="Your account").click()
    expect(page.get_by_role("cell", name="Work laptop", exact=True)).to_be_visible()
    device = WebAuthnCredential.objects.get(user__username="eda")
    assert device.last_used_at is None
    page.get_by_role("button", name=re.compile("^Sign out")).click()
    page.wait_for_url(re.compile(r"/desk/login/"))

    # Password, then the passkey: no code to type.
    sign_in(page, base, "eda")
    page.wait_for_url(base + "/desk/login/code/")
    violations = run_axe(page)
    assert not violations, format_violations(violations)
    page.get_by_role("button", name="Sign in with your passkey").click()
    page.wait_for_url(base + "/desk/")
    assert page.get_by_role("button", name="Sign out eda").is_visible()
    device.refresh_from_db()
    assert device.last_used_at is not None
    actions = list(AuditEntry.objects.filter(actor_name="eda").values_list("action", flat=True))
    assert AuditEntry.Action.PASSKEY_ADDED in actions
    assert actions.count(AuditEntry.Action.SIGN_IN) == 2
    watch.assert_none()


def test_a_passkey_removed_meanwhile_does_not_sign_in(
    transactional_db, passkey_site, new_page, editor
):
    base = passkey_site
    page = new_page(locale="en-GB")
    with_authenticator(page)
    sign_in(page, base, "eda")
    page.wait_for_url(base + "/desk/")
    page.goto(base + "/desk/account/two-factor/")
    page.get_by_role("button", name="Add a passkey").click()
    page.wait_for_url(base + "/desk/account/two-factor/codes/")
    page.context.clear_cookies()

    sign_in(page, base, "eda")
    page.wait_for_url(base + "/desk/login/code/")
    # An administrator removes the passkey while eda is at the second step;
    # the authenticator still offers it.
    WebAuthnCredential.objects.all().delete()
    page.get_by_role("button", name="Sign in with your passkey").click()
    page.locator(".passkey-status").filter(has_text="did not sign you in").wait_for()
    assert page.url == base + "/desk/login/code/"
    assert page.get_by_role("button", name="Sign in with your passkey").is_enabled()
    # The recovery codes still work: the form below is there for them.
    assert page.get_by_label("Code").is_visible()
    assert AuditEntry.objects.filter(action=AuditEntry.Action.SIGN_IN).count() == 1
    assert AuditEntry.objects.filter(action=AuditEntry.Action.SIGN_IN_FAILED).count() == 1
