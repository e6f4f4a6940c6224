"""Only signed-in staff get into the newsroom, and only as far as their
roles reach (every role and route: masthead/accounts/tests/test_routes.py)."""

import pytest
from django.urls import reverse

from masthead.articles.models import Article
from masthead.testing import make_user, password_of


@pytest.fixture
def draft(make_article):
    return make_article("Geheimer Entwurf", status=Article.Status.DRAFT, age=None)


def desk_urls(article):
    get = [
        reverse("desk:home"),
        reverse("desk:article_create"),
        reverse("desk:article_edit", args=[article.pk]),
        reverse("desk:article_preview", args=[article.pk]),
    ]
    post = [
        reverse("desk:article_publish", args=[article.pk]),
        reverse("desk:article_unpublish", args=[article.pk]),
        reverse("desk:correction_add", args=[article.pk]),
        reverse("desk:article_translate", args=[article.pk, "en"]),
    ]
    return get, post


def test_it_sends_anonymous_visitors_to_the_sign_in_page(client, draft):
    get, post = desk_urls(draft)
    for url in get:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == f"{reverse('desk:login')}?next={url}"
    for url in post:
        response = client.post(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("desk:login"))
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT


def test_it_refuses_signed_in_users_who_are_not_staff(client, outsider, draft):
    client.force_login(outsider)
    get, post = desk_urls(draft)
    for url in get:
        assert client.get(url).status_code == 403, url
    for url in post:
        assert client.post(url, {"correction-text": "x"}).status_code == 403, url
    assert Article.objects.count() == 1
    assert not draft.corrections.exists()


def test_it_refuses_to_create_articles_to_translators(client, translator, article_data):
    client.force_login(translator)
    assert client.get(reverse("desk:home")).status_code == 200
    assert client.get(reverse("desk:article_create")).status_code == 403
    response = client.post(reverse("desk:article_create"), article_data())
    assert response.status_code == 403
    assert not Article.objects.exists()


def test_it_hides_the_new_article_link_from_translators(client, translator):
    client.force_login(translator)
    page = client.get(reverse("desk:home")).content.decode()
    assert reverse("desk:article_create") not in page


def test_it_refuses_to_translate_to_reporters(client, reporter, draft):
    client.force_login(reporter)
    response = client.post(reverse("desk:article_translate", args=[draft.pk, "en"]))
    assert response.status_code == 403
    assert Article.objects.count() == 1


def test_it_refuses_staff_without_a_role(client, draft):
    user = make_user("sam")  # staff, in no role's group: outside the cast
    client.force_login(user)
    assert client.get(reverse("desk:home")).status_code == 403
    assert client.get(reverse("desk:article_preview", args=[draft.pk])).status_code == 403


def test_it_signs_in_staff_and_follows_next(client, editor):
    page = client.get(reverse("desk:login"))
    assert page.status_code == 200
    # The publication's name, not the address the request named.
    assert "<title>Anmelden – Masthead</title>" in page.text
    assert "testserver" not in page.text
    response = client.post(
        reverse("desk:login"),
        {"username": "eda", "password": password_of("eda"), "next": reverse("desk:article_create")},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("desk:article_create")
    assert client.get(reverse("desk:home")).status_code == 200


def test_it_does_not_sign_in_accounts_that_are_not_staff(client, outsider):
    response = client.post(
        reverse("desk:login"), {"username": "outsider", "password": password_of("outsider")}
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert "_auth_user_id" not in client.session


def test_it_signs_out_with_a_post_only(editor_client):
    assert editor_client.get(reverse("desk:logout")).status_code == 405
    page = editor_client.get(reverse("desk:home")).content.decode()
    assert f'action="{reverse("desk:logout")}" method="post"' in page
    response = editor_client.post(reverse("desk:logout"))
    assert response.status_code == 302
    assert response["Location"] == reverse("desk:login")
    assert editor_client.get(reverse("desk:home")).status_code == 302


def test_it_never_lets_desk_pages_be_cached(editor_client):
    response = editor_client.get(reverse("desk:home"))
    assert "no-cache" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
