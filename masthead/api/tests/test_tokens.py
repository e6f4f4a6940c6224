"""Integration tokens: only a hash is stored; a revoked, unknown or
malformed token answers 401 with a JSON error; every request a token
signs is in the audit log."""

import pytest

from masthead.api import services
from masthead.api.models import IntegrationToken, Scope
from masthead.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_it_stores_only_a_hash_of_the_secret(editor, administrator):
    token, text = services.create_token("Newsletter", editor, [Scope.PUBLISH],
                                        created_by=administrator)  # fmt: skip
    # The whole secret: it may itself hold "_" (URL-safe base64), and a
    # split at the last one left a few characters that any value may hold.
    secret = text.removeprefix(f"mh_{token.key}_")
    assert len(secret) >= 40
    row = IntegrationToken.objects.filter(pk=token.pk).values().get()
    assert all(secret not in str(value) for value in row.values())
    assert text.startswith(f"mh_{token.key}_")
    entry = AuditEntry.objects.get(action=AuditEntry.Action.TOKEN_CREATED)
    assert entry.actor == administrator
    assert secret not in str(entry.details)


@pytest.mark.parametrize(
    "header",
    [
        "Bearer mh_0000000000000000_" + "a" * 43,  # unknown
        "Bearer mh_short_secret",  # malformed
        "Bearer ",
        "Token abc",  # another scheme
    ],
)
def test_it_refuses_a_bad_token_with_401(client, make_article, header):
    make_article()
    response = client.get("/api/v1/articles", HTTP_AUTHORIZATION=header, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert "not valid" in response.json()["detail"]
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_it_refuses_a_revoked_token_with_401(client, editor, world, author):
    token, text = services.create_token("Print", editor, list(Scope.values))
    headers = {"HTTP_AUTHORIZATION": f"Bearer {text}"}
    assert client.get("/api/v1/articles", **headers).status_code == 200
    services.revoke_token(token, editor)
    response = client.get("/api/v1/articles", **headers)
    assert response.status_code == 401
    assert response.json()["detail"]
    draft = {"language": "de", "headline": "X", "section": world.pk, "authors": [author.pk]}
    response = client.post("/api/v1/articles", draft, content_type="application/json", **headers)
    assert response.status_code == 401


def test_it_refuses_a_token_whose_member_left(client, editor):
    _token, text = services.create_token("Print", editor, [])
    editor.is_active = False
    editor.save()
    response = client.get("/api/v1/articles", HTTP_AUTHORIZATION=f"Bearer {text}")
    assert response.status_code == 401


def test_writes_need_a_token(client, world, author):
    draft = {"language": "de", "headline": "X", "section": world.pk, "authors": [author.pk]}
    response = client.post("/api/v1/articles", draft, content_type="application/json")
    assert response.status_code == 401
    assert "Authorization: Bearer" in response.json()["detail"]


def test_every_request_with_a_token_is_in_the_audit_log(client, make_article, editor):
    article = make_article()
    token, text = services.create_token("App", editor, [])
    headers = {"HTTP_AUTHORIZATION": f"Bearer {text}", "REMOTE_ADDR": "203.0.113.7"}
    client.get("/api/v1/articles?language=de", **headers)
    client.get(f"/api/v1/articles/{article.pk}", **headers)
    entries = AuditEntry.objects.filter(action=AuditEntry.Action.API_REQUEST).order_by("pk")
    assert [(e.actor, e.details["path"], e.ip_address) for e in entries] == [
        (editor, "/api/v1/articles?language=de", "203.0.113.7"),
        (editor, f"/api/v1/articles/{article.pk}", "203.0.113.7"),
    ]
    assert all(e.details["token"] == token.key for e in entries)
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_signed_in_browser_cannot_write_through_the_api(editor_client, world, author):
    """The API reads no session cookie: without a token a desk session is
    an anonymous caller, so a forged cross-site request writes nothing."""
    from django.test import Client

    draft = {"language": "de", "headline": "X", "section": world.pk, "authors": [author.pk]}
    response = editor_client.post("/api/v1/articles", draft, content_type="application/json")
    assert response.status_code == 401
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = editor_client.cookies
    response = strict.post("/api/v1/articles", draft, content_type="application/json")
    assert response.status_code == 401
    from masthead.articles.models import Article

    assert not Article.objects.exists()
