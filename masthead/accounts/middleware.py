"""Enforce two-factor sign-in on every request, not only at the sign-in page.

- A signed-in user who has an authenticator but whose session was not
  verified with it (signed in through the admin's password form, or
  before they set it up elsewhere) is signed out and asked for a code,
  with a pending sign-in.
- In the desk and the admin, a user whose role requires two-factor
  sign-in and who has not set it up can only reach the setup page (and
  sign out) until they have.
"""

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse

from . import twofactor

# Pages a user still has to reach while two-factor sign-in is incomplete.
OPEN_ROUTES = (
    "desk:login",
    "desk:login_code",
    "desk:passkey_sign_in_begin",
    "desk:passkey_sign_in_complete",
    "desk:logout",
    "desk:two_factor_setup",
    "desk:two_factor_codes",
    "desk:passkey_register_begin",
    "desk:passkey_register_complete",
    "admin:logout",
)


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Readers without a session are never looked at: touching the session
        # would add "Vary: Cookie" and keep their pages out of the page cache.
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return self.get_response(request)
        user = request.user
        if user.is_authenticated and not request.path.startswith(self._open_paths()):
            if not user.is_verified():
                if twofactor.has_two_factor(user):
                    return self._ask_for_code(request, user)
                if self._guarded(request.path) and twofactor.requires_two_factor(user):
                    return redirect("desk:two_factor_setup")
        return self.get_response(request)

    @staticmethod
    def _open_paths() -> tuple[str, ...]:
        return tuple(reverse(name) for name in OPEN_ROUTES) + ("/static/", "/i18n/")

    @staticmethod
    def _guarded(path: str) -> bool:
        return path.startswith((reverse("desk:home"), reverse("admin:index")))

    @staticmethod
    def _ask_for_code(request, user):
        backend = request.session.get("_auth_user_backend")
        logout(request)
        user.backend = backend
        twofactor.start_pending(
            request, user, request.get_full_path() if request.method == "GET" else ""
        )
        return redirect("desk:login_code")
