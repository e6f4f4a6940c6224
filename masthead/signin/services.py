"""What happens when someone signs in, out or is locked out: session rows
and audit entries. Called from receivers.py (Django's and axes' signals)
and from the desk's session page."""

from importlib import import_module
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from masthead.audit.models import AuditEntry
from masthead.audit.services import record

from .models import SignInSession
from .throttle import client_ip

if TYPE_CHECKING:
    from axes.models import AccessAttempt

# The session value that says when SignInSession.last_seen_at was last
# written, so that most requests need no write at all.
SEEN_KEY = "masthead_seen"


def _user_agent(request: HttpRequest) -> str:
    return request.META.get("HTTP_USER_AGENT", "")[:300]


def start_session(request: HttpRequest, user: User) -> None:
    """A user has signed in: remember the session, write the audit entry."""
    now = timezone.now()
    ip = client_ip(request)
    if request.session.session_key is None:
        # Signing in over another account's session flushed it: give the
        # new one its key now rather than when the response is sent.
        request.session.save()
    with transaction.atomic():
        if key := request.session.session_key:
            SignInSession.objects.update_or_create(
                session_key=key,
                defaults={
                    "user": user,
                    "user_agent": _user_agent(request),
                    "ip_address": ip,
                    "last_seen_at": now,
                },
            )
            request.session[SEEN_KEY] = now.timestamp()
        record(user, AuditEntry.Action.SIGN_IN, ip_address=ip, path=request.path)


def touch(request: HttpRequest) -> None:
    """Note that the signed-in session of ``request`` is in use, at most
    once per ``SESSION_SEEN_INTERVAL`` seconds.

    Also re-creates the row when it is missing, e.g. after Django gave the
    session a new key (a password change does).
    """
    now = timezone.now()
    seen = request.session.get(SEEN_KEY)
    if seen is not None and now.timestamp() - seen < settings.SESSION_SEEN_INTERVAL:
        return
    key = request.session.session_key
    if key is None:
        return
    SignInSession.objects.update_or_create(
        session_key=key,
        defaults={
            "user": request.user,
            "user_agent": _user_agent(request),
            "ip_address": client_ip(request),
            "last_seen_at": now,
        },
    )
    request.session[SEEN_KEY] = now.timestamp()


def end_session(request: HttpRequest, user: User | None) -> None:
    """A user has signed out (the session is flushed right after)."""
    with transaction.atomic():
        if key := request.session.session_key:
            SignInSession.objects.filter(session_key=key).delete()
        if user is not None:
            record(user, AuditEntry.Action.SIGN_OUT, ip_address=client_ip(request))


def active_sessions(user: User | None = None) -> QuerySet[SignInSession]:
    """Signed-in sessions that the session store still holds, newest
    activity first; those of ``user`` only, when given.

    Rows whose session has expired or was deleted some other way (a new
    session key, ``clearsessions``) are removed here.
    """
    rows = SignInSession.objects.select_related("user")
    if user is not None:
        rows = rows.filter(user=user)
    alive = Session.objects.filter(expire_date__gt=timezone.now())
    rows.exclude(session_key__in=alive.values("session_key")).delete()
    return rows.filter(session_key__in=alive.values("session_key"))


def revoke(session: SignInSession, by: User, request: HttpRequest) -> None:
    """Sign the browser of ``session`` out: delete the session from the
    store (and so from the cache in front of it) and the row."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    with transaction.atomic():
        store().delete(session.session_key)
        session.delete()
        record(
            by,
            AuditEntry.Action.END_SESSION,
            ip_address=client_ip(request),
            user=session.user.get_username(),
            session_address=session.ip_address or "",
        )


def signin_failed(request: HttpRequest, username: str | None) -> None:
    """A sign-in was refused: wrong password, unknown account, or a lock.

    Attempts refused while a lock lasts are counted by axes (see the admin's
    "access attempts") but not written to the audit log one by one, so that
    a client hammering the form cannot flood it; the lock itself is.
    """
    by_account, by_address = getattr(request, "masthead_failures", (0, 0))
    refused = (
        by_account > settings.SIGNIN_FAILURE_LIMIT
        or by_address > settings.SIGNIN_ADDRESS_FAILURE_LIMIT
    )
    if refused:
        return
    ip = client_ip(request)
    name = (username or "")[:150]
    user = get_user_model().objects.filter(**{get_user_model().USERNAME_FIELD: name}).first()
    with transaction.atomic():
        record(
            user, AuditEntry.Action.SIGN_IN_FAILED, ip_address=ip, username=name, path=request.path
        )
        # Each failure adds one to both counts, so a count equal to its limit
        # is the failure that starts a lock.
        if by_account == settings.SIGNIN_FAILURE_LIMIT:
            record(
                user,
                AuditEntry.Action.LOCKED_OUT,
                ip_address=ip,
                username=name,
                minutes=settings.SIGNIN_LOCKOUT_MINUTES,
            )
        if by_address == settings.SIGNIN_ADDRESS_FAILURE_LIMIT:
            record(
                None,
                AuditEntry.Action.LOCKED_OUT,
                ip_address=ip,
                minutes=settings.SIGNIN_LOCKOUT_MINUTES,
            )


def unlock(attempts: "QuerySet[AccessAttempt]", by: User, request: HttpRequest) -> int:
    """Forget the failed attempts in ``attempts`` (a queryset of axes'
    AccessAttempt), which ends the locks they caused. Returns how many
    rows went."""
    with transaction.atomic():
        described = list(attempts.values_list("username", "ip_address").distinct())
        count, _ = attempts.delete()
        for username, ip in described:
            record(
                by,
                AuditEntry.Action.UNLOCK,
                ip_address=client_ip(request),
                username=username or "",
                locked_address=ip or "",
            )
    return count
