"""Who is calling: an integration token (``Authorization: Bearer mh_…``)
or nobody.

The API never reads the session cookie: a browser signed in to the desk is
an anonymous caller here, so a page on another site cannot make a
reader's or an editor's browser write through the API (no cookie counts,
so there is nothing for CSRF to forge). Reads are open to anonymous
callers, who see only what readers see; writes need a token.
"""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from ninja.security.http import HttpBearer

from . import services
from .models import IntegrationToken


class InvalidToken(Exception):
    """An ``Authorization`` header whose token is unknown, malformed or revoked."""


@dataclass(frozen=True)
class Caller:
    token: IntegrationToken | None = None

    @property
    def user(self):
        return self.token.user if self.token is not None else AnonymousUser()

    @property
    def is_anonymous(self) -> bool:
        return self.token is None

    def has_scope(self, scope: str) -> bool:
        return self.token is not None and self.token.has_scope(scope)

    def __bool__(self) -> bool:  # ninja takes a falsy answer for "not signed in"
        return True


class TokenAuth(HttpBearer):
    """Bearer tokens; with ``anonymous``, a request without any
    ``Authorization`` header is let in as an anonymous caller. A header
    with a bad token is always refused (401), never taken as anonymous:
    an integration whose token was revoked must learn it."""

    def __init__(self, *, anonymous: bool = False):
        super().__init__()
        self.anonymous = anonymous

    def __call__(self, request):
        header = request.headers.get(self.header)
        if not header:
            return Caller() if self.anonymous else None
        scheme, _, text = header.partition(" ")
        if scheme.lower() != self.openapi_scheme:
            raise InvalidToken
        return self.authenticate(request, text)

    def authenticate(self, request, token):
        found = services.token_for(token)
        if found is None:
            raise InvalidToken
        return Caller(found)  # its use is audited once the throttle lets it in


def caller_of(request) -> Caller:
    return getattr(request, "auth", None) or Caller()
