"""Forms of the media library's desk pages (masthead/desk/media.py)."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from masthead.lib import images
from masthead.lib.forms import RefuseControlCharacters
from masthead.lib.i18n import content_language_codes, language_name
from masthead.media.models import Image
from masthead.media.services import original_name

from .forms import check_upload

# At most this many files in one upload.
MAX_FILES = 20


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """One or several files; each is checked like the article form's image."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget",
            MultipleFileInput(attrs={"accept": ",".join(sorted(set(images.MEDIA_TYPES.values())))}),
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        if not files:
            raise ValidationError(self.error_messages["required"], code="required")
        if len(files) > MAX_FILES:
            raise ValidationError(
                gettext("Upload at most %(max)s files at once."),
                code="too_many_files",
                params={"max": MAX_FILES},
            )
        errors, cleaned = [], []
        for file in files:
            try:
                file = super().clean(file, initial)
                check_upload(file)
                cleaned.append(file)
            except ValidationError as error:
                # Translators: %(name)s is a file name, %(reason)s why it was refused.
                errors += [
                    ValidationError(
                        gettext("“%(name)s”: %(reason)s"),
                        code="file_refused",
                        params={"name": _shown_name(file), "reason": message},
                    )
                    for message in error.messages
                ]
        if errors:
            raise ValidationError(errors)
        return cleaned


def _shown_name(file) -> str:
    """A file's name for a message, without folders and at most 80 characters."""
    name = original_name(getattr(file, "name", "") or "")
    return name if len(name) <= 80 else f"{name[:77]}…"


class PerLanguageFields:
    """``alt_<code>`` and ``caption_<code>`` for each content language."""

    def add_language_fields(self, image: Image | None = None) -> None:
        self.language_fields = []
        for code in content_language_codes():
            name = language_name(code)
            alt = forms.CharField(
                label=gettext("Description (alt text) in %(language)s") % {"language": name},
                required=False,
                max_length=300,
                help_text=gettext("What the image shows, for readers who cannot see it."),
            )
            caption = forms.CharField(
                label=gettext("Caption in %(language)s") % {"language": name},
                required=False,
                max_length=300,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"alt_{code}"] = alt
            self.fields[f"caption_{code}"] = caption
            if image is not None:
                self.initial.setdefault(f"alt_{code}", image.alt_for(code))
                self.initial.setdefault(f"caption_{code}", image.caption_for(code))
            self.language_fields.append((code, name, self[f"alt_{code}"], self[f"caption_{code}"]))

    def texts(self, kind: str) -> dict[str, str]:
        """{"de": …, "en": …} of the ``kind`` ("alt" or "caption") fields, empty ones left out."""
        return {
            code: self.cleaned_data[f"{kind}_{code}"].strip()
            for code in content_language_codes()
            if self.cleaned_data.get(f"{kind}_{code}", "").strip()
        }


class UploadForm(PerLanguageFields, RefuseControlCharacters, forms.Form):
    files = MultipleFileField(label=_("Image files"))
    credit = forms.CharField(
        label=_("Credit"),
        required=False,
        max_length=200,
        help_text=_('The photographer or agency. The page puts "Photo:" before it.'),
    )
    source = forms.CharField(label=_("Source"), required=False, max_length=500)
    licence = forms.CharField(label=_("Licence"), required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        self.fields["files"].help_text = gettext(
            "One or several image files (JPEG, PNG, GIF, WebP or AVIF) of at most %(size)s each. "
            "The description, caption and credit below are given to each of them."
        ) % {"size": filesizeformat(settings.MAX_UPLOAD_BYTES)}
        self.add_language_fields()


class ImageForm(PerLanguageFields, RefuseControlCharacters, forms.ModelForm):
    """The metadata of one image; the file itself does not change."""

    focal_x = forms.FloatField(
        label=_("Focal point across"),
        min_value=0,
        max_value=1,
        widget=forms.NumberInput(attrs={"step": "0.01"}),
        help_text=_("From 0 (left edge) to 1 (right edge). Click the picture to set it."),
    )
    focal_y = forms.FloatField(
        label=_("Focal point down"),
        min_value=0,
        max_value=1,
        widget=forms.NumberInput(attrs={"step": "0.01"}),
        help_text=_("From 0 (top edge) to 1 (bottom edge)."),
    )

    class Meta:
        model = Image
        fields = ["credit", "source", "licence", "focal_x", "focal_y"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        self.add_language_fields(self.instance)

    def save(self, commit=True):
        image = super().save(commit=False)
        image.alt = self.texts("alt")
        image.caption = self.texts("caption")
        return image


class MediaFilterForm(forms.Form):
    """The search and filters above the media library (a GET form)."""

    MINE, USED, UNUSED = "me", "used", "unused"
    WAITING, FAILED = "waiting", "failed"

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.SearchInput,
        help_text=_("Searches descriptions, captions, credits and file names."),
    )
    uploaded = forms.ChoiceField(
        label=_("Uploaded by"),
        required=False,
        choices=[("", _("Anyone")), (MINE, _("Me"))],
    )
    use = forms.ChoiceField(
        label=_("Use"),
        required=False,
        choices=[("", _("All images")), (USED, _("Used in articles")), (UNUSED, _("Unused"))],
    )
    orientation = forms.ChoiceField(
        label=_("Orientation"),
        required=False,
        choices=[
            ("", _("Any orientation")),
            ("landscape", _("Landscape")),
            ("portrait", _("Portrait")),
            ("square", _("Square")),
        ],
    )
    # Pictures of an imported site whose file a job fetches
    # (media.services.image_from_address).
    fetch = forms.ChoiceField(
        label=_("File"),
        required=False,
        choices=[
            ("", _("All images")),
            (WAITING, _("Not fetched yet")),
            (FAILED, _("Could not be fetched")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
