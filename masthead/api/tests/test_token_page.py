"""The desk's page of integration tokens: administrators make one (its
secret shown once) and revoke it; both are in the audit log."""

import pytest

from masthead.api.models import IntegrationToken
from masthead.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_an_administrator_makes_a_token_and_sees_its_secret_once(client, administrator, editor):
    client.force_login(administrator)
    response = client.post(
        "/desk/integrations/", {"name": "Newsletter", "user": editor.pk, "scopes": ["publish"]}
    )
    assert response.status_code == 302
    token = IntegrationToken.objects.get()
    assert (token.name, token.user, token.scopes) == ("Newsletter", editor, ["publish"])
    page = client.get("/desk/integrations/").content.decode()
    shown = f"mh_{token.key}_"
    assert page.count(shown) == 2  # the secret, and the list's short form
    secret = page.split(shown)[1].split("<")[0]
    assert len(secret) == 43
    again = client.get("/desk/integrations/").content.decode()
    assert secret not in again
    response = client.get("/api/v1/articles", HTTP_AUTHORIZATION=f"Bearer {shown}{secret}")
    assert response.status_code == 200
    assert AuditEntry.objects.filter(action="token_created", actor=administrator).exists()


def test_an_administrator_revokes_a_token(client, administrator, editor):
    from masthead.api import services

    token, text = services.create_token("Print", editor, [])
    client.force_login(administrator)
    response = client.post(f"/desk/integrations/{token.pk}/revoke/")
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert AuditEntry.objects.filter(action="token_revoked", actor=administrator).exists()
    page = client.get("/desk/integrations/").content.decode()
    assert "Print" in page
    assert client.get("/api/v1/articles", HTTP_AUTHORIZATION=f"Bearer {text}").status_code == 401


def test_the_form_says_what_is_missing(client, administrator):
    client.force_login(administrator)
    response = client.post("/desk/integrations/", {"name": "", "scopes": ["nonsense"]})
    assert response.status_code == 400
    assert not IntegrationToken.objects.exists()
    assert response.context["form"].errors.keys() == {"name", "user", "scopes"}


def test_editors_may_not_see_the_page(client, editor):
    client.force_login(editor)
    assert client.get("/desk/integrations/").status_code == 403
