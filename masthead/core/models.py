from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from masthead.lib import urlwords
from masthead.lib.i18n import content_languages


class AddressWord(models.Model):
    """A word that begins the addresses of a kind of reader page in a
    language ("artikel" in /de/artikel/…), now or before. Written by
    ``addresses.record_address_words`` only; a former word answers with a
    permanent redirect to the current one (``views.page_not_found``), for
    good, so no row is ever deleted."""

    language = models.CharField(_("language"), max_length=10, choices=content_languages)
    # Translators: which kind of reader page a word of the addresses names (article, section, …).
    key = models.CharField(_("kind of page"), max_length=20, choices=urlwords.key_choices)
    # Translators: the word of an address, e.g. "artikel" in /de/artikel/….
    word = models.CharField(_("word"), max_length=100)
    first_used_at = models.DateTimeField(_("first used"), default=timezone.now)
    # Empty while the word is in use.
    retired_at = models.DateTimeField(_("no longer used since"), null=True, blank=True)

    class Meta:
        # Translators: a word that begins readers' addresses, "artikel" in /de/artikel/….
        verbose_name = _("address word")
        verbose_name_plural = _("address words")
        ordering = ["language", "key", "-first_used_at"]
        constraints = [
            # (language, word) first: the 404 page looks a word up by them.
            models.UniqueConstraint(fields=["language", "word", "key"], name="addressword_unique"),
            models.UniqueConstraint(
                fields=["language", "key"],
                condition=models.Q(retired_at__isnull=True),
                name="addressword_one_current",
            ),
        ]

    def __str__(self) -> str:
        return f"/{self.language}/{self.word}/"
