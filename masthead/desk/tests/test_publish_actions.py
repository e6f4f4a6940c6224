"""Publish and unpublish in one click, through the service layer."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from masthead.articles.models import Article


def test_it_publishes_a_draft_now(editor_client, make_article, client):
    draft = make_article("Sofort", status=Article.Status.DRAFT, age=None)
    response = editor_client.post(reverse("desk:article_publish", args=[draft.pk]))
    assert response["Location"] == reverse("desk:article_edit", args=[draft.pk])
    draft.refresh_from_db()
    assert draft.is_public
    client.logout()
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_it_schedules_a_draft_with_a_time_to_come(editor_client, make_article):
    later = timezone.now() + timedelta(hours=5)
    draft = make_article("Später", status=Article.Status.DRAFT, publish_at=later)
    editor_client.post(reverse("desk:article_publish", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED
    assert draft.publish_at == later
    assert not draft.is_public


def test_it_unpublishes_an_article(editor_client, make_article, client):
    article = make_article("Zurückgezogen")
    editor_client.post(reverse("desk:article_unpublish", args=[article.pk]))
    article.refresh_from_db()
    assert article.status == Article.Status.UNPUBLISHED
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_it_returns_to_the_list_it_came_from(editor_client, make_article):
    article = make_article()
    back = reverse("desk:home") + "?status=published&page=1"
    response = editor_client.post(
        reverse("desk:article_unpublish", args=[article.pk]), {"next": back}
    )
    assert response["Location"] == back


def test_it_does_not_return_to_other_sites(editor_client, make_article):
    article = make_article()
    response = editor_client.post(
        reverse("desk:article_unpublish", args=[article.pk]), {"next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("desk:article_edit", args=[article.pk])


def test_it_needs_a_post(editor_client, make_article):
    article = make_article(status=Article.Status.DRAFT, age=None)
    assert editor_client.get(reverse("desk:article_publish", args=[article.pk])).status_code == 405
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_it_leaves_unpublishing_to_editors(client, reporter, make_article):
    client.force_login(reporter)
    article = make_article(created_by=reporter)
    assert client.post(reverse("desk:article_unpublish", args=[article.pk])).status_code == 403
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
