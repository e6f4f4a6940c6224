"""Requests per minute, per token and per anonymous address, counted in
the shared cache (Redis in production), so that every worker process
counts the same requests. A fixed one-minute window: one ``incr`` per
request, and the answer says when the window ends (Retry-After)."""

import time

from django.conf import settings
from django.core.cache import cache
from ninja.throttling import BaseThrottle

from masthead.signin.throttle import client_ip

from .services import record_use

WINDOW = 60


class CallerThrottle(BaseThrottle):
    def allow_request(self, request) -> bool:
        """Whether the request may go on; a token's request that may is
        written to the audit log (a refused one is not: an integration
        stuck retrying would fill it)."""
        caller = getattr(request, "auth", None)
        token = getattr(caller, "token", None)
        allowed = self.within_limit(request, token)
        if allowed and token is not None:
            record_use(token, request.method, request.get_full_path(), client_ip(request))
        return allowed

    def within_limit(self, request, token) -> bool:
        if token is not None:
            ident, limit = f"token:{token.pk}", settings.API_REQUESTS_PER_MINUTE
        else:
            ident, limit = f"ip:{client_ip(request)}", settings.API_ANONYMOUS_REQUESTS_PER_MINUTE
        if limit <= 0:
            return True
        key = f"api:throttle:{ident}:{int(time.time() // WINDOW)}"
        try:
            cache.add(key, 0, WINDOW * 2)
            count = cache.incr(key)
        except ValueError:
            # The cache is away (it answers as an empty cache, lib/cache.py):
            # the API keeps answering, unthrottled, rather than refusing all.
            return True
        return count <= limit

    def wait(self) -> float:
        return WINDOW - time.time() % WINDOW
