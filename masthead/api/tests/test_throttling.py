"""Requests per minute, per token and per anonymous address, counted in
the shared cache: beyond them, 429 with Retry-After."""

import pytest
from django.core.cache import cache

from masthead.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_counts():
    cache.clear()
    yield
    cache.clear()


def test_anonymous_callers_are_throttled_per_address(client, settings):
    settings.API_ANONYMOUS_REQUESTS_PER_MINUTE = 3
    for _ in range(3):
        assert client.get("/api/v1/sections", REMOTE_ADDR="198.51.100.1").status_code == 200
    response = client.get("/api/v1/sections", REMOTE_ADDR="198.51.100.1")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response.json()["detail"]
    # Another address has its own count.
    assert client.get("/api/v1/sections", REMOTE_ADDR="198.51.100.2").status_code == 200


def test_tokens_are_throttled_per_token(client, settings, bearer, editor, reporter):
    settings.API_REQUESTS_PER_MINUTE = 2
    settings.API_ANONYMOUS_REQUESTS_PER_MINUTE = 1000
    first, second = bearer(editor), bearer(reporter)
    for _ in range(2):
        assert client.get("/api/v1/sections", **first).status_code == 200
    for _ in range(5):
        assert client.get("/api/v1/sections", **first).status_code == 429
    assert client.get("/api/v1/sections", **second).status_code == 200
    # Only the requests let in are in the audit log: a client stuck retrying
    # does not fill it.
    uses = AuditEntry.objects.filter(action=AuditEntry.Action.API_REQUEST)
    assert uses.filter(actor=editor).count() == 2
    assert uses.filter(actor=reporter).count() == 1
    # The token's count is not the address's: anonymous reads go on.
    assert client.get("/api/v1/sections").status_code == 200
