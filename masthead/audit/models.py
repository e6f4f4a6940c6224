from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    """Who did what to which article, and when; and who signed in, failed to
    sign in or was locked out, from which address.

    The article is referenced by id and described by a copy of its headline
    and language, so the entry outlives the article and its author's account.
    Entries about accounts (sign-in, sessions) have no article.
    """

    class Action(models.TextChoices):
        CREATE = "create", _("created")
        EDIT = "edit", _("edited")
        SUBMIT = "submit", _("submitted for review")
        PUBLISH = "publish", _("published")
        SCHEDULE = "schedule", _("scheduled")
        UNPUBLISH = "unpublish", _("unpublished")
        RETURN = "return", _("returned to draft")
        CORRECT = "correct", _("corrected")
        TRANSLATE = "translate", _("translated")
        RESTORE = "restore", _("restored a revision")
        PREVIEW_LINK = "preview_link", _("shared a preview link")
        REVOKE_LINK = "revoke_link", _("revoked a preview link")
        DELETE = "delete", _("deleted")
        DELETE_IMAGE = "image_delete", _("deleted an image from the media library")
        FRONT_PAGE = "front_page", _("put on the front page")
        FRONT_PAGE_REMOVED = "front_page_removed", _("took off the front page")
        BREAKING = "breaking", _("marked as breaking news")
        BREAKING_ENDED = "breaking_ended", _("ended breaking news")
        # About an account, not an article.
        TWO_FACTOR_ENABLED = "2fa_enabled", _("turned two-factor sign-in on")
        TWO_FACTOR_DISABLED = "2fa_disabled", _("turned two-factor sign-in off")
        RECOVERY_CODES = "2fa_recovery_codes", _("made new recovery codes")
        RECOVERY_CODE_USED = "2fa_recovery_used", _("signed in with a recovery code")
        PASSKEY_ADDED = "passkey_added", _("added a passkey")
        PASSKEY_REMOVED = "passkey_removed", _("removed a passkey")
        PASSWORD_CHANGE = "password_change", _("changed their password")
        PASSWORD_RESET = "password_reset", _("reset their password by e-mail")
        SIGN_IN = "sign_in", _("signed in")
        SIGN_IN_FAILED = "sign_in_failed", _("failed to sign in")
        SIGN_OUT = "sign_out", _("signed out")
        LOCKED_OUT = "locked_out", _("locked out of signing in")
        UNLOCK = "unlock", _("unlocked signing in")
        END_SESSION = "end_session", _("ended a session")
        # The content API's integration tokens (masthead/api).
        TOKEN_CREATED = "token_created", _("created an integration token")
        TOKEN_REVOKED = "token_revoked", _("revoked an integration token")
        API_REQUEST = "api_request", _("used the content API")
        # About a webhook (masthead/webhooks/).
        WEBHOOK_CREATED = "webhook_created", _("added a webhook")
        WEBHOOK_CHANGED = "webhook_changed", _("changed a webhook")
        WEBHOOK_DISABLED = "webhook_disabled", _("disabled a webhook")
        WEBHOOK_ENABLED = "webhook_enabled", _("enabled a webhook")
        WEBHOOK_DELETED = "webhook_deleted", _("deleted a webhook")
        WEBHOOK_RESENT = "webhook_resent", _("sent a webhook delivery again")

    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_name = models.CharField(_("user name"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    article_id = models.BigIntegerField(_("article"), null=True, blank=True, db_index=True)
    headline = models.CharField(_("headline"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["action", "created_at"], name="audit_action_time")]

    def __str__(self) -> str:
        return f"{self.actor_name} {self.action} {self.headline}"


# The actions about accounts rather than articles (the audit page groups them).
ACCOUNT_ACTIONS = {
    AuditEntry.Action.SIGN_IN,
    AuditEntry.Action.SIGN_IN_FAILED,
    AuditEntry.Action.SIGN_OUT,
    AuditEntry.Action.LOCKED_OUT,
    AuditEntry.Action.UNLOCK,
    AuditEntry.Action.END_SESSION,
    AuditEntry.Action.TOKEN_CREATED,
    AuditEntry.Action.TOKEN_REVOKED,
    AuditEntry.Action.API_REQUEST,
}
