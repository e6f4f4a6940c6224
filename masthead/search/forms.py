"""The search form: the words, and the filters readers and the desk share."""

from django import forms
from django.utils.translation import gettext_lazy as _

from masthead.lib import fallbacks
from masthead.lib.i18n import is_rtl
from masthead.people.models import Author
from masthead.sections.models import Tag
from masthead.sections.tree import section_tree_ids

from .query import MAX_LENGTH, clean


class UiOptionsSelect(forms.Select):
    """A select whose own options ("All", "Relevance") are the site's texts
    among the page's names: on a language without a catalog they are the
    fallback's, and say so (``ui_attrs``: lang, and dir when it differs)."""

    def __init__(self, *args, ui_values=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.ui_values = set(ui_values)
        self.ui_attrs: dict[str, str] = {}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if self.ui_attrs and str(value) in self.ui_values:
            option["attrs"] = {**option["attrs"], **self.ui_attrs}
        return option


class PeriodForm(forms.Form):
    """A period to search in, both ends optional (the readers' and the
    desk's search forms)."""

    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end of the period is before its start."))
        return data


class SearchForm(PeriodForm):
    """Every field is optional: an invalid filter is reported and left out,
    the search goes on with the rest."""

    field_order = ["q", "section", "author", "topic", "since", "until", "sort"]

    q = forms.CharField(
        label=_("Search for"), required=False, max_length=2000, widget=forms.SearchInput
    )
    section = forms.ChoiceField(
        label=_("Section"), required=False, widget=UiOptionsSelect(ui_values=[""])
    )
    author = forms.ChoiceField(
        label=_("Author"), required=False, widget=UiOptionsSelect(ui_values=[""])
    )
    topic = forms.ChoiceField(
        label=_("Topic"), required=False, widget=UiOptionsSelect(ui_values=[""])
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("", _("Relevance")), ("newest", _("Newest first"))],
        widget=UiOptionsSelect(ui_values=["", "newest"]),
    )

    def __init__(self, data, *, language: str, sections: list, **kwargs):
        super().__init__(data, **kwargs)
        self.language = language
        self.sections = sections
        blank = [("", _("All"))]
        self.fields["section"].choices = blank + [
            (s.slugs[language], s.name) for s in sections if s.slugs.get(language)
        ]
        # Every author: which of them wrote in this language would be a
        # DISTINCT over all bylines (85 ms at 100,000 articles).
        self.fields["author"].choices = blank + list(
            Author.objects.order_by("name").values_list("slug", "name")
        )
        self.fields["topic"].choices = blank + list(
            Tag.objects.filter(language=language).order_by("name").values_list("slug", "name")
        )
        self.fields["q"].widget.attrs["maxlength"] = MAX_LENGTH
        texts = fallbacks.ui_language(language)
        if texts != language:  # the site's texts are a fallback's (lib/fallbacks.py)
            marks = {"lang": texts}
            if is_rtl(texts) != is_rtl(language):
                marks["dir"] = "rtl" if is_rtl(texts) else "ltr"
            for name in ("section", "author", "topic", "sort"):
                self.fields[name].widget.ui_attrs = marks

    def clean_q(self):
        return clean(self.cleaned_data["q"])

    @property
    def text(self) -> str:
        return self.cleaned_data.get("q", "") if hasattr(self, "cleaned_data") else ""

    def filter(self, articles):
        """``articles`` narrowed by the valid filters."""
        data = self.cleaned_data
        if data.get("section"):
            section = next(
                s for s in self.sections if s.slugs.get(self.language) == data["section"]
            )
            articles = articles.filter(section_id__in=section_tree_ids(self.sections, section))
        if data.get("author"):
            articles = articles.filter(bylines__author__slug=data["author"])
        if data.get("topic"):
            articles = articles.filter(tags__language=self.language, tags__slug=data["topic"])
        if data.get("since"):
            articles = articles.filter(publish_at__date__gte=data["since"])
        if data.get("until"):
            articles = articles.filter(publish_at__date__lte=data["until"])
        return articles

    @property
    def filtered(self) -> bool:
        filters = ("section", "author", "topic", "since", "until")
        return any(getattr(self, "cleaned_data", {}).get(name) for name in filters)
