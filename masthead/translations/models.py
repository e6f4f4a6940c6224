"""A language version translated segment by segment from another one.

``Translation`` ties a version (an ``Article``) to the version it was
translated from, and keeps the source's body as it was when the segments
were last brought in step with it: the *frame* the translated body is put
together in (segments.py). ``Segment`` is one piece of text, the source's
and the translation's side by side, with where the translation came from
(a machine, a person) and whether a person has looked at it.

The segments are the translator's workspace; the article is what editors
review and readers read. services.py puts the article together from the
segments, and never lets a segment no person has read reach a reader.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from masthead.articles.models import Article

# The providers' names as people write them (providers.py).
PROVIDER_LABELS = {"deepl": "DeepL", "libretranslate": "LibreTranslate", "apertium": "Apertium"}


class Translation(models.Model):
    article = models.OneToOneField(
        Article,
        on_delete=models.CASCADE,
        related_name="translation_work",
        verbose_name=_("translation"),
    )
    source = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="translated_into",
        verbose_name=_("translated from"),
    )
    # The source's body at the last sync: the frame of the translated body.
    source_body = models.TextField(_("source body"), blank=True)
    source_version = models.PositiveIntegerField(_("source version"), default=0)
    # The machine the segments came from ("" by hand); readers are told
    # that machine assistance was used when the newsroom chooses so.
    provider = models.CharField(_("machine translation"), max_length=30, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    # The machine at work (services.machine_translate, a background job).
    class Machine(models.TextChoices):
        IDLE = "", _("Not asked")
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Translating")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    machine_state = models.CharField(
        max_length=10, choices=Machine, default=Machine.IDLE, blank=True
    )
    machine_done = models.PositiveIntegerField(default=0)
    machine_total = models.PositiveIntegerField(default=0)
    machine_error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("translation")
        verbose_name_plural = _("translations")

    def __str__(self) -> str:
        return f"{self.source_id} → {self.article_id}"

    @property
    def machine_assisted(self) -> bool:
        return bool(self.provider)

    @property
    def provider_label(self) -> str:
        return PROVIDER_LABELS.get(self.provider, self.provider)


class Segment(models.Model):
    class State(models.TextChoices):
        # Nobody has translated it yet: the translation shows the source's text.
        NEW = "new", _("Not translated")
        MACHINE = "machine", _("Machine translation, not reviewed")
        REVIEWED = "reviewed", _("Reviewed")
        EDITED = "edited", _("Edited by a person")

    translation = models.ForeignKey(Translation, on_delete=models.CASCADE, related_name="segments")
    position = models.PositiveIntegerField(_("position"))
    # What it is: "headline", "standfirst" … (a field of the article),
    # "body" (a run of the body, ``block`` its element), "alt:<image id>"
    # and "caption:<image id>" (the media library's texts of a picture),
    # "correction:<correction id>" (a correction of the source).
    key = models.CharField(_("part"), max_length=40)
    block = models.CharField(max_length=12, blank=True)
    source = models.TextField(_("original"))
    text = models.TextField(_("translation"), blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.NEW)
    # The source changed since the segment was translated: what it said
    # before (the desk shows the difference). Empty when it did not.
    previous_source = models.TextField(_("original before the change"), blank=True)
    source_changed_at = models.DateTimeField(_("original changed"), null=True, blank=True)
    # The source no longer has this text; the translator's text is kept
    # until they drop it.
    removed = models.BooleanField(_("no longer in the original"), default=False)
    # A machine's translation of the changed source, offered, never applied
    # unasked.
    suggestion = models.TextField(_("machine suggestion"), blank=True)
    updated_at = models.DateTimeField(_("updated"), null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("segment")
        verbose_name_plural = _("segments")

    def __str__(self) -> str:
        return f"{self.translation_id}:{self.position} {self.key}"

    @property
    def source_changed(self) -> bool:
        return self.source_changed_at is not None

    @property
    def pending(self) -> bool:
        """A person still has to act on it before the translation may go
        to review or out to readers."""
        return (
            self.state in (self.State.NEW, self.State.MACHINE)
            or self.source_changed
            or self.removed
        )

    @property
    def is_body(self) -> bool:
        return self.key == "body"

    @property
    def correction_id(self) -> int | None:
        return _id_in(self.key, ("correction",))

    @property
    def image_id(self) -> int | None:
        return image_id_of(self.key)


def _id_in(key: str, kinds: tuple[str, ...]) -> int | None:
    """The id in a segment's key ("alt:12" → 12) when it is of ``kinds``."""
    kind, _sep, pk = key.partition(":")
    return int(pk) if kind in kinds and pk.isdigit() else None


def image_id_of(key: str) -> int | None:
    """The picture a segment's key names ("alt:12", "caption:12"), or None."""
    return _id_in(key, ("alt", "caption"))


PENDING = (
    models.Q(state__in=[Segment.State.NEW, Segment.State.MACHINE])
    | models.Q(source_changed_at__isnull=False)
    | models.Q(removed=True)
)


class GlossaryTerm(models.Model):
    """A term a machine must not translate on its own, for one language
    pair: kept as it is (``translation`` empty), or translated as given."""

    source_language = models.CharField(_("from"), max_length=10)
    target_language = models.CharField(_("into"), max_length=10)
    term = models.CharField(_("term"), max_length=100)
    translation = models.CharField(
        _("translation"),
        max_length=100,
        blank=True,
        help_text=_("Empty: the term stays as it is (a name, a brand)."),
    )

    class Meta:
        ordering = ["source_language", "target_language", "term"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_language", "target_language", "term"],
                name="glossary_term_unique",
                violation_error_message=_(
                    "The glossary has this term for these languages already."
                ),
            )
        ]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary")

    def __str__(self) -> str:
        return f"{self.source_language}:{self.target_language} {self.term}"

    @property
    def replacement(self) -> str:
        return self.translation or self.term


class MachineUsage(models.Model):
    """Characters sent to a provider in a month (what providers bill)."""

    provider = models.CharField(_("machine translation"), max_length=30)
    month = models.DateField(_("month"))  # its first day
    characters = models.BigIntegerField(_("characters"), default=0)
    requests = models.PositiveIntegerField(_("requests"), default=0)
    failures = models.PositiveIntegerField(_("failed requests"), default=0)

    class Meta:
        ordering = ["-month", "provider"]
        constraints = [
            models.UniqueConstraint(fields=["provider", "month"], name="machine_usage_unique")
        ]
        verbose_name = _("machine translation usage")
        verbose_name_plural = _("machine translation usage")

    def __str__(self) -> str:
        return f"{self.provider} {self.month:%Y-%m}"
