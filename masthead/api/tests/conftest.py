"""Integration tokens for the API's tests: ``bearer(user, *scopes)`` makes
a token acting for ``user`` and gives the ``Authorization`` header."""

import pytest

from masthead.api import services
from masthead.api.models import Scope

ALL_SCOPES = tuple(Scope.values)


@pytest.fixture
def bearer(db):
    def make(user, *scopes: str, name: str = "Newsletter") -> dict:
        _token, text = services.create_token(name, user, list(scopes or ALL_SCOPES))
        return {"HTTP_AUTHORIZATION": f"Bearer {text}"}

    return make
