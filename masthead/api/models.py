from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    """What an integration token may do beyond reading what readers read.
    A scope never widens the member's rights: every write still asks
    ``masthead.accounts.rules.can`` for the member the token acts for."""

    READ_DRAFTS = "read:drafts", _("Read drafts and articles in review")
    WRITE_ARTICLES = "write:articles", _("Create and edit drafts, submit them for review")
    PUBLISH = "publish", _("Publish and schedule articles")
    MEDIA_WRITE = "media:write", _("Upload images to the media library")


class IntegrationToken(models.Model):
    """A secret with which another system (an app, a newsletter tool, the
    print system) uses the content API on behalf of one newsroom member.

    Only a hash of the secret is stored: the desk shows the secret once,
    when the token is made. The ``key`` is the secret's public first part,
    which finds the row (and names the token in the audit log)."""

    name = models.CharField(
        _("name"), max_length=100, help_text=_("The system that uses it, e.g. “Newsletter”.")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("acts for"),
        on_delete=models.CASCADE,
        related_name="integration_tokens",
        help_text=_("The newsroom member whose rights the token has, and no more."),
    )
    scopes = models.JSONField(_("scopes"), default=list, blank=True)
    key = models.CharField(_("key"), max_length=16, unique=True, editable=False)
    secret_hash = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("integration token")
        verbose_name_plural = _("integration tokens")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.key})"

    @property
    def shown_part(self) -> str:
        """What the desk shows of the token to tell it apart: its key, never
        its secret (``mh_<key>_…``)."""
        return f"mh_{self.key}_…"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def has_scope(self, scope: str) -> bool:
        return scope in (self.scopes or [])

    def scope_labels(self) -> list[str]:
        labels = dict(Scope.choices)
        return [str(labels.get(scope, scope)) for scope in self.scopes or []]
