"""Accounts keep Django's user model; roles are groups (see roles.py).

Two-factor sign-in uses django-otp: an authenticator app is a
``TOTPDevice`` (django_otp.plugins.otp_totp); the recovery codes are the
``RecoveryCodeDevice`` below. See twofactor.py for the rules.
"""

import hashlib

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device, ThrottlingMixin, TimestampMixin

from .roles import Role


class RolePolicy(models.Model):
    """What a role demands of its members' accounts; one row per role,
    kept in step with the roles by groups.ensure_role_groups."""

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, unique=True)
    require_two_factor = models.BooleanField(
        _("require two-factor sign-in"),
        default=False,
        help_text=_(
            "Members of this role must sign in with a second factor. Those who have not set "
            "one up are sent to set it up right after their password, and can do nothing "
            "else in the newsroom until they have."
        ),
    )

    class Meta:
        verbose_name = _("role policy")
        verbose_name_plural = _("role policies")
        ordering = ["role"]

    def __str__(self) -> str:
        return str(Role(self.role).label)


def hash_recovery_code(code: str) -> str:
    """The stored form of a recovery code: SHA-256 of its normalised text.

    Codes are 80 random bits, so a plain fast hash cannot be reversed by
    trying them all; what is stored cannot be typed in.

    >>> hash_recovery_code("ABCD-efgh") == hash_recovery_code("abcdefgh")
    True
    """
    normalised = "".join(code.split()).replace("-", "").lower()
    return hashlib.sha256(normalised.encode()).hexdigest()


class RecoveryCodeDevice(TimestampMixin, ThrottlingMixin, Device):
    """A user's single-use recovery codes, kept hashed (django-otp's own
    static tokens are kept in plain text). Each code is deleted when used."""

    class Meta:
        verbose_name = _("recovery codes")
        verbose_name_plural = _("recovery codes")

    def get_throttle_factor(self) -> int:
        return 1

    def verify_token(self, token) -> bool:
        allowed, _details = self.verify_is_allowed()
        if not allowed:
            return False
        # Deleting is the check: of two requests with the same code, one wins.
        deleted, _counts = self.codes.filter(digest=hash_recovery_code(str(token))).delete()
        if deleted:
            self.throttle_reset(commit=False)
            self.set_last_used_timestamp(commit=False)
            self.save()
            return True
        self.throttle_increment()
        return False


class RecoveryCode(models.Model):
    device = models.ForeignKey(
        RecoveryCodeDevice,
        verbose_name=_("recovery codes"),
        on_delete=models.CASCADE,
        related_name="codes",
    )
    digest = models.CharField(_("digest"), max_length=64, db_index=True)

    class Meta:
        verbose_name = _("recovery code")
        verbose_name_plural = _("recovery codes")

    def __str__(self) -> str:
        return self.digest[:8]
