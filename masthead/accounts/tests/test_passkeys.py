"""Passkeys as a second factor: adding one, signing in with it after the
password, and everything that must be refused. The browser's side is
played by SoftPasskey (softkey.py), so py_webauthn checks real signatures;
tests/browser/test_passkeys.py does it with Chromium's authenticator."""

import json

import pytest
from django.test import Client
from django.urls import reverse
from django_otp_webauthn.models import WebAuthnCredential

from masthead.accounts import passkeys, twofactor
from masthead.accounts.models import RolePolicy
from masthead.accounts.roles import Role
from masthead.audit.models import AuditEntry
from masthead.testing import password_of

from .softkey import SoftPasskey, b64url
from .twofactor_helpers import enable_two_factor, sign_in_with_password

ORIGIN = "https://news.example.org"


@pytest.fixture(autouse=True)
def https_site(settings):
    settings.SITE_URL = ORIGIN


def post_json(client, name, data=None, **kwargs):
    return client.post(
        reverse(name, **kwargs), data=json.dumps(data or {}), content_type="application/json"
    )


def add_passkey(client, key, name="Laptop"):
    options = post_json(client, "desk:passkey_register_begin").json()
    return post_json(client, "desk:passkey_register_complete", key.create(options) | {"name": name})


def sign_in_with_passkey(client, key, **answer_options):
    options = post_json(client, "desk:passkey_sign_in_begin").json()
    return post_json(client, "desk:passkey_sign_in_complete", key.get(options, **answer_options))


@pytest.fixture
def eda_key(editor):
    """eda with a passkey, added from the desk."""
    key = SoftPasskey(ORIGIN)
    client = Client()
    client.force_login(editor)
    assert add_passkey(client, key).status_code == 200
    return key


def signed_in_user(client):
    return client.session.get("_auth_user_id")


@pytest.mark.parametrize(
    "site_url, available",
    [
        ("https://news.example.org", True),
        ("http://localhost:8000", True),
        ("http://desk.localhost", True),
        ("http://news.example.org", False),
        ("http://127.0.0.1:8000", False),
        ("https://192.0.2.7", False),
        ("https://[2001:db8::1]", False),
    ],
)
def test_passkeys_are_offered_where_browsers_allow_them(settings, site_url, available):
    settings.SITE_URL = site_url
    assert passkeys.available() is available


def test_an_editor_adds_a_passkey_and_gets_recovery_codes(client, editor):
    client.force_login(editor)
    key = SoftPasskey(ORIGIN)
    options = post_json(client, "desk:passkey_register_begin").json()
    # The passkey is for the site's domain and this account.
    assert options["rp"] == {"id": "news.example.org", "name": "Masthead"}
    assert options["user"]["name"] == "eda"

    response = post_json(
        client, "desk:passkey_register_complete", key.create(options) | {"name": " Laptop\x0b"}
    )
    assert response.status_code == 200
    assert response.json()["redirect_url"] == reverse("desk:two_factor_codes")
    device = WebAuthnCredential.objects.get(user=editor)
    assert device.name == "Laptop" and device.confirmed
    assert device.credential_id == key.credential_id
    assert twofactor.has_two_factor(editor)
    assert twofactor.recovery_codes_left(editor) == 10
    entry = AuditEntry.objects.get(action=AuditEntry.Action.PASSKEY_ADDED)
    assert entry.actor == editor and entry.details == {"name": "Laptop"}
    # The codes are shown once.
    page = client.get(reverse("desk:two_factor_codes"))
    assert page.text.count("<code>") == 10
    assert client.get(reverse("desk:two_factor_codes")).status_code == 302

    account = client.get(reverse("desk:two_factor")).text
    assert "Laptop" in account and "Zwei-Faktor-Anmeldung ist eingeschaltet" in account


def test_a_second_passkey_keeps_the_recovery_codes(client, editor):
    client.force_login(editor)
    first, second = SoftPasskey(ORIGIN), SoftPasskey(ORIGIN)
    add_passkey(client, first)
    client.get(reverse("desk:two_factor_codes"))
    digests = set(editor.recoverycodedevice_set.get().codes.values_list("digest", flat=True))

    options = post_json(client, "desk:passkey_register_begin").json()
    # The browser is told not to make a second passkey on the same device.
    assert [c["id"] for c in options["excludeCredentials"]] == [b64url(first.credential_id)]
    response = post_json(client, "desk:passkey_register_complete", second.create(options))
    assert response.json()["redirect_url"] == reverse("desk:two_factor")
    assert set(editor.recoverycodedevice_set.get().codes.values_list("digest", flat=True)) == (
        digests
    )
    assert list(passkeys.passkeys_of(editor).values_list("name", flat=True)) == [
        "Laptop",
        "Passkey 2",
    ]


def test_it_signs_in_with_the_passkey_after_the_password(client, editor, eda_key):
    response = sign_in_with_password(client, editor, password_of("eda"), next_url="/desk/articles/")
    assert response["Location"] == reverse("desk:login_code")
    assert signed_in_user(client) is None
    page = client.get(reverse("desk:login_code")).text
    assert 'data-passkey="sign-in"' in page
    assert "Wenn Sie Ihren Passkey nicht dabei haben" in page
    # No authenticator app: the code field asks for a recovery code only.
    assert "Einer Ihrer Wiederherstellungscodes." in page
    assert "Authenticator-App" not in page

    options = post_json(client, "desk:passkey_sign_in_begin").json()
    # Only eda's passkeys are asked for; the password was the first factor.
    assert [c["id"] for c in options["allowCredentials"]] == [b64url(eda_key.credential_id)]
    assert options["rpId"] == "news.example.org"
    response = post_json(client, "desk:passkey_sign_in_complete", eda_key.get(options))
    assert response.status_code == 200
    assert response.json()["redirect_url"] == "/desk/articles/"
    assert signed_in_user(client) == str(editor.pk)
    assert client.get(reverse("desk:home")).status_code == 200
    assert WebAuthnCredential.objects.get(user=editor).last_used_at is not None
    assert AuditEntry.objects.filter(action=AuditEntry.Action.SIGN_IN, actor=editor).exists()


def test_a_passkey_alone_does_not_sign_in(client, editor, eda_key):
    # No password given: nothing to complete.
    response = post_json(client, "desk:passkey_sign_in_begin")
    assert response.status_code == 403
    assert response.json()["code"] == "not_authenticated"
    options = {"challenge": b64url(b"x" * 32), "rpId": "news.example.org"}
    response = post_json(client, "desk:passkey_sign_in_complete", eda_key.get(options))
    assert response.status_code == 403
    assert signed_in_user(client) is None


def test_someone_elses_passkey_is_refused_and_counted(client, editor, reporter, eda_key):
    ron_key = SoftPasskey(ORIGIN)
    other = Client()
    other.force_login(reporter)
    add_passkey(other, ron_key)

    sign_in_with_password(client, reporter, password_of("ron"))
    for attempt in range(1, 4):
        response = sign_in_with_passkey(client, eda_key)
        assert response.status_code == 403
        assert response.json()["code"] == "credential_user_mismatch"
        assert signed_in_user(client) is None
        # Counted like a wrong code: the sign-in throttle and the audit log.
        assert client.session[twofactor.PENDING_KEY]["failures"] == attempt
    failures = AuditEntry.objects.filter(action=AuditEntry.Action.SIGN_IN_FAILED)
    assert [entry.details["username"] for entry in failures] == ["ron"] * 3
    # ron's own passkey still works.
    assert sign_in_with_passkey(client, ron_key).status_code == 200
    assert signed_in_user(client) == str(reporter.pk)


def test_failed_passkeys_end_the_attempt(client, editor, eda_key):
    sign_in_with_password(client, editor, password_of("eda"))
    for _attempt in range(twofactor.MAX_CODE_ATTEMPTS):
        response = sign_in_with_passkey(client, eda_key, origin="https://evil.test")
        # Refused, then refused by the sign-in throttle once it locks.
        assert response.status_code in (422, 429)
    assert signed_in_user(client) is None
    assert post_json(client, "desk:passkey_sign_in_begin").status_code in (403, 429)


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param({"origin": "https://news.example.org.evil.test"}, id="another origin"),
        pytest.param({"origin": "http://news.example.org"}, id="plain http"),
    ],
)
def test_an_answer_for_another_site_is_refused(client, editor, eda_key, tamper):
    sign_in_with_password(client, editor, password_of("eda"))
    response = sign_in_with_passkey(client, eda_key, **tamper)
    assert response.status_code == 422
    assert signed_in_user(client) is None


def test_an_answer_is_used_once(client, editor, eda_key):
    sign_in_with_password(client, editor, password_of("eda"))
    options = post_json(client, "desk:passkey_sign_in_begin").json()
    answer = eda_key.get(options)
    assert post_json(client, "desk:passkey_sign_in_complete", answer).status_code == 200
    client.post(reverse("desk:logout"))
    sign_in_with_password(client, editor, password_of("eda"))
    # The challenge of the first sign-in is spent, and this one was never begun.
    response = post_json(client, "desk:passkey_sign_in_complete", answer)
    assert response.status_code == 400 and response.json()["code"] == "invalid_state"
    assert signed_in_user(client) is None


def test_a_changed_signature_is_refused(client, editor, eda_key):
    sign_in_with_password(client, editor, password_of("eda"))
    options = post_json(client, "desk:passkey_sign_in_begin").json()
    answer = eda_key.get(options)
    signature = bytearray(answer["response"]["signature"].encode())
    signature[-3] = ord("A") if signature[-3] != ord("A") else ord("B")
    answer["response"]["signature"] = signature.decode()
    response = post_json(client, "desk:passkey_sign_in_complete", answer)
    assert response.status_code == 422
    assert signed_in_user(client) is None


def test_adding_a_passkey_needs_a_newsroom_account_and_the_csrf_token(client, editor, outsider):
    response = post_json(client, "desk:passkey_register_begin")
    assert response.status_code == 302 and reverse("desk:login") in response["Location"]
    client.force_login(outsider)
    assert post_json(client, "desk:passkey_register_begin").status_code == 403

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    assert post_json(strict, "desk:passkey_register_begin").status_code == 403


@pytest.mark.parametrize("role", list(Role))
def test_every_newsroom_role_may_add_a_passkey(client, persona, role):
    client.force_login(persona(role))
    assert add_passkey(client, SoftPasskey(ORIGIN)).status_code == 200


def test_passkeys_are_not_offered_without_https(client, editor, settings):
    settings.SITE_URL = "http://127.0.0.1:8000"
    client.force_login(editor)
    response = post_json(client, "desk:passkey_register_begin")
    assert response.status_code == 403
    assert response.json()["code"] == "passkeys_unavailable"
    page = client.get(reverse("desk:two_factor")).text
    assert 'data-passkey="register"' not in page
    assert "Passkeys funktionieren nur" in page


def test_a_role_that_requires_two_factor_may_add_a_passkey_first(client, editor):
    RolePolicy.objects.update_or_create(role=Role.EDITOR, defaults={"require_two_factor": True})
    client.force_login(editor)
    assert client.get(reverse("desk:home"))["Location"] == reverse("desk:two_factor_setup")
    setup = client.get(reverse("desk:two_factor_setup")).text
    assert 'data-passkey="register"' in setup
    assert add_passkey(client, SoftPasskey(ORIGIN)).status_code == 200
    assert client.get(reverse("desk:home")).status_code == 200


def test_removing_a_passkey_asks_for_the_password(client, editor, reporter, eda_key):
    device = WebAuthnCredential.objects.get(user=editor)
    client.force_login(reporter)
    assert client.get(reverse("desk:passkey_remove", args=[device.pk])).status_code == 404

    client.post(reverse("desk:logout"))
    sign_in_with_password(client, editor, password_of("eda"))
    sign_in_with_passkey(client, eda_key)
    url = reverse("desk:passkey_remove", args=[device.pk])
    response = client.post(url, {"password": "wrong"})
    assert response.status_code == 200
    assert WebAuthnCredential.objects.filter(pk=device.pk).exists()

    response = client.post(url, {"password": password_of("eda")})
    assert response["Location"] == reverse("desk:two_factor")
    assert not WebAuthnCredential.objects.filter(pk=device.pk).exists()
    # It was the last second factor: two-factor sign-in is off, codes and all.
    assert not twofactor.has_two_factor(editor)
    assert twofactor.recovery_codes_left(editor) == 0
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {AuditEntry.Action.PASSKEY_REMOVED, AuditEntry.Action.TWO_FACTOR_DISABLED} <= actions


def test_removing_one_of_two_factors_keeps_two_factor_sign_in(client, editor, eda_key):
    enable_two_factor(editor)
    device = WebAuthnCredential.objects.get(user=editor)
    sign_in_with_password(client, editor, password_of("eda"))
    assert sign_in_with_passkey(client, eda_key).status_code == 200
    response = client.post(
        reverse("desk:passkey_remove", args=[device.pk]), {"password": password_of("eda")}
    )
    assert response.status_code == 302
    assert twofactor.has_two_factor(editor) and twofactor.recovery_codes_left(editor) == 10


def test_turning_two_factor_off_removes_the_passkeys_too(editor, eda_key):
    twofactor.disable(editor)
    assert not WebAuthnCredential.objects.filter(user=editor).exists()
    assert not twofactor.has_two_factor(editor)
