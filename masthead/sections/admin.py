"""Sections and tags in Django's admin (linked from the newsroom header).

A section's names and addresses are stored as one JSON mapping each; the
form shows one text field per content language instead ("Name in German",
"Address in German", …) and leaves validation to ``Section.clean``.
"""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _

from masthead.lib.forms import RefuseControlCharacters
from masthead.lib.i18n import field_name, label_in, language_name

from .models import Section, Tag


def _language_fields() -> dict[str, forms.Field]:
    fields = {}
    for code, _name in settings.LANGUAGES:
        fields[field_name("name", code)] = forms.CharField(
            # Translators: a field label, "Name in German"
            label=label_in(_("Name in %(language)s"), code),
            max_length=100,
            required=False,
        )
        fields[field_name("slug", code)] = forms.SlugField(
            # Translators: a field label, "Address in German"
            label=label_in(_("Address in %(language)s"), code),
            max_length=100,
            required=False,
            allow_unicode=True,  # an Arabic section may be "/ar/section/العالم/"
            help_text=_("The section's part of the address, for example “world”."),
        )
    return fields


def _unconfigured(mapping: dict | None) -> dict:
    """The entries for languages that are not (or no longer) configured."""
    configured = {code for code, _name in settings.LANGUAGES}
    return {k: v for k, v in (mapping or {}).items() if k not in configured}


class BaseSectionForm(RefuseControlCharacters, forms.ModelForm):
    class Meta:
        model = Section
        fields = ["parent", "position"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, _name in settings.LANGUAGES:
            for prefix, values in (("name", self.instance.names), ("slug", self.instance.slugs)):
                name = field_name(prefix, code)
                if name in self.fields:
                    self.initial.setdefault(name, (values or {}).get(code, ""))

    def clean(self):
        cleaned = super().clean()
        names, slugs = {}, {}
        for code, _name in settings.LANGUAGES:
            if value := (cleaned.get(field_name("name", code)) or "").strip():
                names[code] = value
            if value := cleaned.get(field_name("slug", code)):
                slugs[code] = value
        # Names in languages that are no longer configured are kept.
        self.instance.names = _unconfigured(self.instance.names) | names
        self.instance.slugs = _unconfigured(self.instance.slugs) | slugs
        return cleaned

    def add_error(self, field, error):
        # Section.clean() reports on "names" and "slugs", which this form
        # shows as several fields: its messages name the language, so they
        # are shown above the form.
        if field is None and isinstance(error, ValidationError) and hasattr(error, "error_dict"):
            errors = dict(error.error_dict)
            moved = [*errors.pop("names", []), *errors.pop("slugs", [])]
            if moved:
                errors[NON_FIELD_ERRORS] = [*errors.get(NON_FIELD_ERRORS, []), *moved]
            error = ValidationError(errors)
        super().add_error(field, error)


# The per-language fields are declared on the class, so that the admin
# knows them; content languages come from the settings at start-up.
SectionAdminForm = type("SectionAdminForm", (BaseSectionForm,), _language_fields())


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    form = SectionAdminForm
    list_display = ["__str__", "all_names", "all_slugs", "parent", "position"]
    list_editable = ["position"]
    list_select_related = ["parent"]
    search_fields = ["names", "slugs"]
    ordering = ["position", "id"]

    def get_fields(self, request, obj=None):
        language_fields = [
            field_name(prefix, code)
            for code, _name in settings.LANGUAGES
            for prefix in ("name", "slug")
        ]
        return ["parent", *language_fields, "position"]

    @admin.display(description=_("names"))
    def all_names(self, section):
        return " · ".join(section.names.values())

    @admin.display(description=_("addresses"))
    def all_slugs(self, section):
        return " · ".join(section.slugs.values())


class TagChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, tag):
        return f"{tag.name} ({language_name(tag.language)})"


class TagAdminForm(RefuseControlCharacters, forms.ModelForm):
    """A tag, and the version of its topic in another language it is linked
    to: translating an article then picks the linked tags."""

    same_as = TagChoiceField(
        queryset=Tag.objects.order_by("language", "name"),
        required=False,
        label=_("Same topic as"),
        help_text=_(
            "The tag for this topic in another language, e.g. “Budget” for “Haushalt”. "
            "A translation of an article gets the linked tags."
        ),
    )

    class Meta:
        model = Tag
        fields = ["language", "name", "slug"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        others = Tag.objects.order_by("language", "name")
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk).exclude(language=self.instance.language)
            self.initial["same_as"] = self.instance.versions().order_by("language").first()
        self.fields["same_as"].queryset = others

    def clean(self):
        cleaned = super().clean()
        other, language = cleaned.get("same_as"), cleaned.get("language")
        if other is None or language is None:
            return cleaned
        if other.language == language:
            self.add_error("same_as", _("Choose a tag in another language."))
        elif other.versions().filter(language=language).exclude(pk=self.instance.pk).exists():
            taken = other.versions().filter(language=language).first()
            self.add_error(
                "same_as",
                _("“%(tag)s” already has a version in this language: “%(version)s”.")
                % {"tag": other.name, "version": taken.name},
            )
        return cleaned

    def _save_m2m(self):
        super()._save_m2m()
        other = self.cleaned_data.get("same_as")
        tag = self.instance
        if other is not None:
            tag.link(other)
        elif tag.topic is not None:
            tag.topic = None  # no longer linked
            tag.save(update_fields=["topic"])


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    form = TagAdminForm
    list_display = ["name", "language", "slug", "linked_versions"]
    list_filter = ["language"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    ordering = ["language", "name"]

    @admin.display(description=_("Same topic as"))
    def linked_versions(self, tag):
        return " · ".join(f"{t.name} ({t.language})" for t in tag.versions())
