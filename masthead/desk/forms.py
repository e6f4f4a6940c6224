"""Forms of the newsroom back office.

The article form validates what an editor typed; saving goes through
``masthead.articles.services.save_article`` (see ``ArticleForm.save``).
"""

import re

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorFormField

from masthead.articles import services
from masthead.articles.models import Article
from masthead.lib import images
from masthead.lib.forms import RefuseControlCharacters
from masthead.lib.html import BODY_EXTENSIONS, clean_body
from masthead.lib.i18n import content_language_codes, language_name
from masthead.lib.numbers import MAX_ID
from masthead.lib.text import make_slug
from masthead.people.models import Author
from masthead.sections.models import Section, Tag

from .states import STATE_LABELS

# An editor always sees this many author lines, and one empty line more
# than there are authors.
AUTHOR_LINES = 3


def has_slug(name: str) -> bool:
    """True when ``name`` gives an address of its own. ``make_slug`` falls
    back to "article" for text without a single letter or digit it can
    spell in ASCII; a tag must not end up at such an address."""
    return make_slug(f"{name} x", max_length=200) != "x"


class DeskAuthenticationForm(AuthenticationForm):
    """Sign-in for newsroom (staff) accounts only. Other accounts get the
    same message as a wrong password, so the form reveals nothing."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "Please enter the user name and password of a newsroom account. "
            "Both are case-sensitive."
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not user.is_staff:
            raise self.get_invalid_login_error()


class SectionChoiceField(forms.ModelChoiceField):
    """Sections by name in the editor's language, with their parents:
    "World › Europe"."""

    def label_from_instance(self, section):
        names, node, seen = [], section, set()
        by_pk = getattr(self, "sections_by_pk", {})
        while node is not None and node.pk not in seen:
            seen.add(node.pk)
            names.append(node.name)
            node = by_pk.get(node.parent_id)
        return " › ".join(reversed(names))


class ArticleForm(RefuseControlCharacters, forms.ModelForm):
    """Create or edit one language version of a story."""

    body = ProseEditorFormField(
        label=_("Text"),
        required=False,
        extensions=BODY_EXTENSIONS,
        sanitize=clean_body,
    )
    # The version the editor started from; a save of an older version is
    # refused (services.StaleEdit) instead of overwriting a colleague.
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        required=False,
        min_value=1,
        max_value=MAX_ID,
        error_messages=dict.fromkeys(
            ("invalid", "min_value", "max_value"),
            _(
                "The form was sent with a damaged version number, so nothing was saved. "
                "Open the article again and repeat your changes."
            ),
        ),
    )
    new_tags = forms.CharField(
        label=_("New tags"),
        required=False,
        help_text=_("Separate tags with commas, for example: climate, energy, Berlin."),
    )

    class Meta:
        model = Article
        fields = [
            "language",
            "headline",
            "slug",
            "standfirst",
            "body",
            "excerpt",
            "section",
            "tags",
            "publish_at",
            "image",
            "image_alt",
            "image_caption",
            "image_credit",
        ]
        field_classes = {"section": SectionChoiceField}
        widgets = {
            "standfirst": forms.Textarea(attrs={"rows": 3}),
            "excerpt": forms.Textarea(attrs={"rows": 3}),
            "tags": forms.CheckboxSelectMultiple,
            "publish_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            # The formats the site shows (lib/images.py); the server checks anyway.
            "image": forms.ClearableFileInput(
                attrs={"accept": ",".join(sorted(set(images.MEDIA_TYPES.values())))}
            ),
        }
        error_messages = {
            "headline": {"required": _("Enter a headline.")},
            "section": {"required": _("Choose a section.")},
            "publish_at": {
                "invalid": _(
                    "Enter the publish time as a date and a time, for example 2026-11-25 14:30."
                )
            },
            "tags": {
                "invalid_choice": _(
                    "Choose tags in the language of the article. This tag is in another language."
                )
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        self.article_language = self._article_language()
        if self.instance.pk:
            del self.fields["language"]
        else:
            self.fields["language"].choices = [
                (code, language_name(code)) for code in content_language_codes()
            ]
            self.fields["slug"].required = False
            self.fields["slug"].help_text = gettext(
                "The last part of the article's address. Leave it empty to make one "
                "from the headline."
            )
        self.fields["headline"].widget.attrs["autocomplete"] = "off"
        self.fields["slug"].widget.attrs["autocomplete"] = "off"
        self.fields["tags"].queryset = Tag.objects.filter(language=self.article_language)
        self.fields["tags"].help_text = gettext(
            "Only tags in the language of the article are listed."
        )

        section_field = self.fields["section"]
        section_field.sections_by_pk = {s.pk: s for s in Section.objects.all()}
        section_field.empty_label = gettext("Choose a section")

        self.fields["publish_at"].help_text = gettext(
            "The article is public from this time on (time zone: %(zone)s). Leave it "
            "empty to publish at once; a time in the future schedules the article."
        ) % {"zone": timezone.get_current_timezone_name()}
        self.fields["image_alt"].help_text = gettext(
            "Required with an image: what the image shows, for readers who cannot see it."
        )
        self.fields["image"].help_text = gettext(
            "An image file (for example JPEG, PNG or WebP) of at most %(size)s."
        ) % {"size": filesizeformat(settings.MAX_UPLOAD_BYTES)}
        self._add_author_fields()
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version

    def _article_language(self) -> str:
        """The article's language: fixed once saved, else as chosen."""
        if self.instance.pk:
            return self.instance.language
        codes = content_language_codes()
        if self.is_bound:
            chosen = self.data.get(self.add_prefix("language"))
            if chosen in codes:
                return chosen
        initial = self.initial.get("language")
        return initial if initial in codes else settings.LANGUAGE_CODE

    # Byline: one select per author, in byline order.

    def _add_author_fields(self) -> None:
        if self.instance.pk:
            current = [b.author_id for b in self.instance.bylines.order_by("position")]
        else:
            current = [getattr(a, "pk", a) for a in self.initial.get("authors", [])]
        lines = max(AUTHOR_LINES, len(current) + 1)
        if self.is_bound:
            pattern = re.compile(re.escape(self.add_prefix("author_")) + r"(\d+)")
            for key in self.data:
                if match := pattern.fullmatch(key):
                    number = int(match[1])
                    lines = max(lines, number + 1 if self.data[key] else number)
        lines = min(lines, 50)
        choices = [("", "—"), *Author.objects.values_list("pk", "name")]
        self.author_field_names = []
        for number in range(1, lines + 1):
            name = f"author_{number}"
            self.fields[name] = forms.TypedChoiceField(
                # Translators: label of one line of the byline, "Author 1", "Author 2", …
                label=gettext("Author %(number)s") % {"number": number},
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
                initial=current[number - 1] if number <= len(current) else None,
            )
            self.author_field_names.append(name)

    @property
    def author_fields(self):
        return [self[name] for name in self.author_field_names]

    # Validation

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if isinstance(image, UploadedFile) and image.size > settings.MAX_UPLOAD_BYTES:
            raise ValidationError(
                gettext("This file is too large (%(size)s). Choose an image of at most %(max)s."),
                code="file_too_large",
                params={
                    "size": filesizeformat(image.size),
                    "max": filesizeformat(settings.MAX_UPLOAD_BYTES),
                },
            )
        return image

    def clean_new_tags(self) -> list[str]:
        names, slugs = [], set()
        for part in self.cleaned_data.get("new_tags", "").split(","):
            name = " ".join(part.split())
            if not name:
                continue
            if len(name) > 100:
                raise ValidationError(
                    gettext("A tag can have at most 100 characters: “%(name)s” is longer."),
                    code="tag_too_long",
                    params={"name": name},
                )
            if not has_slug(name):
                raise ValidationError(
                    gettext(
                        "“%(name)s” cannot be a tag: a tag needs at least one letter "
                        "or digit from A to Z or 0 to 9."
                    ),
                    code="tag_without_slug",
                    params={"name": name},
                )
            slug = make_slug(name, max_length=100)
            if slug not in slugs:
                slugs.add(slug)
                names.append(name)
        return names

    def clean(self):
        cleaned = super().clean()

        authors = []
        for name in self.author_field_names:
            pk = cleaned.get(name)
            if pk is None:
                continue
            if pk in authors:
                self.add_error(name, gettext("This author is already in the byline."))
            else:
                authors.append(pk)
        by_pk = Author.objects.in_bulk(authors)
        cleaned["authors"] = [by_pk[pk] for pk in authors if pk in by_pk]

        slug = cleaned.get("slug")
        article = self.instance if self.instance.pk else None
        if slug and not services.slug_is_free(self.article_language, slug, article):
            self.add_error(
                "slug",
                ValidationError(
                    gettext(
                        "Another article in %(language)s uses this address, or used it "
                        "before. Choose a different one."
                    ),
                    code="slug_taken",
                    params={"language": language_name(self.article_language)},
                ),
            )

        # A browser's date and time picker cannot show what it cannot parse:
        # a rejected value comes back in a plain text box.
        if "publish_at" in self.errors:
            self.fields["publish_at"].widget.input_type = "text"

        image = cleaned.get("image")
        if image and not cleaned.get("image_alt", "").strip() and "image_alt" not in self.errors:
            self.add_error(
                "image_alt",
                ValidationError(
                    gettext("Describe the image for readers who cannot see it."),
                    code="image_alt_required",
                ),
            )
        return cleaned

    # Saving

    @transaction.atomic
    def save(self, *, user=None) -> Article:
        """Create the new tags and save the article with its byline and tags
        through the service layer, all in one transaction. Raises
        services.StaleEdit when the article changed since the form was opened."""
        article = super().save(commit=False)
        tags = {tag.pk: tag for tag in self.cleaned_data["tags"]}
        for name in self.cleaned_data["new_tags"]:
            tag, _created = Tag.objects.get_or_create(
                language=article.language,
                slug=make_slug(name, max_length=100),
                defaults={"name": name},
            )
            tags.setdefault(tag.pk, tag)
        return services.save_article(
            article,
            authors=self.cleaned_data["authors"],
            tags=tags.values(),
            user=user,
            expected_version=self.cleaned_data.get("version") if self.instance.pk else None,
        )

    def add_service_error(self, error: ValidationError) -> None:
        """Show an error raised while saving next to the fields it names."""
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                self.add_error(field if field in self.fields else None, errors)
        else:
            self.add_error(None, error)


class CorrectionForm(RefuseControlCharacters, forms.Form):
    text = forms.CharField(
        label=_("Text of the correction"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Say what was wrong and what is right. Readers see this note with its date "
            "below the article."
        ),
        error_messages={"required": _("Enter the text of the correction.")},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "correction")
        super().__init__(*args, **kwargs)
        self.label_suffix = ""


class DashboardFilterForm(forms.Form):
    """The filters above the article list (a GET form)."""

    STATES = [("", _("All states")), *STATE_LABELS.items()]

    q = forms.CharField(
        label=_("Headline contains"), required=False, max_length=200, widget=forms.SearchInput
    )
    language = forms.ChoiceField(label=_("Language"), required=False)
    status = forms.ChoiceField(label=_("State"), required=False, choices=STATES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        self.fields["language"].choices = [
            ("", gettext("All languages")),
            *((code, language_name(code)) for code in content_language_codes()),
        ]
