"""The writes of the webhooks' desk pages and of the delivery job: each owns
its transaction and audit entry, and checks no permission (the views ask
``rules.can`` first)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from masthead.accounts.roles import Role
from masthead.audit.models import AuditEntry
from masthead.audit.services import record
from masthead.lib.fallbacks import shipped_language
from masthead.lib.site import absolute_url

from .delivery import start
from .models import Delivery, Subscription

Action = AuditEntry.Action


@transaction.atomic
def create_subscription(subscription: Subscription, user=None) -> Subscription:
    """Store a new subscription; its secret is generated (models.new_secret)."""
    subscription.created_by = user if user is not None and user.is_authenticated else None
    subscription.full_clean(exclude=["created_by"])
    subscription.save()
    record(user, Action.WEBHOOK_CREATED, None, webhook=subscription.url)
    return subscription


@transaction.atomic
def change_subscription(subscription: Subscription, user=None) -> Subscription:
    subscription.full_clean(exclude=["created_by"])
    subscription.save()
    record(user, Action.WEBHOOK_CHANGED, None, webhook=subscription.url)
    return subscription


@transaction.atomic
def enable(subscription: Subscription, user=None) -> Subscription:
    """Send events to it again, counting its failures from zero."""
    subscription.active = True
    subscription.disabled_at = None
    subscription.disabled_reason = ""
    subscription.failures = 0
    subscription.save(update_fields=["active", "disabled_at", "disabled_reason", "failures"])
    record(user, Action.WEBHOOK_ENABLED, None, webhook=subscription.url)
    return subscription


@transaction.atomic
def disable(subscription: Subscription, user=None, reason: str = "") -> Subscription:
    """Stop sending events to it (the tries already queued stop too)."""
    subscription.active = False
    subscription.disabled_at = timezone.now()
    subscription.disabled_reason = reason[:300]
    subscription.save(update_fields=["active", "disabled_at", "disabled_reason"])
    record(user, Action.WEBHOOK_DISABLED, None, webhook=subscription.url, reason=reason)
    return subscription


def disable_for_failures(subscription: Subscription) -> None:
    """Disable a subscription whose last deliveries all failed, and tell
    the administrators by e-mail once that is committed (the desk shows it
    on the webhooks page)."""
    with transaction.atomic():
        locked = Subscription.objects.select_for_update().get(pk=subscription.pk)
        if not locked.active:
            return
        with translation.override(_mail_language()):
            reason = locked.failures_reason()
        disable(locked, None, reason)
        transaction.on_commit(lambda: notify_administrators(locked))


def _mail_language() -> str:
    return shipped_language(settings.LANGUAGE_CODE) or "en"


def administrators_emails() -> list[str]:
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    users = users.filter(Q(is_superuser=True) | Q(groups__name=Role.ADMINISTRATOR))
    return sorted(set(users.values_list("email", flat=True)))


def notify_administrators(subscription: Subscription) -> int:
    """E-mail every administrator with an address that ``subscription`` was
    disabled, in the site's default language. Returns how many were sent."""
    recipients = administrators_emails()
    if not recipients:
        return 0
    from django.urls import reverse

    with translation.override(_mail_language()):
        context = {
            "subscription": subscription,
            "site_name": settings.SITE_NAME,
            "url": absolute_url(reverse("desk:webhook_detail", args=[subscription.pk])),
        }
        subject = render_to_string("webhooks/disabled_subject.txt", context).strip()
        message = render_to_string("webhooks/disabled_email.txt", context)
    return send_mail(subject, message, None, recipients)


@transaction.atomic
def delete_subscription(subscription: Subscription, user=None) -> None:
    """Delete it with its deliveries and their log."""
    record(user, Action.WEBHOOK_DELETED, None, webhook=subscription.url)
    subscription.delete()


@transaction.atomic
def send_again(delivery: Delivery, user=None) -> Delivery:
    """Start a new round of tries of ``delivery`` now, with the same event
    and delivery id (receivers can tell it is the same), signed anew."""
    delivery = Delivery.objects.select_for_update().get(pk=delivery.pk)
    start(delivery, manual=True)
    record(
        user,
        Action.WEBHOOK_RESENT,
        None,
        webhook=delivery.subscription.url,
        delivery=str(delivery.pk),
    )
    return delivery


def prune_log(keep_days: int) -> int:
    """Delete the events that occurred more than ``keep_days`` days ago and
    whose deliveries have all ended, with their deliveries and tries (the
    log would otherwise grow for good). ``masthead prune_jobs`` and each
    worker, as it starts, call it with JOBS_KEEP_DAYS. Returns how many
    events were deleted."""
    from datetime import timedelta

    from .models import Event

    cutoff = timezone.now() - timedelta(days=keep_days)
    old = Event.objects.filter(occurred_at__lte=cutoff).exclude(
        deliveries__state=Delivery.State.PENDING
    )
    with transaction.atomic():
        count = old.count()
        old.delete()
    return count
