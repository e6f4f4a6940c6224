"""The webhooks' log does not grow for good: `masthead prune_jobs` (and each
worker, as it starts) deletes the events older than JOBS_KEEP_DAYS whose
deliveries have all ended, never one still being tried."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from masthead.webhooks.models import Attempt, Delivery, Event


def event(subscription, days_ago, state):
    made = Event.objects.create(
        type="article.published",
        occurred_at=timezone.now() - timedelta(days=days_ago),
        article_id=1,
        headline=f"{state} vor {days_ago} Tagen",
        body="{}",
    )
    delivery = Delivery.objects.create(event=made, subscription=subscription, state=state)
    Attempt.objects.create(
        delivery=delivery, started_at=made.occurred_at, duration_ms=5, outcome="delivered"
    )
    return made


def test_old_ended_deliveries_go_with_their_events(subscribe, settings, capsys):
    settings.JOBS_KEEP_DAYS = 14
    hook = subscribe("https://apps.example.org/hook")
    event(hook, 20, "succeeded")
    event(hook, 20, "failed")
    event(hook, 20, "pending")  # still being tried
    event(hook, 3, "succeeded")  # recent

    call_command("prune_jobs")

    assert "Deleted 2 webhook events whose deliveries had ended." in capsys.readouterr().out
    assert sorted(Event.objects.values_list("headline", flat=True)) == [
        "pending vor 20 Tagen",
        "succeeded vor 3 Tagen",
    ]
    assert Delivery.objects.count() == Attempt.objects.count() == 2
