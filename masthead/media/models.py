"""The media library: every picture once, with what readers and the
newsroom need to know about it, and the smaller copies readers get.

An article points at its lead image (``Article.lead_image``) and at the
pictures of its body; a picture that is used cannot be deleted (PROTECT).
Alt text and caption are per content language, like section names
(``{"de": "…", "en": "…"}``): an English article never shows German alt
text. Credit, source and licence are the same in every language.
"""

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from masthead.lib import images
from masthead.lib.text import clean_model_text, credit_name


class ImageQuerySet(models.QuerySet):
    def with_thumbnails(self):
        """With the JPEG renditions of the picture's own ratio, from which
        the newsroom's thumbnails come (``rendering.thumbnail``): one more
        query for a whole grid."""
        return self.prefetch_related(
            models.Prefetch("renditions", queryset=Rendition.objects.filter(crop="", format="jpeg"))
        )

    def shown_by(self, articles):
        """The images ``articles`` (a queryset) show: as lead, social or
        body image."""
        body_image = apps.get_model("articles", "BodyImage")  # articles imports media
        return self.filter(
            models.Q(pk__in=articles.filter(lead_image__isnull=False).values("lead_image_id"))
            | models.Q(pk__in=articles.filter(social_image__isnull=False).values("social_image_id"))
            | models.Q(pk__in=body_image.objects.filter(article__in=articles).values("image_id"))
        )

    def search(self, text: str, languages: list[str]):
        """Images whose caption, credit, alt text (in any of ``languages``)
        or original file name contain ``text``. The alt text and caption
        are read per language key, so that a search for "de" does not find
        every picture with German alt text, and so that SQLite compares the
        text itself rather than its JSON spelling (``\\u00fc`` for "ü")."""
        text = text.strip()
        if not text:
            return self
        found = (
            models.Q(credit__icontains=text)
            | models.Q(original_name__icontains=text)
            | models.Q(source__icontains=text)
        )
        for language in languages:
            found |= models.Q(**{f"alt__{language}__icontains": text})
            found |= models.Q(**{f"caption__{language}__icontains": text})
        return self.filter(found)

    def with_file(self):
        """The pictures whose file is there: an imported picture still to
        be fetched is shown nowhere (``Image.has_file``)."""
        return self.exclude(file="")

    def landscape(self):
        return self.filter(width__gt=models.F("height"))

    def portrait(self):
        return self.filter(height__gt=models.F("width"))

    def square(self):
        return self.filter(width=models.F("height"))


class Image(models.Model):
    class FetchError(models.TextChoices):
        """Why the file at ``source_address`` could not be fetched (the
        last try's reason, shown in the media library)."""

        UNREACHABLE = "unreachable", _("The address could not be reached.")
        REFUSED = "refused", _("The address answered with an error.")
        TOO_LARGE = "too-large", _("The file is larger than an upload may be.")
        NOT_IMAGE = "not-image", _("The file is not an image in a format the site can show.")

    # Empty while the picture is a record of a file elsewhere (an imported
    # site's picture, ``source_address``) that is not fetched yet: pages,
    # feeds and structured data leave such a picture out (``has_file``).
    file = images.OrientedImageField(
        _("file"),
        upload_to="images/%Y/%m/",
        width_field="width",
        height_field="height",
        max_length=255,
    )
    # The size the picture is shown at (EXIF orientation applied).
    width = models.PositiveIntegerField(_("width"), null=True, editable=False)
    height = models.PositiveIntegerField(_("height"), null=True, editable=False)
    file_size = models.PositiveBigIntegerField(_("file size"), default=0, editable=False)
    original_name = models.CharField(
        _("original file name"), max_length=255, blank=True, editable=False
    )
    alt = models.JSONField(
        _("description (alt text)"),
        default=dict,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it, in each language."),
    )
    caption = models.JSONField(_("caption"), default=dict, blank=True)
    credit = models.CharField(
        _("credit"),
        max_length=200,
        blank=True,
        help_text=_('The photographer or agency. The page puts "Photo:" before it.'),
    )
    source = models.CharField(_("source"), max_length=500, blank=True)
    licence = models.CharField(_("licence"), max_length=200, blank=True)
    # Where the picture's subject is, as fractions of width and height from
    # the top left; crops to a fixed ratio keep it in view.
    focal_x = models.FloatField(_("focal point (across)"), default=0.5)
    focal_y = models.FloatField(_("focal point (down)"), default=0.5)
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now, db_index=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Where the picture came from when it was imported from another site:
    # the library keeps one image per address (an import run again finds
    # it), and a job fetches the file (media/services.py, fetch_file).
    source_address = models.URLField(
        _("original address"), max_length=2000, blank=True, editable=False
    )
    fetch_error = models.CharField(
        _("why the file could not be fetched"),
        max_length=20,
        choices=FetchError.choices,
        blank=True,
        editable=False,
    )

    objects = ImageQuerySet.as_manager()

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["-uploaded_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(focal_x__gte=0, focal_x__lte=1, focal_y__gte=0, focal_y__lte=1),
                name="image_focal_point_inside",
            ),
            models.UniqueConstraint(
                fields=["source_address"],
                condition=~models.Q(source_address=""),
                name="image_source_address_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.original_name or self.file.name

    def save(self, *args, **kwargs):
        self.clean_text_fields()
        super().save(*args, **kwargs)

    def clean_text_fields(self) -> list[str]:
        """Invisible control characters out (masthead.lib.text), and the
        "Foto:" typed before the credit (the page puts it there itself)."""
        changed = clean_model_text(self)
        credit = credit_name(self.credit)
        if credit != self.credit:
            self.credit = credit
            changed.append("credit")
        return changed

    @property
    def has_file(self) -> bool:
        """False while an imported picture's file is not fetched yet: it
        is then shown nowhere (no ``<img>`` to the old site, no broken one)."""
        return bool(self.file)

    @property
    def fetch_pending(self) -> bool:
        """The file is still to be fetched from ``source_address`` (tried
        again by the job queue when a try failed)."""
        return not self.file and bool(self.source_address)

    def alt_for(self, language: str) -> str:
        return (self.alt or {}).get(language, "")

    def caption_for(self, language: str) -> str:
        return (self.caption or {}).get(language, "")

    @property
    def orientation(self) -> str:
        """ "landscape", "portrait" or "square" (by the size it is shown at)."""
        if not self.width or not self.height or self.width == self.height:
            return "square"
        return "landscape" if self.width > self.height else "portrait"


class Rendition(models.Model):
    """A smaller copy of an image in one format, width and crop, made by a
    background job (masthead/media/renditions.py). Pages use the renditions
    that exist and the original until they do."""

    class Format(models.TextChoices):
        AVIF = "avif", "AVIF"
        WEBP = "webp", "WebP"
        JPEG = "jpeg", "JPEG"

    image = models.ForeignKey(Image, on_delete=models.CASCADE, related_name="renditions")
    # "" keeps the picture's own ratio; "16:9", "1:1", … crop around the
    # focal point.
    crop = models.CharField(max_length=10, blank=True)
    format = models.CharField(max_length=4, choices=Format.choices)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    file = models.FileField(max_length=255)
    file_size = models.PositiveBigIntegerField(default=0)
    # The focal point the crop was made for: a moved focal point makes it stale.
    focal_x = models.FloatField(default=0.5)
    focal_y = models.FloatField(default=0.5)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("rendition")
        verbose_name_plural = _("renditions")
        constraints = [
            models.UniqueConstraint(
                fields=["image", "crop", "format", "width"], name="rendition_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.image_id} {self.crop or 'original'} {self.width}w {self.format}"
