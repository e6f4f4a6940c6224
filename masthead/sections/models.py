import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from masthead.lib import tags
from masthead.lib.i18n import content_language_codes, content_languages, language_name, pick
from masthead.lib.text import clean_model_text
from masthead.lib.urls import reverse_in


class Section(models.Model):
    """A part of the site ("Welt" / "World"). Sections form a tree; each has a
    name and a slug per content language."""

    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent section"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    names = models.JSONField(
        _("names"), default=dict, help_text=_("The section's name in each content language.")
    )
    slugs = models.JSONField(
        _("slugs"),
        default=dict,
        help_text=_("The section's address in each content language, e.g. “welt” and “world”."),
    )
    position = models.PositiveIntegerField(
        _("position"), default=0, help_text=_("Sections are listed in ascending order.")
    )

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.clean_text_fields()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return self.url_in(translation.get_language() or settings.LANGUAGE_CODE)

    def clean_text_fields(self) -> list[str]:
        """Remove invisible control characters (masthead.lib.text)."""
        return clean_model_text(self, slugs=["slugs"])

    @property
    def name(self) -> str:
        """The name in the active language."""
        return pick(self.names)

    @property
    def slug(self) -> str:
        return pick(self.slugs)

    def slug_in(self, language: str) -> str:
        """The section's address word in ``language``: its own, else the
        one its name falls back to (``pick``), so that a section without an
        Arabic name still has a page on the Arabic site (/ar/…/welt/)
        instead of a link into the German one."""
        return pick(self.slugs, language)

    def url_in(self, language: str) -> str | None:
        tags.note(tags.SECTION, self.pk)
        slug = self.slug_in(language)
        if not slug:
            return None
        return reverse_in(language, "articles:section", slug)

    def clean(self) -> None:
        errors = {}
        for code in content_language_codes():
            slug = (self.slugs or {}).get(code, "")
            if not (self.names or {}).get(code):
                errors.setdefault("names", []).append(
                    _("Enter a name in %(language)s.") % {"language": language_name(code)}
                )
            if not slug:
                errors.setdefault("slugs", []).append(
                    _("Enter an address in %(language)s.") % {"language": language_name(code)}
                )
            elif Section.objects.exclude(pk=self.pk).filter(**{f"slugs__{code}": slug}).exists():
                errors.setdefault("slugs", []).append(
                    _("Another section already uses the address “%(slug)s”.") % {"slug": slug}
                )
        node = self.parent
        while node is not None:
            if node.pk == self.pk:
                errors["parent"] = _("A section cannot be placed inside itself.")
                break
            node = node.parent
        if errors:
            raise ValidationError(errors)


class Tag(models.Model):
    """A keyword in one language; articles of that language share it."""

    language = models.CharField(_("language"), max_length=10, choices=content_languages)
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, allow_unicode=True)
    # The versions of one topic in the other languages share this key
    # ("Haushalt" and "Budget"); translating an article picks them.
    topic = models.UUIDField(_("topic"), null=True, blank=True, editable=False, db_index=True)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["language", "slug"], name="tag_unique_slug"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.clean_text_fields()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        tags.note(tags.TOPIC, self.pk)
        return reverse_in(self.language, "articles:tag", self.slug)

    def versions(self):
        """The versions of this topic in the other languages."""
        if self.topic is None:
            return Tag.objects.none()
        return Tag.objects.filter(topic=self.topic).exclude(pk=self.pk)

    def link(self, other: "Tag") -> None:
        """Make ``other`` (a tag in another language) a version of this topic."""
        key = other.topic or self.topic or uuid.uuid4()
        for tag in (self, other):
            if tag.topic != key:
                tag.topic = key
                tag.save(update_fields=["topic"])

    def clean_text_fields(self) -> list[str]:
        return clean_model_text(self)
