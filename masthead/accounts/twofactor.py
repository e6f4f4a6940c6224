"""Two-factor sign-in: the rules and the writes, in one place.

A user "has two-factor sign-in" when they have a confirmed authenticator
app (a django-otp ``TOTPDevice``) or a passkey (django-otp-webauthn's
``WebAuthnCredential``, see passkeys.py); their recovery codes come with
the first of them. A role
can require it (``RolePolicy``). Signing in is then two steps: the
password leaves only a *pending* sign-in in the session (the user is not
signed in yet); a code from the authenticator or a recovery code
completes it, or the browser signs in with a passkey
(``complete_sign_in``). Every change is written to the audit
log in the same transaction.
"""

import secrets
import time
from base64 import b32encode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.db import transaction
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from masthead.audit.models import AuditEntry
from masthead.audit.services import record

from . import passkeys
from .models import RecoveryCode, RecoveryCodeDevice, RolePolicy, hash_recovery_code
from .roles import roles_of

RECOVERY_CODES = 10
# Wrong codes allowed in one pending sign-in; then it is dropped and the
# password has to be given again.
MAX_CODE_ATTEMPTS = 5
PENDING_KEY = "masthead_2fa_pending"


def has_two_factor(user) -> bool:
    # One query: the two-factor middleware asks this on every desk request.
    apps = TOTPDevice.objects.filter(user=user, confirmed=True).values("pk")
    return apps.union(passkeys.passkeys_of(user).order_by().values("pk")).exists()


def has_authenticator(user) -> bool:
    """Whether the user has a confirmed authenticator app."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def requires_two_factor(user) -> bool:
    """True when one of the user's roles requires two-factor sign-in."""
    roles = roles_of(user)
    return (
        bool(roles) and RolePolicy.objects.filter(role__in=roles, require_two_factor=True).exists()
    )


def recovery_codes_left(user) -> int:
    return RecoveryCode.objects.filter(device__user=user).count()


# Setting up, regenerating, disabling


def unconfirmed_device(user) -> TOTPDevice:
    """The authenticator being set up: the same secret until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    return device


def secret_of(device: TOTPDevice) -> str:
    """The secret as people type it into an app: base32 in groups of four."""
    text = b32encode(device.bin_key).decode()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def _new_codes() -> list[str]:
    codes = []
    for _ in range(RECOVERY_CODES):
        raw = b32encode(secrets.token_bytes(10)).decode().lower()  # 80 bits, 16 letters
        codes.append("-".join(raw[i : i + 4] for i in range(0, 16, 4)))
    return codes


def _replace_recovery_codes(user) -> list[str]:
    RecoveryCodeDevice.objects.filter(user=user).delete()
    device = RecoveryCodeDevice.objects.create(user=user, name="recovery codes")
    codes = _new_codes()
    RecoveryCode.objects.bulk_create(
        [RecoveryCode(device=device, digest=hash_recovery_code(code)) for code in codes]
    )
    return codes


def _first_recovery_codes(user) -> list[str]:
    """Recovery codes for a user who has none yet (their first second
    factor); [] when they have some: those stay valid."""
    if RecoveryCodeDevice.objects.filter(user=user).exists():
        return []
    return _replace_recovery_codes(user)


def confirm_device(request, device: TOTPDevice, code: str) -> list[str] | None:
    """Add the authenticator app ``device`` if ``code`` is right.

    Returns the new recovery codes (to be shown once; [] if the user had
    some already, from a passkey), or None for a wrong code. This session
    counts as verified from now on.
    """
    user = request.user
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=user)
        if device.confirmed or not device.verify_token(code):
            return None
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        codes = _first_recovery_codes(user)
        record(user, AuditEntry.Action.TWO_FACTOR_ENABLED)
    otp_login(request, device)
    return codes


def regenerate_recovery_codes(user) -> list[str]:
    with transaction.atomic():
        codes = _replace_recovery_codes(user)
        record(user, AuditEntry.Action.RECOVERY_CODES)
    return codes


def passkey_added(user, device: WebAuthnCredential) -> list[str]:
    """Write down a new passkey; returns the recovery codes to be shown
    once if it is the user's first second factor, else []. Called in the
    transaction that saved it."""
    codes = _first_recovery_codes(user)
    record(user, AuditEntry.Action.PASSKEY_ADDED, name=device.name)
    return codes


def remove_passkey(user, device: WebAuthnCredential) -> bool:
    """Remove one of the user's passkeys; True when it was their last
    second factor, and two-factor sign-in is now off."""
    with transaction.atomic():
        device.delete()
        record(user, AuditEntry.Action.PASSKEY_REMOVED, name=device.name)
        if has_two_factor(user):
            return False
        RecoveryCodeDevice.objects.filter(user=user).delete()
        record(user, AuditEntry.Action.TWO_FACTOR_DISABLED)
    return True


def disable(user) -> None:
    """Everything off: the authenticator app, every passkey, the codes."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        WebAuthnCredential.objects.filter(user=user).delete()
        RecoveryCodeDevice.objects.filter(user=user).delete()
        record(user, AuditEntry.Action.TWO_FACTOR_DISABLED)


# Signing in


def start_pending(request, user, next_url: str = "") -> None:
    """After the right password: remember who is signing in, nothing more."""
    request.session[PENDING_KEY] = {
        "user": user.pk,
        "backend": getattr(user, "backend", settings.AUTHENTICATION_BACKENDS[0]),
        "since": time.time(),
        "next": next_url,
        "failures": 0,
    }


def pending_user(request):
    """The user of the pending sign-in, or None (none, expired or inactive)."""
    pending = request.session.get(PENDING_KEY)
    if not pending:
        return None
    if time.time() - pending["since"] > settings.TWO_FACTOR_PENDING_SECONDS:
        drop_pending(request)
        return None
    user = get_user_model().objects.filter(pk=pending["user"], is_active=True).first()
    if user is None:
        drop_pending(request)
    return user


def drop_pending(request) -> None:
    request.session.pop(PENDING_KEY, None)


def check_code(user, code: str):
    """The device that accepts ``code`` (authenticator first, then a
    recovery code), or None. Each device also slows down repeated failures."""
    code = "".join(code.split())
    with transaction.atomic():
        if code.isdigit() and code.isascii():
            for device in TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True):
                if device.verify_token(code):
                    return device
            return None
        for device in RecoveryCodeDevice.objects.select_for_update().filter(user=user):
            if device.verify_token(code):
                record(user, AuditEntry.Action.RECOVERY_CODE_USED, left=recovery_codes_left(user))
                return device
    return None


def count_failure(request) -> bool:
    """Count a wrong code; True when the pending sign-in was dropped for it."""
    pending = request.session[PENDING_KEY]
    pending["failures"] += 1
    if pending["failures"] >= MAX_CODE_ATTEMPTS:
        drop_pending(request)
        return True
    request.session[PENDING_KEY] = pending
    return False


def complete_sign_in(request, user, device) -> str:
    """Sign ``user`` in, verified by ``device``; returns where they wanted to go."""
    pending = request.session.get(PENDING_KEY, {})
    auth_login(request, user, backend=pending.get("backend"))
    otp_login(request, device)
    drop_pending(request)
    return pending.get("next", "")
