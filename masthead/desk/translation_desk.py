"""The translation desk: a version's segments beside the source's, one row
each, in the desk's language (masthead/translations/services.py holds the
rules); and the page of the machines' language pairs, the glossary and
what the machines translated.

GET shows the rows; POST saves what the translator changed ("Save"), and
can hand the version in ("Save and submit") or publish it, which is refused
while a segment is left. A second button asks the machine for every
segment not yet translated, or for suggestions on the segments whose
source changed; the page shows its progress, and refreshes itself while it
works (the form is not shown then: nothing typed can be lost to a refresh).

A translator's save changes only the segments whose text they changed or
confirmed; a segment someone else saved since the page was opened is left
as that person saved it, and the page says so.
"""

from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST

from masthead.accounts import rules
from masthead.articles import services as articles
from masthead.articles.models import Article
from masthead.lib.i18n import content_language_codes, language_name
from masthead.lib.text import plain_text
from masthead.translations import providers, services
from masthead.translations.models import (
    PROVIDER_LABELS,
    GlossaryTerm,
    MachineUsage,
    Segment,
    Translation,
)

from .revisions import diff_words
from .states import state_of
from .views import allowed_actions, article_for, desk_view

LABELS = {
    "kicker": gettext_lazy("Kicker"),
    "headline": gettext_lazy("Headline"),
    "standfirst": gettext_lazy("Standfirst"),
    "excerpt": gettext_lazy("Excerpt"),
    "seo_title": gettext_lazy("Title for search engines"),
    "seo_description": gettext_lazy("Description for search engines"),
    "social_headline": gettext_lazy("Headline for social media"),
}
BLOCK_LABELS = {
    "h1": gettext_lazy("Heading"),
    "h2": gettext_lazy("Heading"),
    "h3": gettext_lazy("Subheading"),
    "h4": gettext_lazy("Subheading"),
    "li": gettext_lazy("List item"),
    "blockquote": gettext_lazy("Quotation"),
    "figcaption": gettext_lazy("Caption in the text"),
    "td": gettext_lazy("Table cell"),
    "th": gettext_lazy("Table heading"),
    "pre": gettext_lazy("Preformatted text"),
}


@dataclass
class Row:
    segment: Segment
    label: str
    source_diff: list  # the source's change, word by word (empty when it did not change)


def _label(segment: Segment) -> str:
    if segment.is_body:
        return str(BLOCK_LABELS.get(segment.block, _("Paragraph")))
    if segment.correction_id:
        return _("Correction of the original")
    if segment.image_id:
        if segment.key.startswith("alt:"):
            return _("Alt text of picture %(id)s") % {"id": segment.image_id}
        return _("Caption of picture %(id)s") % {"id": segment.image_id}
    return str(LABELS.get(segment.key, segment.key))


def _translation_of(article: Article) -> Translation:
    try:
        return Translation.objects.select_related("source").get(article=article)
    except Translation.DoesNotExist:
        raise Http404 from None


@desk_view()
@require_http_methods(["GET", "POST"])
def translation_desk(request, pk):
    article = article_for(request, pk, rules.VIEW)
    translation = _translation_of(article)
    if request.method == "POST":
        return _save(request, article, translation)
    if translation.source_version != translation.source.version and services.sync(translation):
        translation.refresh_from_db()
    rows = [
        Row(
            segment,
            _label(segment),
            diff_words(plain_text(segment.previous_source), plain_text(segment.source))
            if segment.source_changed
            else [],
        )
        for segment in translation.segments.all()
    ]
    left = [row.segment for row in rows if row.segment.pending]
    machine_busy = translation.machine_state in (
        Translation.Machine.QUEUED,
        Translation.Machine.RUNNING,
    )
    provider = services.machine_for(translation)
    may_edit = rules.can(request.user, rules.EDIT, article)
    return render(
        request,
        "translations/desk.html",
        {
            "nav": "articles",
            "article": article,
            "state": state_of(article),
            "allowed": allowed_actions(request.user, article),
            "may_edit": may_edit,
            "translation": translation,
            "source": translation.source,
            "rows": rows,
            "left": len(left),
            "machine_left": sum(1 for s in left if s.state == Segment.State.MACHINE),
            "changed": sum(1 for s in left if s.source_changed),
            "removed": sum(1 for s in left if s.removed),
            "next_left": left[0] if left else None,
            "untranslated": sum(
                1 for row in rows if row.segment.state == Segment.State.NEW and not row.segment.text
            ),
            "provider": provider,
            "machine_busy": machine_busy,
            "source_language": language_name(translation.source.language),
            "language": language_name(article.language),
        },
    )


def _changes(request, translation: Translation) -> tuple[dict, int]:
    """{segment id: Change} from the form, and how many segments someone
    else changed since the page was opened (those are left alone)."""
    changes, conflicts = {}, 0
    current = {s.pk: s for s in translation.segments.all()}
    for pk, segment in current.items():
        field = f"s{pk}"
        if f"{field}-was" not in request.POST:
            continue  # not on the page (added since)
        was = request.POST.get(f"{field}-was", "")
        text = request.POST.get(f"{field}-text", was)
        confirm = request.POST.get(f"{field}-confirm") == "1"
        drop = request.POST.get(f"{field}-drop") == "1"
        suggestion = request.POST.get("use_suggestion") == str(pk)
        if not (text != was or confirm or drop or suggestion):
            continue
        if segment.text != was and text != was:
            conflicts += 1  # both changed it: theirs stays
            continue
        changes[pk] = services.Change(text, confirm, drop, suggestion)
    return changes, conflicts


def _save(request, article: Article, translation: Translation):
    if not rules.can(request.user, rules.EDIT, article):
        raise PermissionDenied
    action = request.POST.get("_action", "save")
    with transaction.atomic():
        changes, conflicts = _changes(request, translation)
        changed = services.save_segments(translation, changes, request.user) if changes else 0
    if conflicts:
        messages.warning(
            request,
            ngettext(
                "Someone else saved %(count)s segment while you worked on it: their text "
                "is kept. Compare it with yours below.",
                "Someone else saved %(count)s segments while you worked on them: their "
                "texts are kept. Compare them with yours below.",
                conflicts,
            )
            % {"count": conflicts},
        )
    elif changed:
        messages.success(
            request,
            ngettext("%(count)s segment saved.", "%(count)s segments saved.", changed)
            % {"count": changed},
        )
    target = reverse("desk:translation", args=[article.pk])
    if action in ("submit", "publish"):
        article.refresh_from_db()
        rule = rules.SUBMIT if action == "submit" else rules.PUBLISH
        if not rules.can(request.user, rule, article):
            raise PermissionDenied
        error = services.unreviewed_error(article)
        if error is not None:
            messages.error(request, " ".join(error.messages))
            return redirect(target + _next_anchor(translation))
        if action == "submit":
            articles.submit_for_review(article, request.user)
            messages.success(
                request,
                _("“%(headline)s” is waiting for review.") % {"headline": article.headline},
            )
        else:
            articles.publish(article, request.user)
            messages.success(
                request, _("“%(headline)s” is published.") % {"headline": article.headline}
            )
    return redirect(target + _next_anchor(translation))


def _next_anchor(translation: Translation) -> str:
    """The first segment still to do, as the page's fragment."""
    left = next((s for s in translation.segments.all() if s.pending), None)
    return f"#segment-{left.pk}" if left else ""


@desk_view()
@require_POST
def translation_machine(request, pk):
    """Ask the machine for the segments not yet translated, or (``what``
    "suggestions") for suggestions on the segments whose source changed."""
    article = article_for(request, pk, rules.EDIT)
    translation = _translation_of(article)
    suggestions = request.POST.get("what") == "suggestions"
    if translation.machine_state in (Translation.Machine.QUEUED, Translation.Machine.RUNNING):
        messages.info(request, _("The machine is already at work on this translation."))
    elif services.request_machine(translation, request.user, suggestions=suggestions):
        messages.success(
            request,
            _("The machine is translating. This page shows how far it got.")
            if not suggestions
            else _("The machine is writing suggestions for the changed segments."),
        )
    else:
        messages.error(
            request,
            _("No machine translation is set up from %(source)s into %(target)s.")
            % {
                "source": language_name(translation.source.language),
                "target": language_name(article.language),
            },
        )
    return redirect("desk:translation", pk=article.pk)


# Machine translation: the glossary (editors) and the usage (administrators)


class GlossaryForm(forms.ModelForm):
    class Meta:
        model = GlossaryTerm
        fields = ["source_language", "target_language", "term", "translation"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(code, language_name(code)) for code in content_language_codes()]
        for name in ("source_language", "target_language"):
            self.fields[name] = forms.ChoiceField(choices=choices, label=self.fields[name].label)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("source_language") and cleaned.get("source_language") == cleaned.get(
            "target_language"
        ):
            self.add_error("target_language", _("Choose two different languages."))
        return cleaned


@desk_view(rules.MANAGE_TAXONOMY)
@require_http_methods(["GET", "POST"])
def machine_translation(request):
    """The language pairs a machine translates, the newsroom's glossary
    (terms a machine keeps or translates as given), and, for
    administrators, the characters each provider translated per month."""
    form = GlossaryForm()
    if request.method == "POST":
        if remove := request.POST.get("remove"):
            GlossaryTerm.objects.filter(pk=int(remove) if remove.isdigit() else 0).delete()
            messages.success(request, _("The term was removed from the glossary."))
            return redirect("desk:machine_translation")
        form = GlossaryForm(request.POST)
        if form.is_valid():
            try:
                with transaction.atomic():
                    form.save()
            except IntegrityError:  # added by someone else since the form was checked
                form.add_error(None, _("The glossary has this term for these languages already."))
            else:
                messages.success(request, _("The term was added to the glossary."))
                return redirect("desk:machine_translation")
    pairs = [
        (
            language_name(source) if source != "*" else _("any language"),
            language_name(target),
            PROVIDER_LABELS.get(name, name),
            providers.provider_named(name) is not None,
        )
        for (source, _colon, target), name in (
            (pair.partition(":"), name) for pair, name in settings.MACHINE_TRANSLATION.items()
        )
    ]
    return render(
        request,
        "translations/machine.html",
        {
            "nav": "translations",
            "pairs": pairs,
            "form": form,
            "terms": GlossaryTerm.objects.all(),
            "usage": MachineUsage.objects.all()[:36]
            if rules.can(request.user, rules.MANAGE_USERS)
            else None,
            "provider_labels": PROVIDER_LABELS,
        },
        status=400 if form.errors else 200,
    )
