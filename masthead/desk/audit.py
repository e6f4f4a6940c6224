"""The audit log: who did what to which article, and when, newest first.

Entries outlive their articles (``AuditEntry.article_id`` is a plain
number): a deleted article is named by the headline stored in the entry.
Editors and administrators read the log (rules.VIEW_AUDIT).
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from masthead.accounts import rules
from masthead.articles.models import Article
from masthead.audit.models import ACCOUNT_ACTIONS, AuditEntry
from masthead.lib.dates import absolute_datetime
from masthead.lib.numbers import parse_id

from .views import desk_view

PER_PAGE = 50

# What the keys of ``AuditEntry.details`` mean; a key not named here is
# shown as it is stored.
DETAIL_LABELS = {
    "version": _("version"),
    "publish_at": _("publish time"),
    "correction": _("correction"),
    "source": _("translated from article"),
    "link": _("preview link"),
    "expires": _("expires"),
    "revision": _("revision"),
    "username": _("account name entered"),
    "path": _("sign-in form"),
    "minutes": _("locked for minutes"),
    "user": _("account"),
    "session_address": _("address of the session"),
    "locked_address": _("locked address"),
    "image": _("image number"),
    "name": _("file name"),
    "position": _("place"),
    "until": _("until"),
    "webhook": _("webhook address"),
    "reason": _("reason"),
    "delivery": _("delivery"),
}
DETAIL_TIMES = {"publish_at", "expires", "until"}


class AuditFilterForm(forms.Form):
    """The filters above the audit log (a GET form)."""

    user = forms.ChoiceField(label=_("User"), required=False)
    action = forms.ChoiceField(label=_("Action"), required=False)
    article = forms.CharField(
        label=_("Article number or headline"),
        required=False,
        max_length=200,
        widget=forms.SearchInput,
    )
    address = forms.GenericIPAddressField(
        label=_("Address"),
        required=False,
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
    )
    since = forms.DateField(
        label=_("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    until = forms.DateField(
        label=_("To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, users=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        self.fields["user"].choices = [("", gettext("All users")), *((u, u) for u in users)]
        self.fields["action"].choices = [
            ("", gettext("All actions")),
            (
                gettext("Articles"),
                [c for c in AuditEntry.Action.choices if c[0] not in ACCOUNT_ACTIONS],
            ),
            (
                gettext("Signing in"),
                [c for c in AuditEntry.Action.choices if c[0] in ACCOUNT_ACTIONS],
            ),
        ]
        self.fields["address"].error_messages["invalid"] = gettext(
            "Enter an IPv4 or IPv6 address, for example 192.0.2.10."
        )
        invalid_date = gettext("Enter a date, for example 2026-11-25.")
        for name in ("since", "until"):
            self.fields[name].error_messages["invalid"] = invalid_date

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            raise ValidationError(
                gettext("The first day comes after the last day. Swap the two dates."),
                code="dates_reversed",
            )
        return cleaned

    def filter(self, entries):
        data = self.cleaned_data
        if data["user"]:
            entries = entries.filter(actor_name=data["user"])
        if data["action"]:
            entries = entries.filter(action=data["action"])
        if query := data["article"].strip():
            match = Q(headline__icontains=query)
            if (number := parse_id(query.lstrip("#"))) is not None:
                match |= Q(article_id=number)
            entries = entries.filter(match)
        if data["address"]:
            entries = entries.filter(ip_address=data["address"])
        # Whole days in the site's time zone.
        if data["since"]:
            entries = entries.filter(created_at__gte=_start_of(data["since"]))
        if data["until"]:
            entries = entries.filter(created_at__lt=_start_of(data["until"] + timedelta(days=1)))
        return entries


def _start_of(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


@dataclass
class Detail:
    label: str
    value: str


@dataclass
class Row:
    entry: AuditEntry
    # False when the article has been deleted since.
    exists: bool
    details: list[Detail]


def _details(entry: AuditEntry) -> list[Detail]:
    language = get_language()
    result = []
    if entry.ip_address:
        result.append(Detail(gettext("address"), entry.ip_address))
    for key, value in (entry.details or {}).items():
        if key in DETAIL_TIMES and isinstance(value, str):
            try:
                value = absolute_datetime(datetime.fromisoformat(value), language)
            except ValueError:
                pass
        result.append(Detail(str(DETAIL_LABELS.get(key, key)), str(value)))
    return result


@desk_view(rules.VIEW_AUDIT)
def audit_log(request):
    users = (
        AuditEntry.objects.exclude(actor_name="")
        .order_by("actor_name")
        .values_list("actor_name", flat=True)
        .distinct()
    )
    form = AuditFilterForm(request.GET or None, users=list(users))
    entries = AuditEntry.objects.order_by("-created_at", "-id")
    if form.is_valid():
        entries = form.filter(entries)
    page = Paginator(entries, PER_PAGE).get_page(request.GET.get("page"))
    shown = list(page.object_list)
    # Which of the articles still exist, in one query.
    ids = {entry.article_id for entry in shown if entry.article_id is not None}
    existing = set(Article.objects.filter(pk__in=ids).order_by().values_list("pk", flat=True))
    return render(
        request,
        "desk/audit.html",
        {
            "nav": "audit",
            "form": form,
            "page": page,
            "rows": [Row(entry, entry.article_id in existing, _details(entry)) for entry in shown],
            "filtered": form.is_bound and any(form.data.get(f) for f in form.fields),
        },
    )
