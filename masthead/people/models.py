from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from masthead.lib import images, tags
from masthead.lib.text import clean_model_text
from masthead.lib.urls import reverse_in


class Author(models.Model):
    """A person in a byline. Authors have a public page; they need no login."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    bios = models.JSONField(
        _("biographies"),
        default=dict,
        blank=True,
        help_text=_("A short biography in each content language."),
    )
    photo = images.OrientedImageField(
        _("photo"),
        upload_to="authors/",
        blank=True,
        width_field="photo_width",
        height_field="photo_height",
    )
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author",
    )

    class Meta:
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.clean_text_fields()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return self.url_in(translation.get_language())

    def clean_text_fields(self) -> list[str]:
        """Remove invisible control characters (masthead.lib.text); the
        biographies keep their lines."""
        return clean_model_text(self, multiline=["bios"])

    @property
    def bio(self) -> str:
        return (self.bios or {}).get(translation.get_language(), "")

    def url_in(self, language: str) -> str:
        tags.note(tags.AUTHOR, self.pk)
        return reverse_in(language, "articles:author", self.slug)
