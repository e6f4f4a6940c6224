from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SignInSession(models.Model):
    """One signed-in browser: a Django session and who it belongs to.

    The session itself lives in the session store (the database, with Redis
    in front when ``REDIS_URL`` is set); this row only says whose it is and
    where it came from, so a user can see their sessions and end them.
    ``last_seen_at`` is refreshed at most every ``SESSION_SEEN_INTERVAL``
    seconds (middleware.SessionActivityMiddleware), not on every request.
    """

    session_key = models.CharField(_("session key"), max_length=40, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="signin_sessions",
    )
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    created_at = models.DateTimeField(_("signed in"), auto_now_add=True)
    last_seen_at = models.DateTimeField(_("last activity"))

    class Meta:
        verbose_name = _("signed-in session")
        verbose_name_plural = _("signed-in sessions")
        ordering = ["-last_seen_at", "-id"]

    def __str__(self) -> str:
        return f"{self.user} {self.ip_address or ''} {self.created_at:%Y-%m-%d %H:%M}"
