"""Two-factor sign-in in a real browser: an editor sets up an authenticator
from the desk (the code computed here as the app would), signs out, signs
in with a code from the app, and again with a recovery code."""

import re
from base64 import b32decode

import pytest
from browser_helpers import format_violations, run_axe
from django_otp.oath import hotp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from masthead.testing import password_of

pytestmark = pytest.mark.browser


def app_code(secret: str, t: int) -> str:
    """What an authenticator app shows for time step ``t`` (RFC 6238)."""
    return str(hotp(b32decode(secret.replace(" ", "")), t)).zfill(6)


def sign_in(page, base, username):
    page.goto(base + "/desk/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password_of(username))
    page.get_by_role("button", name="Sign in").click()


def sign_out(page):
    page.get_by_role("button", name=re.compile("^Sign out")).click()
    page.wait_for_url(re.compile(r"/desk/login/"))


def test_an_editor_sets_up_two_factor_sign_in_and_signs_in_with_it(
    transactional_db, live_server, new_page, editor
):
    base = live_server.url
    page = new_page(locale="en-GB")

    sign_in(page, base, "eda")
    page.wait_for_url(base + "/desk/")
    page.get_by_role("link", name="Your account").click()
    page.get_by_role("link", name="Set up an authenticator app").click()
    expect(page.locator("figure.qr svg")).to_be_visible()
    violations = run_axe(page)
    assert not violations, format_violations(violations)
    secret = page.locator("#totp-secret").inner_text()
    now = int(page.evaluate("Date.now() / 1000")) // 30
    page.get_by_label("Code from the app").fill(app_code(secret, now))
    page.get_by_role("button", name="Turn two-factor sign-in on").click()
    page.wait_for_url(base + "/desk/account/two-factor/codes/")
    codes = page.locator(".recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    page.get_by_role("link", name="I have kept them safe").click()
    page.wait_for_url(base + "/desk/")
    sign_out(page)

    # Password, then a code from the app. One code never works twice, so
    # take the step after the one used to set up (apps may run a step ahead).
    sign_in(page, base, "eda")
    page.wait_for_url(base + "/desk/login/code/")
    expect(page.get_by_role("heading", name="Two-factor sign-in")).to_be_visible()
    violations = run_axe(page)
    assert not violations, format_violations(violations)
    used = TOTPDevice.objects.get(user__username="eda").last_t
    page.get_by_label("Code").fill(app_code(secret, used + 1))
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(base + "/desk/")
    expect(page.get_by_role("button", name="Sign out eda")).to_be_visible()
    sign_out(page)

    # Password, then a recovery code.
    sign_in(page, base, "eda")
    page.wait_for_url(base + "/desk/login/code/")
    page.get_by_label("Code").fill(codes[3])
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(base + "/desk/")
    page.get_by_role("link", name="Your account").click()
    expect(page.get_by_text("You have 9 recovery codes left.")).to_be_visible()
    sign_out(page)

    # The same recovery code a second time: refused.
    sign_in(page, base, "eda")
    page.wait_for_url(base + "/desk/login/code/")
    page.get_by_label("Code").fill(codes[3])
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("This code is not right, or it was used already.")).to_be_visible()
    assert page.url == base + "/desk/login/code/"
    page.close()
