"""The newsroom dashboard at /desk/: what waits for review, what comes next,
what was just published, and who is editing what. The article list moved
to /desk/articles/."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import lxml.html
import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from masthead.articles import services
from masthead.articles.models import Article, Autosave
from masthead.testing import password_of

PANELS = ("in-review", "scheduled", "published", "editing")


def panels(response) -> dict[str, list[str]]:
    """{panel id: the headlines it links to, in order}."""
    assert response.status_code == 200
    root = lxml.html.fromstring(response.content)
    return {
        panel: [a.text_content().strip() for a in root.xpath(f'//section[@id="{panel}"]//li/a')]
        for panel in PANELS
    }


def links(response, panel) -> list[str]:
    root = lxml.html.fromstring(response.content)
    return root.xpath(f'//section[@id="{panel}"]//li/a/@href')


def in_review(make_article, headline, waiting, **fields):
    article = make_article(headline, status=Article.Status.DRAFT, age=None, **fields)
    services.submit_for_review(article)
    Article.objects.filter(pk=article.pk).update(modified_at=timezone.now() - waiting)
    return article


def scheduled(make_article, headline, ahead, **fields):
    article = make_article(headline, status=Article.Status.DRAFT, age=None, **fields)
    return services.publish(article, at=timezone.now() + ahead)


# Addresses


def test_the_dashboard_is_desk_home_and_the_list_moved():
    assert reverse("desk:home") == "/desk/"
    assert reverse("desk:articles") == "/desk/articles/"
    assert settings.LOGIN_REDIRECT_URL == "desk:home"


def test_signing_in_lands_on_the_dashboard(client, editor):
    response = client.post(
        reverse("desk:login"), {"username": "eda", "password": password_of("eda")}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/desk/"
    assert "desk/dashboard.html" in [t.name for t in response.templates]


def test_the_article_list_is_at_desk_articles(editor_client, make_article):
    make_article("In der Liste")
    response = editor_client.get("/desk/articles/")
    assert response.status_code == 200
    assert "desk/home.html" in [t.name for t in response.templates]
    assert [row.article.headline for row in response.context["rows"]] == ["In der Liste"]
    page = response.content.decode()
    assert 'action="/desk/articles/"' in page


def test_the_header_links_both(editor_client):
    root = lxml.html.fromstring(editor_client.get("/desk/").content)
    nav = root.xpath('//nav[@class="desk-nav"]//a')
    hrefs = {a.get("href"): a.get("aria-current") for a in nav}
    assert hrefs["/desk/"] == "page"
    assert "/desk/articles/" in hrefs and hrefs["/desk/articles/"] is None


# The panels


def test_in_review_lists_the_longest_waiting_first(editor_client, make_article):
    in_review(make_article, "Seit gestern", timedelta(days=1))
    in_review(make_article, "Seit einer Stunde", timedelta(hours=1))
    in_review(make_article, "Seit einer Woche", timedelta(days=7))
    make_article("Ein Entwurf", status=Article.Status.DRAFT, age=None)
    assert panels(editor_client.get("/desk/"))["in-review"] == [
        "Seit einer Woche",
        "Seit gestern",
        "Seit einer Stunde",
    ]


def test_scheduled_next_lists_the_soonest_first(editor_client, make_article):
    scheduled(make_article, "Übermorgen", timedelta(days=2))
    scheduled(make_article, "In einer Stunde", timedelta(hours=1))
    make_article("Schon erschienen")
    assert panels(editor_client.get("/desk/"))["scheduled"] == ["In einer Stunde", "Übermorgen"]


def test_recently_published_lists_the_last_ten_public(editor_client, make_article):
    for n in range(12):
        make_article(f"Meldung {n}", age=timedelta(hours=n + 1))
    make_article("Ein Entwurf", status=Article.Status.DRAFT, age=None)
    scheduled(make_article, "Morgen", timedelta(days=1))
    unpublished = make_article("Zurückgezogen")
    services.unpublish(unpublished)
    assert panels(editor_client.get("/desk/"))["published"] == [f"Meldung {n}" for n in range(10)]


def test_a_scheduled_article_moves_to_recently_published_when_its_time_comes(
    editor_client, make_article
):
    noon = datetime(2026, 3, 10, 12, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    with time_machine.travel(noon, tick=False) as clock:
        # At 12:00 it is scheduled for 12:05.
        scheduled(make_article, "Gleich da", timedelta(minutes=5))
        before = panels(editor_client.get("/desk/"))
        assert before["scheduled"] == ["Gleich da"] and before["published"] == []
        # At 12:04:59 it still waits.
        clock.move_to(noon + timedelta(minutes=4, seconds=59))
        assert panels(editor_client.get("/desk/"))["scheduled"] == ["Gleich da"]
        # At 12:05 it is published, and nobody touched it.
        clock.move_to(noon + timedelta(minutes=5))
        after = panels(editor_client.get("/desk/"))
        assert after["scheduled"] == [] and after["published"] == ["Gleich da"]


def test_an_article_scheduled_in_the_past_is_published(editor_client, make_article):
    article = make_article("Früher geplant", status=Article.Status.DRAFT, age=None)
    services.publish(article, at=timezone.now() - timedelta(minutes=1))
    after = panels(editor_client.get("/desk/"))
    assert after["scheduled"] == [] and after["published"] == ["Früher geplant"]


def test_each_entry_links_to_the_editor(editor_client, make_article):
    review = in_review(make_article, "Zur Prüfung", timedelta(hours=1))
    later = scheduled(make_article, "Später", timedelta(hours=1))
    public = make_article("Öffentlich")
    response = editor_client.get("/desk/")
    for panel, article in (("in-review", review), ("scheduled", later), ("published", public)):
        assert links(response, panel) == [reverse("desk:article_edit", args=[article.pk])]


# Presence


def autosave_seen(article, user, ago):
    copy = services.autosave(article, user, {"headline": article.headline}, article.version)
    Autosave.objects.filter(pk=copy.pk).update(seen_at=timezone.now() - ago)
    return copy


def test_presence_shows_who_was_seen_in_the_last_two_minutes(
    editor_client, make_article, editor, reporter, translator
):
    fresh = make_article("Wird gerade bearbeitet")
    stale = make_article("Längst verlassen")
    autosave_seen(fresh, reporter, timedelta(seconds=30))
    autosave_seen(stale, translator, timedelta(minutes=5))
    # The editor's own copy counts too.
    autosave_seen(stale, editor, timedelta(seconds=10))

    response = editor_client.get("/desk/")
    assert panels(response)["editing"] == ["Längst verlassen", "Wird gerade bearbeitet"]
    root = lxml.html.fromstring(response.content)
    items = [" ".join(li.text_content().split()) for li in root.xpath('//*[@id="editing"]//li')]
    assert items[0].startswith("eda ") and items[1].startswith("ron ")
    assert not any("theo" in item for item in items)
    assert links(response, "editing") == [
        reverse("desk:article_edit", args=[stale.pk]),
        reverse("desk:article_edit", args=[fresh.pk]),
    ]


def test_presence_is_empty_without_recent_autosaves(editor_client, make_article, reporter):
    autosave_seen(make_article(), reporter, timedelta(minutes=5))
    response = editor_client.get("/desk/")
    assert panels(response)["editing"] == []
    assert 'id="editing-heading"' in response.content.decode()


# Contributors see their own articles only


def test_contributors_see_only_their_own_articles(
    client, make_article, contributor, reporter, editor
):
    cora, other = contributor, reporter
    in_review(make_article, "Coras Prüfung", timedelta(hours=2), created_by=cora)
    in_review(make_article, "Fremde Prüfung", timedelta(hours=1), created_by=other)
    scheduled(make_article, "Coras Termin", timedelta(hours=1), created_by=cora)
    scheduled(make_article, "Fremder Termin", timedelta(hours=2), created_by=other)
    mine = make_article("Coras Meldung", created_by=cora)
    theirs = make_article("Fremde Meldung", created_by=other)
    autosave_seen(mine, editor, timedelta(seconds=20))
    autosave_seen(theirs, editor, timedelta(seconds=20))

    client.force_login(cora)
    assert panels(client.get("/desk/")) == {
        "in-review": ["Coras Prüfung"],
        "scheduled": ["Coras Termin"],
        "published": ["Coras Meldung"],
        "editing": ["Coras Meldung"],
    }

    client.force_login(reporter)
    seen = panels(client.get("/desk/"))
    assert seen["in-review"] == ["Coras Prüfung", "Fremde Prüfung"]
    assert sorted(seen["editing"]) == ["Coras Meldung", "Fremde Meldung"]


@pytest.mark.parametrize(
    "role", ["editor", "reporter", "contributor", "translator", "administrator"]
)
def test_every_role_gets_the_dashboard(client, persona, role):
    client.force_login(persona(role))
    assert client.get("/desk/").status_code == 200


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    response = client.get("/desk/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("desk:login"))


# Queries


def test_it_runs_the_same_number_of_queries_for_more_articles(
    client,
    make_article,
    persona,
    reporter,
    editor,
    django_assert_max_num_queries,
    django_assert_num_queries,
):
    def fill(name, owner):
        mine = {"created_by": owner}
        in_review(make_article, f"Prüfung {name}", timedelta(hours=1), **mine)
        scheduled(make_article, f"Termin {name}", timedelta(hours=1), **mine)
        public = make_article(f"Meldung {name}", language="en" if len(name) % 2 else "de", **mine)
        autosave_seen(public, reporter, timedelta(seconds=10))
        autosave_seen(public, editor, timedelta(seconds=20))

    for role in ("editor", "contributor"):
        user = persona(role)
        client.force_login(user)
        fill(f"{role} 0", user)
        with django_assert_max_num_queries(12) as few:
            client.get("/desk/")
        for n in range(1, 13):
            fill(f"{role} {n}", user)
        with django_assert_num_queries(len(few.captured_queries)):
            response = client.get("/desk/")
        counts = {panel: len(headlines) for panel, headlines in panels(response).items()}
        assert counts == {"in-review": 10, "scheduled": 10, "published": 10, "editing": 20}
