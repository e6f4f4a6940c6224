"""Every sign-in, failure, lock and sign-out is in the audit log, and the
desk's audit page shows and filters them."""

import pytest
from django.test import Client

from masthead.audit.models import AuditEntry

from .helpers import sign_in

pytestmark = pytest.mark.django_db


def entries():
    return list(
        AuditEntry.objects.order_by("id").values_list(
            "action", "actor_name", "ip_address", "article_id"
        )
    )


def test_sign_ins_failures_locks_and_sign_outs_are_recorded(client, editor):
    for _ in range(7):
        sign_in(client, "eda", "wrong")
    laptop = Client(REMOTE_ADDR="192.0.2.7")
    sign_in(laptop, "eda")
    laptop.post("/desk/logout/")

    here = "127.0.0.1"
    assert entries() == [
        *[("sign_in_failed", "eda", here, None)] * 5,
        # The fifth failure starts the lock; the two refused attempts after
        # it are counted by axes, not written one by one.
        ("locked_out", "eda", here, None),
        ("sign_in", "eda", "192.0.2.7", None),
        ("sign_out", "eda", "192.0.2.7", None),
    ]
    lock = AuditEntry.objects.get(action="locked_out")
    assert lock.details == {"username": "eda", "minutes": 15}


def test_a_failure_for_an_unknown_account_names_what_was_typed(client):
    sign_in(client, "nobody", "guess", url="/admin/login/")

    entry = AuditEntry.objects.get()
    assert (entry.action, entry.actor, entry.actor_name) == ("sign_in_failed", None, "")
    assert entry.details == {"username": "nobody", "path": "/admin/login/"}


def test_locking_an_address_is_recorded_once(client):
    for i in range(25):
        sign_in(client, f"guess{i}", "wrong")

    locks = AuditEntry.objects.filter(action="locked_out")
    assert [(e.actor_name, e.ip_address, e.details) for e in locks] == [
        ("", "127.0.0.1", {"minutes": 15})
    ]
    assert AuditEntry.objects.filter(action="sign_in_failed").count() == 20


def test_the_audit_page_shows_and_filters_sign_in_events(client, editor, administrator):
    for _ in range(5):
        sign_in(client, "eda", "wrong", HTTP_ACCEPT_LANGUAGE="en")
    sign_in(Client(REMOTE_ADDR="192.0.2.7"), "eda")
    ada = Client(HTTP_ACCEPT_LANGUAGE="en")
    ada.force_login(administrator)

    everything = ada.get("/desk/audit/").content.decode()
    locks = ada.get("/desk/audit/", {"action": "locked_out"}).content.decode()
    from_laptop = ada.get("/desk/audit/", {"address": "192.0.2.7"}).content.decode()
    bad_address = ada.get("/desk/audit/", {"address": "192.0.2.x"})

    assert "failed to sign in" in everything
    assert "locked out of signing in" in locks
    assert "failed to sign in</td>" not in locks
    assert "1 entry" in locks
    assert "192.0.2.7" in from_laptop
    # Signed in from the laptop and ada's own sign-in (no address in tests).
    assert "1 entry" in from_laptop
    assert bad_address.status_code == 200
    assert "Enter an IPv4 or IPv6 address" in bad_address.content.decode()
    assert '<optgroup label="Signing in">' in everything
