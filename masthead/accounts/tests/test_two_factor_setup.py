"""Turning two-factor sign-in on (QR code or typed key, confirmed with a
code), off and making new recovery codes (with the password), each in the
audit log."""

import re
import time

import pytest
import time_machine
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from masthead.accounts import twofactor
from masthead.audit.models import AuditEntry
from masthead.testing import password_of

from .twofactor_helpers import current_code, enable_two_factor, next_code, sign_in_with_password


@pytest.fixture
def eda_client(client, editor):
    client.force_login(editor)
    return client


def test_it_sets_up_an_authenticator_and_shows_the_recovery_codes_once(eda_client, editor):
    page = eda_client.get(reverse("desk:two_factor_setup"))
    assert page.status_code == 200
    # A QR code drawn on the server, no inline script or style.
    assert '<svg width="' in page.text and 'class="qr-code"' in page.text
    # (Scripts only from files: the desk's own, with a src.)
    assert not re.search(r"<script(?![^>]*\ssrc=)[^>]*>", page.text)
    assert "style=" not in page.text
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    secret = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', page.text).group(1)
    assert secret.replace(" ", "") == twofactor.secret_of(device).replace(" ", "")
    # Reloading the page keeps the same key (the phone may have it already).
    assert secret in eda_client.get(reverse("desk:two_factor_setup")).text

    wrong = eda_client.post(reverse("desk:two_factor_setup"), {"code": "000000"})
    assert wrong.status_code == 200 and not twofactor.has_two_factor(editor)

    device.throttle_reset()
    response = eda_client.post(reverse("desk:two_factor_setup"), {"code": current_code(device)})
    assert response["Location"] == reverse("desk:two_factor_codes")
    assert twofactor.has_two_factor(editor)
    codes_page = eda_client.get(reverse("desk:two_factor_codes"))
    codes = re.findall(
        r"<code>([a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4})</code>", codes_page.text
    )
    assert len(codes) == 10
    # Shown once only.
    assert eda_client.get(reverse("desk:two_factor_codes"))["Location"] == reverse(
        "desk:two_factor"
    )
    # This session counts as verified: the desk stays open.
    assert eda_client.get(reverse("desk:home")).status_code == 200
    entry = AuditEntry.objects.get(action=AuditEntry.Action.TWO_FACTOR_ENABLED)
    assert entry.actor == editor and entry.article_id is None


def test_it_asks_for_the_password_to_turn_it_off(client, editor):
    device, _codes = enable_two_factor(editor)
    sign_in_with_password(client, editor, password_of("eda"))
    client.post(reverse("desk:login_code"), {"code": next_code(device)})

    response = client.post(reverse("desk:two_factor_disable"), {"password": "wrong"})
    assert response.status_code == 200
    assert "Das ist nicht Ihr Passwort." in response.text
    assert twofactor.has_two_factor(editor)

    response = client.post(reverse("desk:two_factor_disable"), {"password": password_of("eda")})
    assert response["Location"] == reverse("desk:two_factor")
    assert not twofactor.has_two_factor(editor)
    assert twofactor.recovery_codes_left(editor) == 0
    assert AuditEntry.objects.filter(action=AuditEntry.Action.TWO_FACTOR_DISABLED).count() == 1
    # Signing in takes the password alone again.
    client.post(reverse("desk:logout"))
    assert sign_in_with_password(client, editor, password_of("eda"))["Location"] == reverse(
        "desk:home"
    )


def test_it_makes_new_recovery_codes_with_the_password(client, editor):
    device, old_codes = enable_two_factor(editor)
    sign_in_with_password(client, editor, password_of("eda"))
    client.post(reverse("desk:login_code"), {"code": next_code(device)})

    assert (
        client.post(reverse("desk:two_factor_regenerate"), {"password": "nope"}).status_code == 200
    )
    response = client.post(reverse("desk:two_factor_regenerate"), {"password": password_of("eda")})
    assert response["Location"] == reverse("desk:two_factor_codes")
    new_codes = re.findall(r"<code>([a-z2-7-]{19})</code>", client.get(response["Location"]).text)
    assert len(new_codes) == 10 and not set(new_codes) & set(old_codes)
    assert AuditEntry.objects.filter(action=AuditEntry.Action.RECOVERY_CODES).count() == 1

    client.post(reverse("desk:logout"))
    sign_in_with_password(client, editor, password_of("eda"))
    assert client.post(reverse("desk:login_code"), {"code": old_codes[0]}).status_code == 200
    # After a wrong code the codes wait a second before the next try (django-otp's throttle).
    with time_machine.travel(time.time() + 2):
        assert client.post(reverse("desk:login_code"), {"code": new_codes[0]}).status_code == 302


def test_the_account_page_says_whether_it_is_on(eda_client, editor):
    assert (
        "Die Zwei-Faktor-Anmeldung ist ausgeschaltet."
        in eda_client.get(reverse("desk:two_factor")).text
    )
