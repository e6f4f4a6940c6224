"""Forms of the newsroom back office.

The article form validates what an editor typed; saving goes through
``masthead.articles.services.save_article`` (see ``ArticleForm.save``).
"""

import re
from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorFormField

from masthead.articles import frontpage, services
from masthead.articles.body import alt_text_error
from masthead.articles.models import Article
from masthead.lib import images
from masthead.lib.forms import RefuseControlCharacters
from masthead.lib.html import BODY_EXTENSIONS, clean_editor_body, iframes_to_embeds
from masthead.lib.i18n import content_language_codes, is_rtl, language_name, pick_with_language
from masthead.lib.numbers import MAX_ID, parse_id
from masthead.lib.text import credit_name, make_slug
from masthead.media import services as media_services
from masthead.media.models import Image
from masthead.people.models import Author
from masthead.search.forms import PeriodForm
from masthead.sections.models import Section, Tag
from masthead.translations.models import Translation
from masthead.translations.services import FIELDS as SEGMENTED_FIELDS
from masthead.translations.services import unreviewed_error

from . import figures
from .states import STATE_LABELS

# An editor always sees this many author lines, and one empty line more
# than there are authors.
AUTHOR_LINES = 3
# The lead image chooser shows this many pictures at a time.
CHOOSER_SIZE = 12


def check_upload(file: UploadedFile) -> None:
    """Refuse an uploaded file that is too large or not an image the site
    can show (masthead.lib.images), with a message for the form."""
    if file.size > settings.MAX_UPLOAD_BYTES:
        raise ValidationError(
            gettext("This file is too large (%(size)s). Choose an image of at most %(max)s."),
            code="file_too_large",
            params={
                "size": filesizeformat(file.size),
                "max": filesizeformat(settings.MAX_UPLOAD_BYTES),
            },
        )
    images.check_image(file)


def has_slug(name: str, language: str) -> bool:
    """True when ``name`` gives an address of its own. ``make_slug`` falls
    back to "article" for text without a single letter or digit it can
    spell; a tag must not end up at such an address."""
    return make_slug(f"{name} x", max_length=200, language=language) != "x"


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


class SectionSelect(forms.Select):
    """A section whose name falls back to another language than the
    desk's (no Arabic name on an Arabic desk) says which it is in."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        section = getattr(value, "instance", None)
        if section is not None:
            desk = translation.get_language() or settings.LANGUAGE_CODE
            _name, language = pick_with_language(section.names, desk)
            if language != desk:
                option["attrs"] = {**option["attrs"], "lang": language}
                if is_rtl(language) != is_rtl(desk):
                    option["attrs"]["dir"] = "rtl" if is_rtl(language) else "ltr"
        return option


class SectionChoiceField(forms.ModelChoiceField):
    """Sections by name in the editor's language, with their parents:
    "World › Europe"."""

    widget = SectionSelect

    def label_from_instance(self, section):
        names, node, seen = [], section, set()
        by_pk = getattr(self, "sections_by_pk", {})
        while node is not None and node.pk not in seen:
            seen.add(node.pk)
            names.append(node.name)
            node = by_pk.get(node.parent_id)
        return " › ".join(reversed(names))


# The fields written in the article's language (the rest is the desk's).
ARTICLE_TEXTS = (
    "kicker", "headline", "standfirst", "body", "excerpt", "lead_image_alt",
    "lead_image_caption", "seo_title", "seo_description", "social_headline",
)  # fmt: skip


class ArticleForm(RefuseControlCharacters, forms.ModelForm):
    """Create or edit one language version of a story."""

    body = ProseEditorFormField(
        label=_("Text"),
        required=False,
        extensions=BODY_EXTENSIONS,
        sanitize=clean_editor_body,
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
    # Kept with the revision this save makes (the list of revisions shows it).
    note = forms.CharField(
        label=_("Note on this save"),
        required=False,
        max_length=200,
        help_text=_("Optional: what you changed and why. The list of revisions shows it."),
    )
    new_tags = forms.CharField(
        label=_("New tags"),
        required=False,
        help_text=_("Separate tags with commas, for example: climate, energy, Berlin."),
    )
    # The lead image: chosen from the media library (``lead_image``) or
    # uploaded into it from here; described in the article's language.
    lead_image_file = forms.FileField(
        label=_("Upload a new image"),
        required=False,
        # The formats the site shows (lib/images.py); the server checks anyway.
        widget=forms.FileInput(
            attrs={"accept": ",".join(sorted(set(images.MEDIA_TYPES.values())))}
        ),
    )
    lead_image_alt = forms.CharField(
        label=_("Description (alt text)"), required=False, max_length=300
    )
    lead_image_caption = forms.CharField(label=_("Caption"), required=False, max_length=300)
    lead_image_credit = forms.CharField(label=_("Credit"), required=False, max_length=200)
    lead_image_remove = forms.BooleanField(required=False, widget=forms.HiddenInput)
    # The chooser's search (not saved): "find_images" shows its results.
    lead_image_q = forms.CharField(
        label=_("Search the media library"),
        required=False,
        max_length=200,
        widget=forms.SearchInput,
    )

    class Meta:
        model = Article
        fields = [
            "language",
            "kicker",
            "headline",
            "slug",
            "standfirst",
            "body",
            "excerpt",
            "section",
            "tags",
            "publish_at",
            "lead_image",
            "seo_title",
            "seo_description",
            "social_headline",
            "social_image",
        ]
        field_classes = {"section": SectionChoiceField}
        widgets = {
            "standfirst": forms.Textarea(attrs={"rows": 3}),
            "excerpt": forms.Textarea(attrs={"rows": 3}),
            "seo_description": forms.Textarea(attrs={"rows": 2}),
            "tags": forms.CheckboxSelectMultiple,
            "publish_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            # Drawn by hand as a grid of pictures (desk/fragment_image_chooser.html).
            "lead_image": forms.RadioSelect,
            "social_image": forms.RadioSelect,
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
            "lead_image": {
                "invalid_choice": _(
                    "This image is no longer in the media library. Choose another one."
                )
            },
            "social_image": {
                "invalid_choice": _(
                    "This image is no longer in the media library. Choose another one."
                )
            },
        }

    def __init__(self, *args, may_upload: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        self.article_language = self._article_language()
        if not may_upload:
            # Translators choose from the media library; they upload nothing.
            del self.fields["lead_image_file"]
        if self.instance.pk:
            del self.fields["language"]
        else:
            self.fields["language"].choices = [
                (code, language_name(code)) for code in content_language_codes()
            ]
            # desk-editor.js turns the texts' direction with the language.
            self.fields["language"].widget.attrs["data-right-to-left"] = " ".join(
                code for code in content_language_codes() if is_rtl(code)
            )
        # An emptied slug is made anew from the headline, as on a new article.
        self.fields["slug"].required = False
        self.fields["slug"].help_text = gettext(
            "The last part of the article's address. Leave it empty to make one from the headline."
        )
        self.fields["headline"].widget.attrs["autocomplete"] = "off"
        # The browser checks the spelling of the article's texts in its
        # language, and lays them out in its direction (an Arabic article on
        # a German desk), whatever the desk's (desk-editor.js follows a
        # language chosen on a new one).
        for name in ARTICLE_TEXTS:
            if name in self.fields:
                self.fields[name].widget.attrs |= {
                    "lang": self.article_language,
                    "dir": "rtl" if is_rtl(self.article_language) else "ltr",
                    "spellcheck": "true",
                    "data-article-language": "",
                }
        # A version translated segment by segment (masthead/translations)
        # takes these texts from its segments: they change there only, so
        # that a save here cannot undo a translator's work.
        self.segmented = bool(
            self.instance.pk and Translation.objects.filter(article_id=self.instance.pk).exists()
        )
        if self.segmented:
            for name in (*SEGMENTED_FIELDS, "body"):
                if name in self.fields:
                    self.fields[name].disabled = True
                    self.fields[name].help_text = gettext(
                        "Translated segment by segment: change it in the translation desk."
                    )
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
        self._init_lead_image()
        self._add_author_fields()
        self._configure_body_editor()
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version
            # A body saved before embeds were nodes may hold a player's
            # iframe, which the editor has no node for: give it the node.
            if "<iframe" in (self.initial.get("body") or ""):
                self.initial["body"] = iframes_to_embeds(self.initial["body"])

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

    # The lead image

    def _init_lead_image(self) -> None:
        language = language_name(self.article_language)
        self.fields["lead_image"].label = gettext("Lead image")
        self.fields["lead_image"].empty_label = None
        self.fields["lead_image_alt"].label = gettext("Description (alt text) in %(language)s") % {
            "language": language
        }
        self.fields["lead_image_alt"].help_text = gettext(
            "Required with an image: what the image shows, for readers who cannot see it. "
            "It is kept with the image in the media library."
        )
        self.fields["lead_image_caption"].label = gettext("Caption in %(language)s") % {
            "language": language
        }
        self.fields["lead_image_credit"].help_text = gettext(
            'The photographer or agency. The page puts "Photo:" before it.'
        )
        if "lead_image_file" in self.fields:
            self.fields["lead_image_file"].help_text = gettext(
                "An image file (for example JPEG, PNG or WebP) of at most %(size)s. "
                "It goes into the media library."
            ) % {"size": filesizeformat(settings.MAX_UPLOAD_BYTES)}
        image = self.instance.lead_image if self.instance.lead_image_id else None
        if image is not None and not self.is_bound:
            self.initial["lead_image_alt"] = image.alt_for(self.article_language)
            self.initial["lead_image_caption"] = image.caption_for(self.article_language)
            self.initial["lead_image_credit"] = image.credit
        # Images added by ``save`` (their files are deleted again when the
        # caller's transaction fails: ``discard_new_images``).
        self.new_images: list[Image] = []

    def chosen_image(self) -> Image | None:
        """The lead image the form shows: the one chosen (or sent back after
        an error), else the article's."""
        if self.is_bound:
            if self.data.get(self.add_prefix("lead_image_remove")):
                return None
            pk = parse_id(self.data.get(self.add_prefix("lead_image"), ""))
            return Image.objects.filter(pk=pk).first() if pk else None
        return self.instance.lead_image if self.instance.lead_image_id else None

    def social_images(self, size: int = CHOOSER_SIZE) -> tuple[Image | None, list]:
        """The social image the form shows (the one chosen, or sent back
        after an error, else the article's) and the pictures offered for
        it: that one, the article's own pictures, then the newest."""
        if self.is_bound:
            pk = parse_id(self.data.get(self.add_prefix("social_image"), ""))
            chosen = Image.objects.filter(pk=pk).first() if pk else None
        else:
            chosen = self.instance.social_image if self.instance.social_image_id else None
        own = [chosen.pk] if chosen else []
        if self.instance.pk:
            if self.instance.lead_image_id:
                own.append(self.instance.lead_image_id)
            own += self.instance.body_images.values_list("image_id", flat=True)
        own = list(dict.fromkeys(own))
        images = Image.objects.with_thumbnails().select_related("uploaded_by")
        first = {image.pk: image for image in images.filter(pk__in=own)}
        newest = images.exclude(pk__in=own).order_by("-uploaded_at", "-id")
        newest = newest[: max(size - len(own), 0)]
        return chosen, [first[pk] for pk in own if pk in first] + list(newest)

    def chooser_images(self, chosen: Image | None = None, size: int = CHOOSER_SIZE) -> list:
        """The pictures the chooser offers: the newest, or those the search
        finds; the chosen one always first."""
        query = self.data.get(self.add_prefix("lead_image_q"), "") if self.is_bound else ""
        found = Image.objects.with_thumbnails().search(query[:200], content_language_codes())
        if chosen is not None:
            found = found.exclude(pk=chosen.pk)
        return ([chosen] if chosen else []) + list(found.select_related("uploaded_by")[:size])

    def clean_lead_image_file(self):
        file = self.cleaned_data.get("lead_image_file")
        if isinstance(file, UploadedFile):
            check_upload(file)
        return file

    def _clean_lead_image(self, cleaned) -> None:
        if cleaned.get("lead_image_remove"):
            cleaned["lead_image"] = None
            cleaned["lead_image_file"] = None
            return
        has_image = cleaned.get("lead_image") or cleaned.get("lead_image_file")
        if (
            has_image
            and not cleaned.get("lead_image_alt", "").strip()
            and "lead_image_alt" not in self.errors
            and "lead_image_file" not in self.errors
        ):
            self.add_error(
                "lead_image_alt",
                ValidationError(
                    gettext("Describe the image in %(language)s for readers who cannot see it."),
                    code="image_alt_required",
                    params={"language": language_name(self.article_language)},
                ),
            )

    def _save_lead_image(self, article: Article, user) -> None:
        """Upload the new lead image into the library, or describe the chosen
        one in the article's language."""
        cleaned = self.cleaned_data
        language = article.language
        alt = cleaned.get("lead_image_alt", "").strip()
        caption = cleaned.get("lead_image_caption", "").strip()
        credit = cleaned.get("lead_image_credit", "").strip()
        if cleaned.get("lead_image_file"):
            image = media_services.add_image(
                cleaned["lead_image_file"],
                user,
                alt={language: alt},
                caption={language: caption},
                credit=credit,
            )
            self.new_images.append(image)
            article.lead_image = image
        elif article.lead_image_id:
            image = media_services.describe_image(
                article.lead_image, language, alt=alt, caption=caption
            )
            if credit_name(credit) != image.credit:
                image.credit = credit
                image.save(update_fields=["credit"])

    def discard_new_images(self) -> None:
        """The save failed: delete the files of the images it added."""
        media_services.discard_files(self.new_images)
        self.new_images = []

    # The body editor

    def _configure_body_editor(self) -> None:
        """The picture and gallery nodes learn where to search and upload,
        and in which language to ask for alt text (figures.py)."""
        widget = self.fields["body"].widget
        language_field = self["language"].auto_id if "language" in self.fields else ""
        widget.config = {
            **widget.config,
            "extensions": {
                **BODY_EXTENSIONS,
                **figures.editor_extensions(self.article_language, language_field),
            },
        }

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
            if not has_slug(name, self.article_language):
                raise ValidationError(
                    gettext(
                        "“%(name)s” cannot be a tag: a tag needs at least one letter or digit."
                    ),
                    code="tag_without_slug",
                    params={"name": name},
                )
            slug = make_slug(name, max_length=100, language=self.article_language)
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

        self._clean_lead_image(cleaned)
        # Before review or publishing, every picture in the text needs alt
        # text in the article's language (a translation has the source's).
        if self.data.get("_action") in ("submit", "publish") and cleaned.get("body"):
            if error := alt_text_error(cleaned["body"], self.article_language):
                self.add_error("body", error)
        if self.data.get("_action") in ("submit", "publish") and self.instance.pk:
            if error := unreviewed_error(self.instance):
                self.add_error(None, error)

        return cleaned

    # Saving

    @transaction.atomic
    def save(self, *, user=None) -> Article:
        """Create the new tags and save the article with its byline and tags
        through the service layer, all in one transaction. Raises
        services.StaleEdit when the article changed since the form was opened."""
        article = super().save(commit=False)
        self._save_lead_image(article, user)
        tags = {tag.pk: tag for tag in self.cleaned_data["tags"]}
        for name in self.cleaned_data["new_tags"]:
            tag, _created = Tag.objects.get_or_create(
                language=article.language,
                slug=make_slug(name, max_length=100, language=article.language),
                defaults={"name": name},
            )
            tags.setdefault(tag.pk, tag)
        return services.save_article(
            article,
            authors=self.cleaned_data["authors"],
            tags=tags.values(),
            user=user,
            expected_version=self.cleaned_data.get("version") if self.instance.pk else None,
            note=self.cleaned_data.get("note", ""),
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


class DashboardFilterForm(PeriodForm):
    """The filters above the article list (a GET form)."""

    STATES = [("", _("All states")), *STATE_LABELS.items()]

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=2000,
        widget=forms.SearchInput,
        help_text=_("Headline, standfirst, text, authors, topics or address"),
    )
    language = forms.ChoiceField(label=_("Language"), required=False)
    status = forms.ChoiceField(label=_("State"), required=False, choices=STATES)
    section = forms.ModelChoiceField(
        label=_("Section"), required=False, queryset=Section.objects.all(), empty_label=_("All")
    )
    author = forms.ModelChoiceField(
        label=_("Author"), required=False, queryset=Author.objects.order_by("name"),
        empty_label=_("All"),
    )  # fmt: skip
    topic = forms.ModelChoiceField(
        label=_("Topic"), required=False, queryset=Tag.objects.order_by("name", "language"),
        empty_label=_("All"),
    )  # fmt: skip
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("", _("Best match")), ("changed", _("Last changed"))],
        help_text=_("Without words to search for, the last changed come first."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        self.fields["language"].choices = [
            ("", gettext("All languages")),
            *((code, language_name(code)) for code in content_language_codes()),
        ]
        self.fields["section"].label_from_instance = lambda section: section.name
        self.fields["topic"].label_from_instance = lambda tag: (
            f"{tag.name} ({language_name(tag.language)})"
        )

    def filter(self, articles):
        """``articles`` narrowed by the filters other than the words and
        the state (the view applies those)."""
        data = self.cleaned_data
        if data.get("language"):
            articles = articles.filter(language=data["language"])
        if data.get("section"):
            articles = articles.filter(section=data["section"])
        if data.get("author"):
            articles = articles.filter(bylines__author=data["author"])
        if data.get("topic"):
            articles = articles.filter(tags=data["topic"])
        # The publish time, or for an article never published, its creation.
        if data.get("since"):
            articles = articles.filter(
                Q(publish_at__date__gte=data["since"])
                | Q(publish_at__isnull=True, created_at__date__gte=data["since"])
            )
        if data.get("until"):
            articles = articles.filter(
                Q(publish_at__date__lte=data["until"])
                | Q(publish_at__isnull=True, created_at__date__lte=data["until"])
            )
        return articles


def _future(value):
    if value is not None and value <= timezone.now():
        raise ValidationError(_("Choose a time in the future."), code="past")
    return value


class PinForm(forms.Form):
    """Put an article at a place of the front page (articles/frontpage.py)."""

    position = forms.TypedChoiceField(
        label=_("Place"),
        coerce=int,
        choices=(),
        help_text=_("Place 1 is the lead."),
        error_messages={"invalid_choice": _("Choose one of the places.")},
    )
    until = forms.DateTimeField(
        label=_("Until"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Empty: until an editor takes it off."),
        error_messages={
            "invalid": _("Enter the end as a date and a time, for example 2026-11-25 18:00.")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        self.fields["position"].choices = [
            (n, gettext("1 (lead)") if n == 1 else str(n)) for n in range(1, frontpage.SLOTS + 1)
        ]

    def clean_until(self):
        return _future(self.cleaned_data["until"])


class BreakingForm(forms.Form):
    """Mark an article as breaking news until a time (articles/frontpage.py)."""

    until = forms.DateTimeField(
        label=_("Breaking news until"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={
            "required": _("Enter when the breaking news ends."),
            "invalid": _("Enter the end as a date and a time, for example 2026-11-25 18:00."),
        },
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "breaking")
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        # Two hours from now, to the minute, as a start.
        start = timezone.localtime() + timedelta(hours=2)
        self.fields["until"].initial = start.replace(second=0, microsecond=0)

    def clean_until(self):
        return _future(self.cleaned_data["until"])
