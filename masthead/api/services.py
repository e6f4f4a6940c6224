"""Integration tokens: made, checked, revoked. Each write owns its
transaction and its audit entry, and checks no permission (the desk's
token page asks ``rules.can(user, rules.MANAGE_USERS)`` first).

A token reads ``mh_<key>_<secret>``: the key finds the row, the secret is
compared with the stored SHA-256 of it. The secret is 32 random bytes, so
a fast hash is enough (a slow one protects guessable passwords; nobody
can guess 256 bits), and a request pays no password-hashing time.
"""

import hashlib
import hmac
import re
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from masthead.audit.models import AuditEntry
from masthead.audit.services import record

from .models import IntegrationToken, Scope

PREFIX = "mh"
_TOKEN = re.compile(r"mh_([A-Za-z0-9]{16})_([A-Za-z0-9_-]{43})")
# ``last_used_at`` is written at most this often per token (every use is
# in the audit log anyway; the column is for the desk's list).
LAST_USED_PRECISION = timedelta(minutes=1)


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def create_token(
    name: str, user, scopes: list[str], *, created_by=None
) -> tuple[IntegrationToken, str]:
    """Make a token acting for ``user``; returns it and the whole token
    text, which is shown once and never stored."""
    unknown = set(scopes) - set(Scope.values)
    if unknown:
        raise ValueError(f"unknown scopes: {sorted(unknown)}")
    key = secrets.token_hex(8)
    secret = secrets.token_urlsafe(32)
    token = IntegrationToken(
        name=name.strip(),
        user=user,
        scopes=sorted(set(scopes)),
        key=key,
        secret_hash=_hash(secret),
        created_by=created_by,
    )
    token.full_clean(exclude=["secret_hash", "key"])
    token.save()
    record(
        created_by,
        AuditEntry.Action.TOKEN_CREATED,
        token=token.key,
        name=token.name,
        user=user.get_username(),
        scopes=token.scopes,
    )
    return token, f"{PREFIX}_{key}_{secret}"


@transaction.atomic
def revoke_token(token: IntegrationToken, by=None) -> IntegrationToken:
    """Revoke ``token`` for good: from now on it answers 401."""
    token = IntegrationToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record(by, AuditEntry.Action.TOKEN_REVOKED, token=token.key, name=token.name)
    return token


def token_for(text: str) -> IntegrationToken | None:
    """The active token ``text`` stands for, with its user; None for a
    malformed, unknown or revoked one, or one whose member may no longer
    sign in."""
    match = _TOKEN.fullmatch(text.strip())
    if match is None:
        return None
    token = (
        IntegrationToken.objects.select_related("user")
        .filter(key=match[1], revoked_at__isnull=True)
        .first()
    )
    if token is None or not hmac.compare_digest(token.secret_hash, _hash(match[2])):
        return None
    if not token.user.is_active:
        return None
    return token


def record_use(token: IntegrationToken, method: str, path: str, ip_address: str | None) -> None:
    """One audit entry per request the token signs; the token's "last used"
    time moves (at most once a minute, to spare the row)."""
    now = timezone.now()
    with transaction.atomic():
        record(
            token.user,
            AuditEntry.Action.API_REQUEST,
            ip_address=ip_address,
            token=token.key,
            method=method,
            path=path[:500],
        )
        if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
            IntegrationToken.objects.filter(pk=token.pk).update(last_used_at=now)
            token.last_used_at = now
