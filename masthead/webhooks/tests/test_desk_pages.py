"""Administrators manage webhooks in the desk: list, add (the secret shown
once in full), change, disable and enable, delete after confirming; every
change in the audit log. Nobody else sees them."""

import pytest
from django.urls import reverse

from masthead.audit.models import AuditEntry
from masthead.testing import client_for
from masthead.webhooks.models import Subscription


@pytest.fixture
def ada(administrator):
    return client_for(administrator)  # the desk in English


def test_adding_a_webhook_shows_its_secret_once(ada, world):
    page = ada.get(reverse("desk:webhook_create"))
    assert page.status_code == 200
    response = ada.post(
        reverse("desk:webhook_create"),
        {
            "url": "https://apps.example.org/masthead",
            "description": "Die App",
            "events": ["article.published", "article.corrected"],
            "languages": ["de"],
            "section_ids": [world.pk],
        },
    )
    hook = Subscription.objects.get()
    assert response["Location"] == reverse("desk:webhook_detail", args=[hook.pk])
    assert hook.events == ["article.published", "article.corrected"]
    assert (hook.languages, hook.section_ids) == (["de"], [world.pk])
    assert hook.secret.startswith("whsec_") and len(hook.secret) > 40
    assert hook.created_by.username == "ada"

    first = ada.get(response["Location"]).content.decode()
    assert hook.secret in first
    again = ada.get(response["Location"]).content.decode()
    assert hook.secret not in again
    assert hook.secret_hint in again
    entry = AuditEntry.objects.get(action=AuditEntry.Action.WEBHOOK_CREATED)
    assert entry.details == {"webhook": "https://apps.example.org/masthead"}


def test_the_list_shows_every_webhook(ada, subscribe):
    subscribe("https://one.example.org/hook", description="Newsletter")
    subscribe("https://two.example.org/hook", languages=["en"])
    page = ada.get(reverse("desk:webhooks")).content.decode()
    assert "https://one.example.org/hook" in page
    assert "Newsletter" in page
    assert "https://two.example.org/hook" in page


def test_changing_disabling_enabling_and_deleting(ada, subscribe):
    hook = subscribe("https://one.example.org/hook")
    secret = hook.secret
    response = ada.post(
        reverse("desk:webhook_edit", args=[hook.pk]),
        {"url": "https://two.example.org/hook", "events": ["article.deleted"]},
    )
    assert response.status_code == 302
    hook.refresh_from_db()
    assert (hook.url, hook.events, hook.secret) == (
        "https://two.example.org/hook",
        ["article.deleted"],
        secret,  # the secret stays
    )

    ada.post(reverse("desk:webhook_disable", args=[hook.pk]))
    hook.refresh_from_db()
    assert not hook.active
    page = ada.get(reverse("desk:webhook_detail", args=[hook.pk])).content.decode()
    assert "This webhook is disabled" in page
    ada.post(reverse("desk:webhook_enable", args=[hook.pk]))
    hook.refresh_from_db()
    assert hook.active and hook.failures == 0

    confirm = ada.get(reverse("desk:webhook_delete", args=[hook.pk]))
    assert confirm.status_code == 200
    assert Subscription.objects.exists()  # asking deletes nothing
    ada.post(reverse("desk:webhook_delete", args=[hook.pk]))
    assert not Subscription.objects.exists()
    assert list(
        AuditEntry.objects.filter(action__startswith="webhook_")
        .order_by("id")
        .values_list("action", flat=True)
    ) == ["webhook_changed", "webhook_disabled", "webhook_enabled", "webhook_deleted"]


def test_a_webhook_disabled_for_its_failures_is_shown_to_administrators(
    ada, subscribe, settings, persona
):
    settings.LANGUAGE_CODE = "en"  # the reason is kept in the site's language
    hook = subscribe("https://one.example.org/hook")
    from masthead.webhooks import services

    hook.failures = 5
    hook.save()
    services.disable_for_failures(hook)
    for where in ("desk:webhooks", "desk:home"):
        page = ada.get(reverse(where)).content.decode()
        assert "The webhook for https://one.example.org/hook is disabled." in page
        assert "Disabled automatically after 5 failed deliveries in a row." in page
    # Only administrators see it.
    editors_page = client_for(persona("editor")).get(reverse("desk:home")).content.decode()
    assert "https://one.example.org/hook" not in editors_page


@pytest.mark.parametrize("role", ["editor", "reporter", "contributor", "translator"])
def test_nobody_else_sees_or_manages_webhooks(client, persona, role, subscribe):
    hook = subscribe("https://one.example.org/hook")
    client.force_login(persona(role))
    for name in ("webhooks", "webhook_create"):
        assert client.get(reverse(f"desk:{name}")).status_code == 403
    for name in ("webhook_detail", "webhook_edit", "webhook_delete"):
        assert client.get(reverse(f"desk:{name}", args=[hook.pk])).status_code == 403
    for name in ("webhook_disable", "webhook_delete"):
        assert client.post(reverse(f"desk:{name}", args=[hook.pk])).status_code == 403
    hook.refresh_from_db()
    assert hook.active
    page = client.get(reverse("desk:home")).content.decode()
    assert reverse("desk:webhooks") not in page


def test_why_a_webhook_was_disabled_is_said_in_each_reader_s_language(
    administrator, subscribe, settings
):
    from masthead.webhooks import services

    # The site's language: the administrators' e-mail's, and the reason kept.
    settings.LANGUAGE_CODE = "de"
    german_reason = "Automatisch deaktiviert nach 3 fehlgeschlagenen Zustellungen in Folge."
    hook = subscribe("https://apps.example.org/masthead", failures=3)
    services.disable_for_failures(hook)
    hook.refresh_from_db()
    assert hook.disabled_reason == german_reason
    detail = reverse("desk:webhook_detail", args=[hook.pk])
    english = client_for(administrator, "en").get(detail).content.decode()
    assert "Disabled automatically after 3 failed deliveries in a row." in english
    assert german_reason not in english
    german = client_for(administrator, "de").get(detail).content.decode()
    assert german_reason in german
    # Disabled by someone: no reason.
    services.enable(hook)
    services.disable(hook, administrator)
    assert "automati" not in client_for(administrator, "en").get(detail).content.decode()
