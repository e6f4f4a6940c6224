"""Deliveries to real HTTP servers: signed as README.md documents, tried
again with a growing wait when the receiver fails, is slow or never
answers, each try in the log; a webhook that keeps failing is disabled and
the administrators are told."""

import json
import time
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from masthead.webhooks import delivery as delivering
from masthead.webhooks.models import Attempt, Delivery, Subscription

from .receivers import Raw, Receiver, Silent, binary_error, documented_verify, trickle


def test_a_delivery_is_signed_as_documented(subscribe, make_article, commit):
    with Receiver() as receiver:
        hook = subscribe(receiver.url)
        receiver.secret = hook.secret
        with commit():
            make_article()

    (received,) = receiver.received
    assert received.verified  # with README.md's code, as a receiver runs it
    signature = received.headers["masthead-signature"]
    timestamp = int(signature.split(",")[0].removeprefix("t="))
    assert abs(time.time() - timestamp) < 60
    verify = documented_verify()
    assert not verify("whsec_another", received.body, signature)
    assert not verify(hook.secret, received.body + b" ", signature)
    (delivery,) = Delivery.objects.all()
    assert received.headers["masthead-delivery"] == str(delivery.pk)
    assert delivery.state == Delivery.State.SUCCEEDED
    (attempt,) = delivery.attempts.all()
    assert (attempt.ok, attempt.status_code, attempt.response) == (True, 200, "Stored.")
    assert (attempt.outcome, attempt.error) == ("delivered", "")


def test_a_receiver_refuses_an_old_signature():
    verify = documented_verify()
    body = b'{"id":"x"}'
    now = int(time.time())
    assert verify("whsec_k", body, delivering.sign("whsec_k", now, body))
    assert not verify("whsec_k", body, delivering.sign("whsec_k", now - 301, body))
    assert not verify("whsec_k", body, "v1=deadbeef")


def test_a_failing_receiver_is_tried_again_and_every_try_is_logged(subscribe, make_article, commit):
    with Receiver(status=500) as receiver:
        subscribe(receiver.url)
        with commit():
            make_article()

    assert len(receiver.received) == 3  # WEBHOOKS_ATTEMPTS
    (delivery,) = Delivery.objects.all()
    assert delivery.state == Delivery.State.FAILED
    attempts = list(delivery.attempts.order_by("started_at", "id"))
    assert [(a.ok, a.status_code, a.outcome, a.error) for a in attempts] == [
        (False, 500, "status", "HTTP 500")
    ] * 3
    # The answer's start, bounded.
    assert attempts[0].response.startswith("Something broke on our side.")
    assert len(attempts[0].response) == 1000
    # The same delivery and event id on every try.
    assert {r.headers["masthead-delivery"] for r in receiver.received} == {str(delivery.pk)}


def test_it_waits_twice_as_long_after_each_failure(
    subscribe, make_article, commit, settings, settle
):
    settings.WEBHOOKS_RETRY_SECONDS = 60
    start = timezone.now().replace(microsecond=0)
    with Receiver(status=500) as receiver, time_machine.travel(start, tick=False) as clock:
        subscribe(receiver.url)
        with commit():
            make_article()
        assert len(receiver.received) == 1
        delivery = Delivery.objects.get()
        assert delivery.next_try_at == start + timedelta(seconds=60)
        waiting = DBTaskResult.objects.filter(status="READY").get()
        assert waiting.run_after == start + timedelta(seconds=60)

        clock.move_to(start + timedelta(seconds=59))
        settle()
        assert len(receiver.received) == 1  # not yet
        clock.move_to(start + timedelta(seconds=60))
        settle()
        assert len(receiver.received) == 2
        delivery.refresh_from_db()
        assert delivery.next_try_at == start + timedelta(seconds=60 + 120)
        clock.move_to(delivery.next_try_at)
        settle()
    assert len(receiver.received) == 3
    delivery.refresh_from_db()
    assert (delivery.state, delivery.next_try_at) == (Delivery.State.FAILED, None)


RECEIVERS = {
    "slow": lambda: Receiver(delay=3),
    "silent": Silent,
    # Its headers would take 10 s: the whole try is bounded, not each read.
    "trickle": lambda: Raw(trickle),
}


@pytest.mark.parametrize(("receiver", "limit"), [("slow", 20), ("silent", 20), ("trickle", 8)])
def test_a_slow_or_silent_receiver_times_out(
    subscribe, make_article, commit, settings, receiver, limit
):
    settings.WEBHOOKS_ATTEMPTS = 1
    with RECEIVERS[receiver]() as server:
        subscribe(server.url)
        began = time.monotonic()
        with commit():
            make_article()
        took = time.monotonic() - began
    (attempt,) = Attempt.objects.all()
    assert not attempt.ok
    assert attempt.status_code is None
    assert (attempt.outcome, attempt.error) == ("timeout", "No answer within 1 s")
    assert attempt.duration_ms >= 900  # it waited for the timeout (no status: not for the answer)
    assert took < limit  # the try gave up (a limit for a busy machine, not a wait)


def test_an_answer_with_nul_bytes_is_logged(subscribe, make_article, commit, settings):
    settings.WEBHOOKS_ATTEMPTS = 1
    with Raw(binary_error) as server:
        subscribe(server.url)
        with commit():
            make_article()
    (attempt,) = Attempt.objects.all()
    assert (attempt.ok, attempt.status_code) == (False, 500)
    assert "\x00" not in attempt.response and "Fehler" in attempt.response
    assert Delivery.objects.get().state == Delivery.State.FAILED


def test_a_webhook_that_keeps_failing_is_disabled_and_administrators_are_told(
    subscribe, make_article, commit, administrator, editor, settings
):
    settings.LANGUAGE_CODE = "en"  # the notice and the reason speak the site's language
    administrator.email = "ada@example.org"
    administrator.save()
    editor.email = "eda@example.org"
    editor.save()
    with Receiver(status=500) as receiver:
        hook = subscribe(receiver.url)
        with commit():
            make_article("Erste Meldung")
        hook.refresh_from_db()
        assert (hook.active, hook.failures) == (True, 1)
        assert mail.outbox == []
        with commit():
            make_article("Zweite Meldung")
        hook.refresh_from_db()
        assert (hook.active, hook.failures) == (False, 2)  # WEBHOOKS_DISABLE_AFTER
        assert hook.disabled_reason == "Disabled automatically after 2 failed deliveries in a row."
        (message,) = mail.outbox
        assert message.to == ["ada@example.org"]  # administrators only
        assert receiver.url in message.body
        assert reverse("desk:webhook_detail", args=[hook.pk]) in message.body

        # Disabled: the next event is not sent to it.
        with commit():
            make_article("Dritte Meldung")
        assert len(receiver.received) == 6
        assert Delivery.objects.count() == 2


def test_a_success_resets_the_count(subscribe, make_article, commit):
    with Receiver(status=500) as receiver:
        hook = subscribe(receiver.url)
        with commit():
            make_article("Erste Meldung")
        hook.refresh_from_db()
        assert hook.failures == 1
        receiver.status = 200
        with commit():
            make_article("Zweite Meldung")
    hook.refresh_from_db()
    assert (hook.active, hook.failures) == (True, 0)


def test_send_again_delivers_the_same_event_anew(
    subscribe, make_article, commit, administrator, client
):
    with Receiver(status=500) as receiver:
        hook = subscribe(receiver.url)
        with commit():
            make_article()
        delivery = Delivery.objects.get()
        assert delivery.state == Delivery.State.FAILED
        receiver.status = 200
        receiver.secret = hook.secret
        client.force_login(administrator)
        url = reverse("desk:webhook_resend", args=[hook.pk, delivery.pk])
        with commit():
            response = client.post(url)
        assert response.status_code == 302
    delivery.refresh_from_db()
    assert delivery.state == Delivery.State.SUCCEEDED
    first, *_, last = receiver.received
    assert last.verified
    assert last.body == first.body  # the same event, byte for byte
    assert last.headers["masthead-delivery"] == str(delivery.pk)
    attempts = list(delivery.attempts.order_by("started_at", "id"))
    assert len(attempts) == 4
    assert attempts[-1].manual and attempts[-1].ok
    page = client.get(reverse("desk:webhook_detail", args=[hook.pk]))
    assert page.status_code == 200
    assert "Something broke on our side." in page.content.decode()


def test_send_again_needs_a_post_and_its_token(subscribe, make_article, commit, administrator):
    from django.test import Client

    with Receiver(status=500) as receiver:
        hook = subscribe(receiver.url)
        with commit():
            make_article()
    delivery = Delivery.objects.get()
    client = Client(enforce_csrf_checks=True)
    client.force_login(administrator)
    url = reverse("desk:webhook_resend", args=[hook.pk, delivery.pk])
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 403  # no CSRF token
    delivery.refresh_from_db()
    assert delivery.state == Delivery.State.FAILED


def test_an_outdated_try_does_nothing(subscribe, make_article, commit):
    """A try replaced by a "send again" (another token) is not sent."""
    with Receiver() as receiver:
        subscribe(receiver.url)
        with commit():
            make_article()
        delivery = Delivery.objects.get()
        delivering.deliver.call(str(delivery.pk), "an-old-token")
    assert len(receiver.received) == 1


def test_the_body_is_json_of_the_event(subscribe, make_article, commit):
    with Receiver() as receiver:
        subscribe(receiver.url)
        with commit():
            make_article()
    body = json.loads(receiver.received[0].body)
    assert body["type"] == "article.published"
    assert receiver.received[0].headers["content-type"] == "application/json; charset=utf-8"
    assert Subscription.objects.get().failures == 0
