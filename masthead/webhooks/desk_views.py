"""The desk's webhooks pages, for administrators (rules.MANAGE_USERS, as
for the site's other settings): the list, a subscription with its delivery
log, creating, changing, disabling, enabling and deleting one, and sending
a delivery again. Routed in masthead/desk/urls.py."""

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from masthead.accounts import rules
from masthead.accounts.decorators import desk_view
from masthead.lib.i18n import language_name
from masthead.sections.models import Section

from . import services
from .forms import SubscriptionForm
from .models import Attempt, Delivery, EventType, Subscription

# Deliveries shown on a subscription's page, newest first.
SHOWN = 50
# The session key that lets the next view of a new subscription show its
# secret in full, once.
SHOW_SECRET = "webhooks_show_secret"  # noqa: S105 (a session key, not a secret)


def _labels(subscription: Subscription, sections: dict[int, str]) -> dict:
    events = dict(EventType.choices)
    return {
        "events": [str(events.get(e, e)) for e in subscription.events],
        "languages": [language_name(code) for code in subscription.languages],
        "sections": [sections.get(pk, f"#{pk}") for pk in subscription.section_ids],
    }


def _section_names() -> dict[int, str]:
    return {section.pk: section.name for section in Section.objects.all()}


@desk_view(rules.MANAGE_USERS)
def webhook_list(request):
    subscriptions = list(Subscription.objects.select_related("created_by"))
    sections = _section_names()
    rows = [(s, _labels(s, sections)) for s in subscriptions]
    return render(
        request,
        "webhooks/list.html",
        {
            "nav": "webhooks",
            "rows": rows,
            "disabled": [s for s in subscriptions if not s.active and s.disabled_reason],
        },
    )


@desk_view(rules.MANAGE_USERS)
def webhook_create(request):
    form = SubscriptionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        subscription = services.create_subscription(form.save(commit=False), request.user)
        request.session[SHOW_SECRET] = subscription.pk
        messages.success(request, _("The webhook was added."))
        return redirect("desk:webhook_detail", pk=subscription.pk)
    return render(request, "webhooks/form.html", {"nav": "webhooks", "form": form})


@desk_view(rules.MANAGE_USERS)
def webhook_detail(request, pk):
    subscription = get_object_or_404(Subscription.objects.select_related("created_by"), pk=pk)
    show_secret = request.session.get(SHOW_SECRET) == subscription.pk
    if show_secret:
        del request.session[SHOW_SECRET]
    deliveries = (
        subscription.deliveries.select_related("event")
        .prefetch_related(Prefetch("attempts", queryset=Attempt.objects.order_by("-started_at")))
        .order_by("-created_at")[:SHOWN]
    )
    return render(
        request,
        "webhooks/detail.html",
        {
            "nav": "webhooks",
            "subscription": subscription,
            "labels": _labels(subscription, _section_names()),
            "show_secret": show_secret,
            "deliveries": deliveries,
            "shown": SHOWN,
            "count": subscription.deliveries.count(),
        },
    )


@desk_view(rules.MANAGE_USERS)
def webhook_edit(request, pk):
    subscription = get_object_or_404(Subscription, pk=pk)
    form = SubscriptionForm(request.POST or None, instance=subscription)
    if request.method == "POST" and form.is_valid():
        services.change_subscription(form.save(commit=False), request.user)
        messages.success(request, _("The webhook was saved."))
        return redirect("desk:webhook_detail", pk=pk)
    return render(
        request,
        "webhooks/form.html",
        {"nav": "webhooks", "form": form, "subscription": subscription},
    )


@desk_view(rules.MANAGE_USERS)
@require_POST
def webhook_disable(request, pk):
    subscription = get_object_or_404(Subscription, pk=pk)
    if subscription.active:
        services.disable(subscription, request.user)
        messages.success(request, _("The webhook was disabled: no events are sent to it."))
    return redirect("desk:webhook_detail", pk=pk)


@desk_view(rules.MANAGE_USERS)
@require_POST
def webhook_enable(request, pk):
    subscription = get_object_or_404(Subscription, pk=pk)
    if not subscription.active:
        services.enable(subscription, request.user)
        messages.success(
            request, _("The webhook was enabled: the next events are sent to it again.")
        )
    return redirect("desk:webhook_detail", pk=pk)


@desk_view(rules.MANAGE_USERS)
def webhook_delete(request, pk):
    subscription = get_object_or_404(Subscription, pk=pk)
    if request.method == "POST":
        services.delete_subscription(subscription, request.user)
        messages.success(
            request,
            _("The webhook for %(address)s was deleted.") % {"address": subscription.url},
        )
        return redirect("desk:webhooks")
    return render(
        request, "webhooks/delete.html", {"nav": "webhooks", "subscription": subscription}
    )


@desk_view(rules.MANAGE_USERS)
@require_POST
def webhook_resend(request, pk, delivery):
    subscription = get_object_or_404(Subscription, pk=pk)
    found = get_object_or_404(Delivery, pk=delivery, subscription=subscription)
    if not subscription.active:
        messages.error(request, _("The webhook is disabled: enable it before sending again."))
    else:
        services.send_again(found, request.user)
        messages.success(request, _("The event is being sent again; its try appears below."))
    return redirect("desk:webhook_detail", pk=pk)
