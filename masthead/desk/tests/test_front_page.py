"""The desk's front page (desk/frontpage.py): pin, move, take off, mark and
end breaking news; bad input refused with a message and nothing changed.
Who may: masthead/accounts/tests/test_routes.py."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from masthead.articles import frontpage
from masthead.articles.models import Article, FrontPageSlot


def local(value):
    return timezone.localtime(value).strftime("%Y-%m-%dT%H:%M")


@pytest.fixture
def german_client(editor_client):
    editor_client.cookies["django_language"] = "de"
    return editor_client


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def test_the_page_shows_the_places_breaking_news_and_the_newest_articles(
    german_client, make_article, editor
):
    lead = make_article("Der Rat tagt")
    make_article("Wetter", age=timedelta(minutes=5))
    make_article("Entwurf", status=Article.Status.DRAFT, age=None)
    frontpage.pin(lead, 1, user=editor)
    frontpage.mark_breaking(lead, timezone.now() + timedelta(hours=1), user=editor)
    html = german_client.get(reverse("desk:front_page")).content.decode()
    assert "Aufmacher" in html and "Der Rat tagt" in html and "Wetter" in html
    assert "Eilmeldung" in html and "Jetzt beenden" in html
    assert "Entwurf" not in html
    # Every row's form has ids of its own.
    assert html.count('id="id_position"') == 0
    assert f'id="pin{lead.pk}_position"' in html


def test_pinning_from_the_desk(german_client, make_article):
    story = make_article("Der Rat tagt")
    until = timezone.now() + timedelta(hours=3)
    response = german_client.post(
        reverse("desk:front_page_pin", args=[story.pk]),
        {"position": "2", "until": local(until), "next": reverse("desk:front_page")},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("desk:front_page")
    slot = FrontPageSlot.objects.get()
    assert (slot.article, slot.position, slot.language) == (story, 2, "de")
    assert slot.until == until.replace(second=0, microsecond=0)
    assert "steht bis" in messages_of(response)[0] and "auf Platz 2" in messages_of(response)[0]


def test_taking_off_and_ending_breaking_news(german_client, make_article, editor):
    story = make_article("Der Rat tagt")
    frontpage.pin(story, 1, user=editor)
    frontpage.mark_breaking(story, timezone.now() + timedelta(hours=1), user=editor)
    german_client.post(reverse("desk:front_page_unpin", args=[story.pk]))
    german_client.post(reverse("desk:breaking_end", args=[story.pk]))
    story.refresh_from_db()
    assert story.breaking_until is None and not FrontPageSlot.objects.exists()


def test_marking_breaking_news(german_client, make_article):
    story = make_article("Sturm über der Stadt")
    until = timezone.now() + timedelta(hours=2)
    response = german_client.post(
        reverse("desk:breaking_mark", args=[story.pk]),
        {"breaking-until": local(until)},
        follow=True,
    )
    story.refresh_from_db()
    assert story.breaking_until == until.replace(second=0, microsecond=0)
    assert "als Eilmeldung auf jeder Seite" in messages_of(response)[0]
    with translation.override("de"):
        assert (
            "Sturm über der Stadt" in german_client.get(reverse("articles:home")).content.decode()
        )


@pytest.mark.parametrize(
    ("view", "data", "message"),
    [
        ("desk:front_page_pin", {"position": "9"}, "Wählen Sie einen der Plätze."),
        ("desk:front_page_pin", {"position": "x"}, "Wählen Sie einen der Plätze."),
        (
            "desk:front_page_pin",
            {"position": "1", "until": "morgen"},
            "Geben Sie das Ende als Datum und Uhrzeit an",
        ),
        (
            "desk:front_page_pin",
            {"position": "1", "until": "2020-01-01T10:00"},
            "Wählen Sie eine Zeit in der Zukunft.",
        ),
        ("desk:breaking_mark", {}, "Geben Sie an, wann die Eilmeldung endet."),
        (
            "desk:breaking_mark",
            {"breaking-until": "2020-01-01T10:00"},
            "Wählen Sie eine Zeit in der Zukunft.",
        ),
    ],
)
def test_bad_input_is_refused_in_the_editors_language(
    german_client, make_article, view, data, message
):
    story = make_article("Der Rat tagt")
    response = german_client.post(reverse(view, args=[story.pk]), data, follow=True)
    assert any(message in text for text in messages_of(response))
    story.refresh_from_db()
    assert story.breaking_until is None and not FrontPageSlot.objects.exists()


def test_a_draft_is_refused_with_a_message(german_client, make_article):
    draft = make_article("Entwurf", status=Article.Status.DRAFT, age=None)
    response = german_client.post(
        reverse("desk:front_page_pin", args=[draft.pk]), {"position": "1"}, follow=True
    )
    assert "ist nicht veröffentlicht" in messages_of(response)[0]
    assert not FrontPageSlot.objects.exists()


def test_the_article_form_has_a_front_page_panel_for_editors(
    german_client, client, make_article, reporter, editor
):
    story = make_article("Der Rat tagt", user=reporter)
    frontpage.pin(story, 1, user=editor)
    html = german_client.get(reverse("desk:article_edit", args=[story.pk])).content.decode()
    assert "Der Aufmacher der Startseite" in html and "Als Eilmeldung zeigen" in html
    client.force_login(reporter)
    html = client.get(reverse("desk:article_edit", args=[story.pk])).content.decode()
    assert reverse("desk:front_page_pin", args=[story.pk]) not in html


def test_a_refusal_names_the_field_and_the_article(german_client, make_article):
    story = make_article("Der Rat tagt")
    response = german_client.post(
        reverse("desk:front_page_pin", args=[story.pk]),
        {"position": "1", "until": "2020-01-01T10:00"},
        follow=True,
    )
    assert messages_of(response) == ["Bis („Der Rat tagt“): Wählen Sie eine Zeit in der Zukunft."]
