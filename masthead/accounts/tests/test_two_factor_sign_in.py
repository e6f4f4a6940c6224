"""Signing in with two-factor sign-in: password, then a code from the app or
a recovery code; nothing is signed in before the code; wrong codes are
counted and end the attempt."""

import time

import pytest
import time_machine
from django.urls import reverse

from masthead.accounts import twofactor
from masthead.audit.models import AuditEntry
from masthead.testing import password_of

from .twofactor_helpers import current_code, enable_two_factor, next_code, sign_in_with_password


@pytest.fixture
def eda_2fa(editor):
    device, codes = enable_two_factor(editor)
    return editor, device, codes


def test_it_asks_for_a_code_after_the_password_and_signs_in_with_it(client, eda_2fa):
    user, device, _codes = eda_2fa
    response = sign_in_with_password(client, user, password_of("eda"), next_url="/desk/articles/")
    assert response.status_code == 302
    assert response["Location"] == reverse("desk:login_code")
    # Not signed in yet: the desk sends the visitor to the sign-in page.
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("desk:home")).status_code == 302

    response = client.post(reverse("desk:login_code"), {"code": next_code(device)})
    assert response.status_code == 302
    assert response["Location"] == "/desk/articles/"
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get(reverse("desk:home")).status_code == 200
    assert client.get(reverse("admin:index")).status_code == 200


def test_it_signs_in_with_a_recovery_code_once(client, eda_2fa):
    user, _device, codes = eda_2fa
    sign_in_with_password(client, user, password_of("eda"))
    response = client.post(reverse("desk:login_code"), {"code": codes[0].upper()})
    assert response["Location"] == reverse("desk:home")
    assert client.get(reverse("desk:home")).status_code == 200
    assert twofactor.recovery_codes_left(user) == 9
    entry = AuditEntry.objects.get(action=AuditEntry.Action.RECOVERY_CODE_USED)
    assert entry.actor == user and entry.details == {"left": 9}

    client.post(reverse("desk:logout"))
    sign_in_with_password(client, user, password_of("eda"))
    response = client.post(reverse("desk:login_code"), {"code": codes[0]})
    assert response.status_code == 200
    assert "Dieser Code stimmt nicht, oder er wurde schon benutzt." in response.text
    assert "_auth_user_id" not in client.session


def test_it_stores_recovery_codes_hashed(eda_2fa):
    user, _device, codes = eda_2fa
    from masthead.accounts.models import RecoveryCode

    stored = set(RecoveryCode.objects.filter(device__user=user).values_list("digest", flat=True))
    assert len(stored) == len(codes) == 10
    assert not stored & {c.replace("-", "") for c in codes} and not stored & set(codes)


def test_it_never_takes_the_same_app_code_twice(client, eda_2fa):
    user, device, _codes = eda_2fa
    code = next_code(device)
    sign_in_with_password(client, user, password_of("eda"))
    assert client.post(reverse("desk:login_code"), {"code": code}).status_code == 302
    client.post(reverse("desk:logout"))
    sign_in_with_password(client, user, password_of("eda"))
    response = client.post(reverse("desk:login_code"), {"code": code})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_it_drops_the_sign_in_after_five_wrong_codes(client, eda_2fa, settings):
    # The sign-in throttle counts wrong codes too (the next test); here it
    # stays out of the way.
    settings.AXES_FAILURE_LIMIT = 100
    user, device, _codes = eda_2fa
    sign_in_with_password(client, user, password_of("eda"))
    right = next_code(device)
    wrong = str((int(right) + 1) % 1000000).zfill(6)
    for _ in range(twofactor.MAX_CODE_ATTEMPTS - 1):
        response = client.post(reverse("desk:login_code"), {"code": wrong})
        assert response.status_code == 200
    response = client.post(reverse("desk:login_code"), {"code": wrong})
    assert response["Location"] == reverse("desk:login")
    # The attempt is gone: even the right code does not sign in now.
    response = client.post(reverse("desk:login_code"), {"code": right})
    assert response["Location"] == reverse("desk:login")
    assert "_auth_user_id" not in client.session


def test_wrong_codes_are_failed_sign_ins_for_the_throttle_and_the_audit_log(client, eda_2fa):
    user, device, _codes = eda_2fa
    right = next_code(device)
    wrong = str((int(right) + 1) % 1000000).zfill(6)
    sign_in_with_password(client, user, password_of("eda"))
    for _ in range(twofactor.MAX_CODE_ATTEMPTS):
        client.post(reverse("desk:login_code"), {"code": wrong})
    failed = AuditEntry.objects.filter(action=AuditEntry.Action.SIGN_IN_FAILED)
    assert failed.count() == twofactor.MAX_CODE_ATTEMPTS
    # As many wrong codes as the throttle allows failures lock the account
    # here: even the right password is refused now.
    response = sign_in_with_password(client, user, password_of("eda"))
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_it_keeps_the_code_step_for_a_few_minutes_only(client, eda_2fa, settings):
    user, device, _codes = eda_2fa
    sign_in_with_password(client, user, password_of("eda"))
    with time_machine.travel(time.time() + settings.TWO_FACTOR_PENDING_SECONDS + 1):
        response = client.post(reverse("desk:login_code"), {"code": current_code(device)})
    assert response["Location"] == reverse("desk:login")
    assert "_auth_user_id" not in client.session


def test_the_code_step_without_a_password_goes_back_to_sign_in(client):
    response = client.get(reverse("desk:login_code"))
    assert response["Location"] == reverse("desk:login")


def test_a_session_signed_in_by_password_alone_is_asked_for_the_code(client, eda_2fa):
    """The admin's own sign-in form takes the password only: the next page
    asks for the code, and the session is not signed in meanwhile."""
    user, device, _codes = eda_2fa
    client.force_login(user)  # as the admin's password form leaves it
    for url in (reverse("admin:index"), reverse("desk:home"), "/de/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == reverse("desk:login_code"), url
        assert "_auth_user_id" not in client.session
        sign_in_with_password(client, user, password_of("eda"))
        client.force_login(user)
    client.get(reverse("admin:index"))
    response = client.post(reverse("desk:login_code"), {"code": next_code(device)})
    assert response["Location"] == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200


def test_users_without_two_factor_sign_in_with_the_password(client, reporter):
    response = sign_in_with_password(client, reporter, password_of("ron"))
    assert response["Location"] == reverse("desk:home")
    assert client.get(reverse("desk:home")).status_code == 200


def test_it_shows_the_code_step_in_the_language_of_the_desk(client, eda_2fa):
    user, _device, _codes = eda_2fa
    sign_in_with_password(client, user, password_of("eda"))
    response = client.get(reverse("desk:login_code"), HTTP_ACCEPT_LANGUAGE="de")
    assert "<h1>Zwei-Faktor-Anmeldung</h1>" in response.text
    response = client.get(reverse("desk:login_code"), HTTP_ACCEPT_LANGUAGE="en")
    assert "<h1>Two-factor sign-in</h1>" in response.text


def test_the_admins_own_sign_in_form_does_not_skip_the_code(client, eda_2fa):
    user, device, _codes = eda_2fa
    response = client.post(
        reverse("admin:login") + "?next=/admin/",
        {"username": "eda", "password": password_of("eda"), "next": "/admin/"},
    )
    assert response.status_code == 302
    response = client.get(reverse("admin:index"))
    assert response["Location"] == reverse("desk:login_code")
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("admin:sections_section_changelist")).status_code == 302
    response = client.post(reverse("desk:login_code"), {"code": next_code(device)})
    assert response["Location"] == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200


def test_readers_without_a_session_do_not_make_pages_vary_by_cookie(client, make_article):
    make_article()
    response = client.get("/de/")
    assert response.status_code == 200
    assert "Cookie" not in response.get("Vary", "")
