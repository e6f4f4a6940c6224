"""Authors in Django's admin (linked from the newsroom header).

The biographies are stored as one JSON mapping; the form shows one text
area per content language ("Biography in German", …).
"""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from masthead.lib.forms import RefuseControlCharacters
from masthead.lib.i18n import field_name, label_in

from .models import Author


def _bio_fields() -> dict[str, forms.Field]:
    return {
        field_name("bio", code): forms.CharField(
            # Translators: a field label, "Biography in German"
            label=label_in(_("Biography in %(language)s"), code),
            required=False,
            widget=forms.Textarea(attrs={"rows": 3}),
        )
        for code, _name in settings.LANGUAGES
    }


class BaseAuthorForm(RefuseControlCharacters, forms.ModelForm):
    class Meta:
        model = Author
        fields = ["name", "slug", "photo", "user"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, _name in settings.LANGUAGES:
            name = field_name("bio", code)
            if name in self.fields:
                self.initial.setdefault(name, (self.instance.bios or {}).get(code, ""))

    def clean(self):
        cleaned = super().clean()
        configured = {code for code, _name in settings.LANGUAGES}
        bios = {k: v for k, v in (self.instance.bios or {}).items() if k not in configured}
        for code in configured:
            if value := (cleaned.get(field_name("bio", code)) or "").strip():
                bios[code] = value
        self.instance.bios = bios
        return cleaned


AuthorAdminForm = type("AuthorAdminForm", (BaseAuthorForm,), _bio_fields())


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    form = AuthorAdminForm
    list_display = ["name", "slug", "user"]
    list_select_related = ["user"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["user"]

    def get_fields(self, request, obj=None):
        bios = [field_name("bio", code) for code, _name in settings.LANGUAGES]
        return ["name", "slug", *bios, "photo", "user"]
