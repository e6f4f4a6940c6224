"""Every change readers can see becomes one event, whichever path makes it
(the services the desk and the API call, the admin); drafts never leave
the site; nothing is announced before its transaction commits."""

import json
from datetime import timedelta

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from masthead.articles import frontpage, services
from masthead.articles.models import Article
from masthead.webhooks.models import Event

from .receivers import Receiver


@pytest.fixture
def receiver():
    with Receiver() as server:
        yield server


@pytest.fixture
def hooked(receiver, subscribe):
    return subscribe(receiver.url)


def events():
    return [json.loads(e.body) for e in Event.objects.order_by("occurred_at", "type")]


def types():
    return [e["type"] for e in events()]


def test_it_announces_a_publication_with_the_documented_payload(
    hooked, receiver, make_article, editor, commit, world
):
    with commit():
        article = make_article(status=Article.Status.DRAFT, age=None, user=editor)
    assert types() == []  # a draft is nobody's business outside
    with commit():
        services.publish(article, editor)

    (event,) = events()
    assert event["type"] == "article.published"
    assert set(event) == {"id", "type", "occurred_at", "article"}
    article.refresh_from_db()
    assert event["article"] == {
        "id": article.pk,
        "language": "de",
        "headline": "Der Rat beschließt den Haushalt",
        "url": "http://testserver" + article.get_absolute_url(),
        "section": {"id": world.pk, "slug": "welt", "name": "Welt"},
        "translation_key": str(article.translation_key),
        "status": "published",
        "publish_at": article.publish_at.isoformat(),
    }
    (received,) = receiver.received
    assert json.loads(received.body) == event
    assert received.headers["masthead-event"] == "article.published"
    assert received.headers["masthead-event-id"] == event["id"]


def test_an_article_created_published_is_announced_once(hooked, make_article, commit):
    with commit():
        make_article()
    assert types() == ["article.published"]


def test_updated_unpublished_corrected_deleted(hooked, make_article, editor, commit):
    with commit():
        article = make_article(user=editor)
    with commit():
        article.headline = "Der Rat beschließt den Haushalt für 2027"
        services.save_article(article, authors=article.byline_authors, user=editor)
    with commit():
        services.add_correction(article, "Der Haushalt gilt für 2027, nicht 2026.", editor)
    with commit():
        services.unpublish(article, editor)
    with commit():
        services.publish(article, editor)
    with commit():
        services.delete_article(article, editor)

    assert types() == [
        "article.published",
        "article.updated",
        "article.corrected",
        "article.unpublished",
        "article.published",
        "article.deleted",
    ]
    corrected = events()[2]
    assert corrected["correction"]["text"] == "Der Haushalt gilt für 2027, nicht 2026."
    assert events()[1]["article"]["headline"] == "Der Rat beschließt den Haushalt für 2027"
    assert events()[-1]["article"]["headline"] == "Der Rat beschließt den Haushalt für 2027"


def test_what_readers_never_saw_is_never_announced(hooked, make_article, editor, commit):
    with commit():
        draft = make_article(status=Article.Status.DRAFT, age=None, user=editor)
        draft.headline = "Geheim: der Entwurf"
        services.save_article(draft, authors=draft.byline_authors, user=editor)
        services.add_correction(draft, "Noch nicht veröffentlicht.", editor)
        services.delete_article(draft, editor)
    assert types() == []


def test_the_breaking_news_banner_is_no_update(hooked, make_article, editor, commit):
    with commit():
        article = make_article(user=editor)
    with commit():
        frontpage.mark_breaking(article, timezone.now() + timedelta(hours=1), editor)
    assert types() == ["article.published"]


def test_a_save_that_changes_nothing_readers_see_is_no_update(hooked, make_article, editor, commit):
    with commit():
        article = make_article(user=editor)
    with commit():
        services.save_article(article, authors=article.byline_authors, user=editor)
    assert types() == ["article.published"]


def test_loaders_without_signals_announce_what_they_published(hooked, world, author, commit):
    from masthead.webhooks.events import announce_published

    now = timezone.now()
    made = Article.objects.bulk_create(
        [
            Article(language="de", headline="Aus dem Archiv", slug="archiv", section=world,
                    status="published", publish_at=now - timedelta(days=3)),
            Article(language="de", headline="Noch ein Entwurf", slug="entwurf", section=world,
                    status="draft"),
        ]
    )  # fmt: skip
    with commit():
        announce_published([a.pk for a in made])
    assert [(e["type"], e["article"]["headline"]) for e in events()] == [
        ("article.published", "Aus dem Archiv")
    ]


def test_a_rolled_back_change_announces_nothing(hooked, make_article, editor, commit):
    with commit():
        article = make_article(status=Article.Status.DRAFT, age=None, user=editor)
    with commit():
        try:
            with transaction.atomic():
                services.publish(article, editor)
                raise RuntimeError("the editor's browser went away")
        except RuntimeError:
            pass
    assert types() == []


def test_the_admin_is_caught_too(hooked, make_article, administrator, client, commit):
    with commit():
        article = make_article(status=Article.Status.DRAFT, age=None, user=administrator)
    client.force_login(administrator)
    with commit():
        response = client.post(
            reverse("admin:articles_article_changelist"),
            {"action": "publish_selected", "_selected_action": [article.pk]},
        )
    assert response.status_code == 302
    assert types() == ["article.published"]


def test_a_disabled_subscription_gets_nothing(hooked, receiver, make_article, commit):
    hooked.active = False
    hooked.save()
    with commit():
        make_article()
    assert Event.objects.count() == 0
    assert receiver.received == []
