"""Sending an event to a subscriber: the signed request, the tries and
their log, and disabling a subscriber that keeps failing.

Each delivery is tried by a job (masthead/lib/jobs.py). A try that fails
(no answer within ``WEBHOOKS_TIMEOUT``, a refused connection, any status
but 2xx) is logged and the next try queued, ``WEBHOOKS_RETRY_SECONDS``
later, then twice as long after each further failure, up to
``WEBHOOKS_ATTEMPTS`` tries. This schedule is the delivery's own, not the
queue's retries: a receiver that is down is not a failure of Masthead's,
so it belongs in the webhook's log, not among the failed jobs, and each
try is written down with what came back.
"""

import functools
import hashlib
import hmac
import http.client
import io
import socket
import time
import uuid
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from masthead.lib.jobs import job, uses_database
from masthead.lib.network import NotPublic, PublicHTTPConnection, PublicHTTPSConnection

from .models import ERROR_CHARS, EXCERPT_CHARS, Attempt, Delivery, Subscription

# Bytes of a response body read at most (the excerpt keeps less).
READ_BYTES = 64 * 1024
USER_AGENT = "Masthead-Webhooks/1"


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The ``Masthead-Signature`` header: ``t=<unix time>,v1=<hex HMAC-SHA256
    of "<t>.<body>" keyed with the secret>``, as Stripe signs its webhooks.

    >>> sign("whsec_test", 1700000000, b'{"a":1}')[:13]
    't=1700000000,'
    """
    signed = str(timestamp).encode() + b"." + body
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def start(delivery: Delivery, *, manual: bool = False) -> None:
    """Queue the first try of a new round of ``delivery`` (in the caller's
    transaction: the job is enqueued once it commits)."""
    delivery.state = Delivery.State.PENDING
    delivery.round_tries = 0
    delivery.token = uuid.uuid4().hex
    delivery.next_try_at = timezone.now()
    delivery.save(update_fields=["state", "round_tries", "token", "next_try_at"])
    pk, token = str(delivery.pk), delivery.token
    transaction.on_commit(lambda: deliver.enqueue(pk, token, manual))


@job(attempts=1)
def deliver(delivery_id: str, token: str, manual: bool = False) -> None:
    """Try ``delivery_id`` once, if ``token`` is still its queued try; log
    the try, and queue the next one or settle the delivery."""
    delivery = (
        Delivery.objects.select_related("event", "subscription").filter(pk=delivery_id).first()
    )
    if delivery is None or delivery.token != token or delivery.state != Delivery.State.PENDING:
        return  # deleted, or replaced by a "send again", or already settled
    subscription = delivery.subscription
    if not subscription.active:
        # Disabled since it was queued: the round ends here, uncounted.
        Delivery.objects.filter(pk=delivery.pk, token=token).update(
            state=Delivery.State.FAILED, token="", next_try_at=None
        )
        return
    attempt = send(delivery)
    attempt.manual = manual
    with transaction.atomic():
        current = Delivery.objects.select_for_update().filter(pk=delivery.pk, token=token).first()
        if current is None:
            return
        attempt.save()
        current.round_tries += 1
        if attempt.ok:
            current.state = Delivery.State.SUCCEEDED
            current.token, current.next_try_at = "", None
            Subscription.objects.filter(pk=subscription.pk).update(failures=0)
        elif current.round_tries < settings.WEBHOOKS_ATTEMPTS and uses_database():
            current.token = uuid.uuid4().hex
            current.next_try_at = timezone.now() + retry_delay(current.round_tries)
            # In this transaction: the queue is a table of the same database.
            deliver.using(run_after=current.next_try_at).enqueue(
                str(current.pk), current.token, manual
            )
        else:
            current.state = Delivery.State.FAILED
            current.token, current.next_try_at = "", None
            _count_failure(subscription)
        current.save(update_fields=["state", "round_tries", "token", "next_try_at"])


def retry_delay(tries: int) -> timedelta:
    """The wait after ``tries`` failed tries: WEBHOOKS_RETRY_SECONDS, doubled
    after each further failure (1 min, 2 min, 4 min, … by default)."""
    return timedelta(seconds=settings.WEBHOOKS_RETRY_SECONDS * 2 ** (tries - 1))


def _count_failure(subscription: Subscription) -> None:
    """One more delivery failed on every try; past WEBHOOKS_DISABLE_AFTER in
    a row the subscription is disabled and the administrators are told."""
    from .services import disable_for_failures

    Subscription.objects.filter(pk=subscription.pk).update(failures=F("failures") + 1)
    subscription.refresh_from_db(fields=["failures", "active"])
    if subscription.active and subscription.failures >= settings.WEBHOOKS_DISABLE_AFTER:
        disable_for_failures(subscription)


class Refused(Exception):
    """The target may not be sent to (an address that is not public)."""


def send(delivery: Delivery) -> Attempt:
    """POST the event to the subscription's address, signed; never raises.
    The attempt is returned unsaved."""
    subscription, event = delivery.subscription, delivery.event
    body = event.body.encode()
    timestamp = int(time.time())
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": USER_AGENT,
        "Masthead-Event": event.type,
        "Masthead-Event-Id": str(event.pk),
        "Masthead-Delivery": str(delivery.pk),
        "Masthead-Signature": sign(subscription.secret, timestamp, body),
    }
    started_at = timezone.now()
    clock = time.monotonic()
    Outcome = Attempt.Outcome
    status, text, error, outcome = None, "", "", Outcome.DELIVERED
    try:
        status, text = post(subscription.url, body, headers, settings.WEBHOOKS_TIMEOUT)
        if not 200 <= status < 300:
            error, outcome = f"HTTP {status}", Outcome.STATUS
    except Refused as refused:
        error, outcome = str(refused), Outcome.REFUSED
    except TimeoutError:
        error, outcome = f"No answer within {settings.WEBHOOKS_TIMEOUT} s", Outcome.TIMEOUT
    except (OSError, http.client.HTTPException, ValueError) as failure:
        error, outcome = f"{type(failure).__name__}: {failure}", Outcome.CONNECTION
    duration = round((time.monotonic() - clock) * 1000)
    # A receiver's answer may hold NUL, which PostgreSQL's text refuses.
    text, error = text.replace("\x00", "\ufffd"), error.replace("\x00", "\ufffd")
    return Attempt(
        delivery=delivery,
        started_at=started_at,
        duration_ms=duration,
        status_code=status,
        response=text[:EXCERPT_CHARS],
        outcome=outcome,
        error=error[:ERROR_CHARS],
        ok=outcome == Outcome.DELIVERED,
    )


def post(url: str, body: bytes, headers: dict, timeout: float) -> tuple[int, str]:
    """POST ``body`` to ``url``; the status and the start of the response.

    The host is resolved once and the connection made to the address that
    was checked (so a name cannot point elsewhere between the check and
    the request); redirects are not followed. ``timeout`` bounds the whole
    try, not each read."""
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise Refused("Not an http(s) address")
    if parts.scheme == "http" and not settings.WEBHOOKS_ALLOW_HTTP:
        raise Refused("Plain http:// is not allowed (WEBHOOKS_ALLOW_HTTP)")
    deadline = time.monotonic() + timeout
    connection_class = PublicHTTPSConnection if parts.scheme == "https" else PublicHTTPConnection
    connection = connection_class(
        parts.netloc.rpartition("@")[2],
        timeout=timeout,
        allow_private=settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES,
    )
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    # The answer is read against the deadline, its status line and headers
    # too: a receiver sending a byte now and then cannot hold a worker.
    connection.response_class = functools.partial(_ResponseUntil, deadline=deadline)
    try:
        try:
            connection.request("POST", path, body=body, headers=headers)
        except NotPublic as refused:
            raise Refused(str(refused)) from None
        response = connection.getresponse()
        chunks, size = [], 0
        while size < READ_BYTES:
            chunk = response.read1(READ_BYTES - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return response.status, b"".join(chunks).decode("utf-8", "replace")
    finally:
        connection.close()


class _ReadUntil(io.RawIOBase):
    """A socket's reader (``socket.makefile``) that gives up at ``deadline``
    (``time.monotonic()``), however slowly the answer comes."""

    def __init__(self, reader, sock: socket.socket, deadline: float):
        self.reader, self.sock, self.deadline = reader, sock, deadline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        self.sock.settimeout(left)
        return self.reader.raw.readinto(buffer)  # one read of the socket

    def close(self) -> None:
        self.reader.close()  # lets the connection's socket close
        super().close()


class _ResponseUntil(http.client.HTTPResponse):
    def __init__(self, sock, *args, deadline: float, **kwargs):
        super().__init__(sock, *args, **kwargs)
        self.fp = io.BufferedReader(_ReadUntil(self.fp, sock, deadline))
