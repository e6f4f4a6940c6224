"""CSRF protection is on for every form that changes something: a post
without the token from the page is refused, whoever is signed in; with
it, the same post goes through. (The test client skips the check unless
asked: these clients enforce it as a browser would meet it.)"""

import re

import pytest
from django.test import Client
from django.urls import reverse

from masthead.articles.models import Article
from masthead.testing import password_of


def signed_in(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def token_from(client, url) -> str:
    page = client.get(url).content.decode()
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


@pytest.mark.django_db
def test_a_desk_post_without_the_token_is_refused(editor, make_article):
    article = make_article(status=Article.Status.DRAFT, age=None)
    client = signed_in(editor)
    response = client.post(reverse("desk:article_publish", args=[article.pk]))
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT

    token = token_from(client, reverse("desk:article_edit", args=[article.pk]))
    response = client.post(
        reverse("desk:article_publish", args=[article.pk]), {"csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED


@pytest.mark.django_db
def test_sign_in_and_the_admin_refuse_a_post_without_the_token(editor):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("desk:login"), {"username": "eda", "password": password_of("eda")}
    )
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session

    client = signed_in(editor)
    response = client.post(reverse("admin:logout"))
    assert response.status_code == 403
