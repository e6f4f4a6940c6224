"""Signing in is throttled per account and address, and per address
(masthead/signin/throttle.py): 5 and 20 failures by default."""

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client

from masthead.audit.models import AuditEntry
from masthead.testing import password_of

from .helpers import ADMIN, DESK, is_signed_in, sign_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", [DESK, ADMIN])
def test_it_refuses_the_right_password_after_40_wrong_ones(client, editor, url):
    statuses = [sign_in(client, "eda", "wrong", url=url).status_code for _ in range(40)]
    # The fifth failure starts the lock.
    assert statuses == [200] * 4 + [429] * 36

    response = sign_in(client, "eda", url=url)

    assert response.status_code == 429
    assert not is_signed_in(client)


def test_it_explains_the_lock_in_the_newsroom_language(client, editor):
    for _ in range(5):
        german = sign_in(client, "eda", "wrong", HTTP_ACCEPT_LANGUAGE="de")
    english = sign_in(client, "eda", "wrong", HTTP_ACCEPT_LANGUAGE="en")

    assert german.status_code == english.status_code == 429
    assert german["Retry-After"] == "900"
    german_page, english_page = german.content.decode(), english.content.decode()
    assert "Zu viele Anmeldeversuche" in german_page
    assert "Versuchen Sie es in 15 Minuten wieder." in german_page
    assert "Too many attempts to sign in" in english_page
    assert "Try again in 15 minutes." in english_page
    # In the desk's look, with a way back to the form.
    assert 'class="desk-header' in english_page
    assert f'href="{DESK}"' in english_page


def test_the_account_can_still_sign_in_from_another_address(client, editor):
    for _ in range(5):
        sign_in(client, "eda", "wrong")

    assert sign_in(Client(REMOTE_ADDR="192.0.2.7"), "eda").status_code == 302


def test_another_account_from_the_same_address_works_until_the_address_limit(
    client, editor, reporter
):
    for _ in range(5):
        sign_in(client, "eda", "wrong")
    ron = Client()
    assert sign_in(ron, "ron").status_code == 302
    ron.post("/desk/logout/")

    # 5 failures so far from 127.0.0.1; the 20th locks the address for everyone.
    statuses = [sign_in(client, f"nobody{i}", "wrong").status_code for i in range(15)]
    assert statuses == [200] * 14 + [429]

    assert sign_in(ron, "ron").status_code == 429
    assert not is_signed_in(ron)
    assert sign_in(Client(REMOTE_ADDR="192.0.2.7"), "ron").status_code == 302


def test_a_successful_sign_in_forgets_that_accounts_failures(client, editor):
    for _ in range(4):
        sign_in(client, "eda", "wrong")
    assert sign_in(client, "eda").status_code == 302
    client.post("/desk/logout/")

    statuses = [sign_in(client, "eda", "wrong").status_code for _ in range(4)]

    assert statuses == [200] * 4


def test_it_does_not_trust_forwarded_for_by_default(client, editor):
    statuses = [
        sign_in(client, "eda", "wrong", HTTP_X_FORWARDED_FOR=f"198.51.100.{i}").status_code
        for i in range(5)
    ]

    assert statuses[-1] == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"127.0.0.1"}


def test_it_takes_the_address_a_configured_proxy_adds(client, editor, settings):
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    # The proxy appends the address it sees; what the client sent comes first.
    for i in range(5):
        sign_in(client, "eda", "wrong", HTTP_X_FORWARDED_FOR=f"10.9.9.{i}, 198.51.100.1")

    locked = sign_in(client, "eda", HTTP_X_FORWARDED_FOR="198.51.100.1")
    elsewhere = sign_in(client, "eda", HTTP_X_FORWARDED_FOR="10.0.0.1, 198.51.100.2")

    assert locked.status_code == 429
    assert elsewhere.status_code == 302
    assert AuditEntry.objects.filter(action="sign_in").get().ip_address == "198.51.100.2"


def lock_eda(client):
    for _ in range(5):
        sign_in(client, "eda", "wrong")
    assert sign_in(client, "eda").status_code == 429


def test_an_administrator_unlocks_in_the_admin(client, editor, administrator):
    lock_eda(client)
    ada = Client()
    ada.force_login(administrator)
    listing = ada.get("/admin/axes/accessattempt/")
    assert listing.status_code == 200
    assert "eda" in listing.content.decode()

    response = ada.post(
        "/admin/axes/accessattempt/",
        {
            "action": "unlock",
            "_selected_action": list(AccessAttempt.objects.values_list("pk", flat=True)),
        },
    )

    assert response.status_code == 302
    assert sign_in(client, "eda").status_code == 302
    unlock = AuditEntry.objects.get(action=AuditEntry.Action.UNLOCK)
    assert unlock.actor_name == "ada"
    assert unlock.details == {"username": "eda", "locked_address": "127.0.0.1"}


def test_deleting_the_attempts_in_the_admin_unlocks_and_is_audited(client, editor, administrator):
    lock_eda(client)
    ada = Client()
    ada.force_login(administrator)
    attempt = AccessAttempt.objects.get()

    ada.post(f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})

    assert sign_in(client, "eda").status_code == 302
    assert AuditEntry.objects.filter(action=AuditEntry.Action.UNLOCK, actor_name="ada").exists()


def test_an_editor_cannot_unlock(client, editor, reporter):
    lock_eda(client)
    ron = Client()
    ron.force_login(reporter)

    response = ron.post(
        "/admin/axes/accessattempt/",
        {"action": "unlock", "_selected_action": [AccessAttempt.objects.get().pk]},
    )

    assert response.status_code in (302, 403)
    assert AccessAttempt.objects.exists()
    assert sign_in(client, "eda").status_code == 429


def test_the_command_line_unlocks_an_account(client, editor):
    lock_eda(client)

    call_command("axes_reset_username", "eda")

    assert sign_in(client, "eda").status_code == 302


def test_code_on_the_server_authenticates_without_a_request(editor):
    from django.contrib.auth import authenticate

    assert authenticate(username="eda", password=password_of("eda")) == editor
    assert authenticate(username="eda", password="wrong") is None


@pytest.mark.parametrize("url", [DESK, ADMIN])
def test_a_name_longer_than_any_account_is_counted_not_a_server_error(client, url):
    # axes keeps the name it was given; PostgreSQL refused one past its
    # column (255 characters), which took the sign-in page down with a 503.
    response = client.post(url, {"username": "9" * 300, "password": "falsch"})
    assert response.status_code == 200
    assert AccessAttempt.objects.get().username == "9" * 150
