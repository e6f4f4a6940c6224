"""Sign-in throttling, on top of django-axes.

Axes counts failed sign-ins in the database and refuses further attempts
from the authentication backend (``AxesStandaloneBackend``, first in
``AUTHENTICATION_BACKENDS``), so every sign-in form – the desk's, the
admin's and any later one – is throttled without code in its view.
``AxesMiddleware`` turns a refused attempt into :func:`locked_out`, a 429
page in the desk's look.

Masthead keeps two limits (settings.py, README "Configuration"):

- ``SIGNIN_FAILURE_LIMIT`` failures for one account from one address, so
  guessing one password is stopped early while the owner can still sign in
  from elsewhere;
- ``SIGNIN_ADDRESS_FAILURE_LIMIT`` failures from one address over any
  accounts, so one client cannot try a few passwords for each of many
  accounts.

Axes compares one count with one limit; :class:`SignInHandler` folds the
two into that count. Both kinds of lock end ``SIGNIN_LOCKOUT_MINUTES``
after the last failed attempt, or when an administrator unlocks
(services.unlock).
"""

import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Sum
from django.shortcuts import render


def client_ip(request) -> str | None:
    """The client's address: the ``CLIENT_IP_HEADER`` set by a trusted
    proxy, else the address of the connection.

    A header is trusted only when the operator names it, because a client
    can send any header it likes. When the proxy appends to the header (as
    nginx's ``$proxy_add_x_forwarded_for`` does), the last address is the
    one the proxy saw; earlier ones come from the client and are ignored.
    """
    if header := settings.CLIENT_IP_HEADER:
        value = request.META.get("HTTP_" + header.upper().replace("-", "_"), "")
        try:
            return str(ipaddress.ip_address(value.rsplit(",", 1)[-1].strip()))
        except ValueError:
            pass
    return request.META.get("REMOTE_ADDR") or None


class SignInHandler(AxesDatabaseHandler):
    """Axes' database handler with a per-address limit beside the
    per-account one (see the module's docstring)."""

    def get_failures(self, request, credentials=None) -> int:
        # One queryset per entry of AXES_LOCKOUT_PARAMETERS, recent ones only:
        # [account and address, address].
        by_account, by_address = (
            attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        # Read by receivers.signin_failed to tell when a lock starts.
        request.masthead_failures = (by_account, by_address)
        if by_address >= settings.SIGNIN_ADDRESS_FAILURE_LIMIT:
            return max(by_account, settings.SIGNIN_FAILURE_LIMIT)
        return by_account

    def reset_user_attempts(self, request, credentials=None) -> int:
        """After a successful sign-in, forget that account's failures from
        this address, but not the address's failures on other accounts
        (signing in to one's own account must not reopen the address)."""
        username = get_client_username(request, credentials)
        count, _ = AccessAttempt.objects.filter(
            username=username, ip_address=request.axes_ip_address
        ).delete()
        return count


def attempted_username(request, credentials=None) -> str | None:
    """The account name an attempt names, as axes counts and stores it: no
    longer than a username can be (a longer one names no account, and would
    not fit axes' table on PostgreSQL)."""
    if credentials:
        name = credentials.get(settings.AXES_USERNAME_FORM_FIELD)
    else:
        name = getattr(request, "data", request.POST).get(settings.AXES_USERNAME_FORM_FIELD)
    if not isinstance(name, str):
        return name
    user_model = get_user_model()
    return name[: user_model._meta.get_field(user_model.USERNAME_FIELD).max_length]


def locked_out(request, response=None, credentials=None):
    """The page for a refused sign-in (axes' ``AXES_LOCKOUT_CALLABLE``)."""
    minutes = settings.SIGNIN_LOCKOUT_MINUTES
    response = render(
        request,
        "signin/locked_out.html",
        {"minutes": minutes, "form_url": request.path},
        status=429,
    )
    response["Retry-After"] = str(minutes * 60)
    return response
