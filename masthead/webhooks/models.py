"""Webhooks: who wants to hear of which changes (Subscription), what
happened (Event), and the sending of one event to one subscriber
(Delivery) with every try of it (Attempt). README.md, "Webhooks", is the
receiver's side; docs/architecture.md, "Webhooks", says why it is built so.
"""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from masthead.lib.text import clean_model_text

# What a response's excerpt keeps, in characters: enough to read an error
# page's message, not so much that a chatty receiver fills the database.
EXCERPT_CHARS = 1000
# What an error's description keeps, in characters.
ERROR_CHARS = 500
# How much of a secret the desk shows after it was first shown in full.
SECRET_SHOWN = 10


class EventType(models.TextChoices):
    PUBLISHED = "article.published", _("Published")
    UPDATED = "article.updated", _("Updated while published")
    UNPUBLISHED = "article.unpublished", _("Unpublished")
    CORRECTED = "article.corrected", _("Corrected")
    DELETED = "article.deleted", _("Deleted")


def new_secret() -> str:
    """A signing secret: "whsec_" and 43 random URL-safe characters (256 bits)."""
    return "whsec_" + secrets.token_urlsafe(32)


class Subscription(models.Model):
    """A receiver of events: an address, the events it wants, and filters.

    Empty ``languages`` and ``section_ids`` mean every language and every
    section. Sections are kept as ids, not as a relation: a deleted section
    must leave a filter that matches nothing, never one that matches all.
    """

    url = models.URLField(
        _("address"),
        max_length=500,
        help_text=_("The receiver's address; Masthead sends each event to it as a POST request."),
    )
    description = models.CharField(
        _("description"),
        max_length=200,
        blank=True,
        help_text=_("What receives these events, for the newsroom's eyes only."),
    )
    events = models.JSONField(_("events"), default=list)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    section_ids = models.JSONField(_("sections"), default=list, blank=True)
    secret = models.CharField(_("secret"), max_length=100, default=new_secret, editable=False)
    active = models.BooleanField(_("active"), default=True)
    disabled_at = models.DateTimeField(_("disabled"), null=True, blank=True)
    disabled_reason = models.CharField(_("why disabled"), max_length=300, blank=True)
    # Deliveries in a row that failed on every try; a success sets it to 0.
    failures = models.PositiveIntegerField(_("failed deliveries in a row"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.url

    def save(self, *args, **kwargs):
        self.clean_text_fields()
        super().save(*args, **kwargs)

    def clean_text_fields(self) -> list[str]:
        return clean_model_text(self)

    def failures_reason(self) -> str:
        """Why it is disabled after its failures, in the active language."""
        # Translators: why a webhook was disabled, kept with it and shown in the desk.
        return ngettext(
            "Disabled automatically after %(count)s failed delivery.",
            "Disabled automatically after %(count)s failed deliveries in a row.",
            self.failures,
        ) % {"count": self.failures}

    @property
    def why_disabled(self) -> str:
        """Why it is disabled, for the desk, in the desk's language (the
        reason kept with it is in the site's, as the administrators'
        e-mail); "" when someone disabled it."""
        return self.failures_reason() if self.disabled_reason else ""

    @property
    def secret_hint(self) -> str:
        """The start of the secret, for recognising it once it was shown."""
        return self.secret[:SECRET_SHOWN] + "…"

    def wants(self, event_type: str, language: str, section_path: list[int]) -> bool:
        """True when this subscription asks for ``event_type`` about an
        article in ``language`` whose section, or a section above it, is
        one of its sections (``section_path``: the article's section and
        its ancestors' ids)."""
        return (
            event_type in self.events
            and (not self.languages or language in self.languages)
            and (not self.section_ids or bool(set(self.section_ids) & set(section_path)))
        )


class Event(models.Model):
    """Something that happened to an article, as receivers are told of it:
    ``body`` is the JSON sent, byte for byte the same on every try."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    type = models.CharField(_("event"), max_length=40, choices=EventType.choices)
    occurred_at = models.DateTimeField(_("time"))
    # A plain value: the event outlives a deleted article.
    article_id = models.BigIntegerField(_("article"), db_index=True)
    headline = models.CharField(_("headline"), max_length=200)
    body = models.TextField(_("body"))

    class Meta:
        verbose_name = _("webhook event")
        verbose_name_plural = _("webhook events")
        ordering = ["-occurred_at"]

    def __str__(self) -> str:
        return f"{self.type} {self.article_id}"


class Delivery(models.Model):
    """One event sent to one subscription, tried until it succeeds or its
    tries run out; "send again" starts another round of tries. Its id is
    the ``Masthead-Delivery`` header, the same on every try."""

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        SUCCEEDED = "succeeded", _("Delivered")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="deliveries"
    )
    subscription = models.ForeignKey(
        Subscription,
        verbose_name=_("webhook"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default="pending")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Tries in the current round (a "send again" starts a new one).
    round_tries = models.PositiveIntegerField(default=0)
    # The queued try that may run next: a job whose token is not this one
    # is outdated (its try was replaced by a "send again") and does nothing.
    token = models.CharField(max_length=40, blank=True)
    next_try_at = models.DateTimeField(_("next try"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.event} → {self.subscription}"


class Attempt(models.Model):
    """One try of a delivery, for the log: when, how long, what came back.
    ``outcome`` says what happened in the newsroom's language; ``error``
    keeps the technical detail as the network library gave it."""

    class Outcome(models.TextChoices):
        DELIVERED = "delivered", _("Delivered")
        STATUS = "status", _("The receiver answered with an error status")
        TIMEOUT = "timeout", _("No answer in time")
        REFUSED = "refused", _("Not sent: the address is not allowed")
        CONNECTION = "connection", _("The connection failed")

    delivery = models.ForeignKey(
        Delivery, verbose_name=_("delivery"), on_delete=models.CASCADE, related_name="attempts"
    )
    started_at = models.DateTimeField(_("time"))
    duration_ms = models.PositiveIntegerField(_("duration"))
    status_code = models.PositiveIntegerField(_("status"), null=True, blank=True)
    response = models.TextField(_("response"), blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    error = models.CharField(_("error"), max_length=ERROR_CHARS, blank=True)
    ok = models.BooleanField(_("succeeded"), default=False)
    # Sent by an administrator's "send again".
    manual = models.BooleanField(_("sent again"), default=False)

    class Meta:
        verbose_name = _("webhook try")
        verbose_name_plural = _("webhook tries")
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"{self.delivery_id} {self.started_at:%Y-%m-%d %H:%M:%S} {self.status_code}"
