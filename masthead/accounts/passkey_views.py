"""Passkeys in the desk: adding one to one's account, signing in with it
after the password, removing one.

The four JSON endpoints are django-otp-webauthn's views (they check the
challenge, the origin and the signature with py_webauthn), bound to
Masthead's rules: only newsroom staff add passkeys; a passkey completes a
*pending* sign-in (the password was right, see twofactor.py) and nothing
else; every addition, removal and failure is in the audit log. The
browser side is masthead/static/masthead/desk-passkeys.js.
"""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp_webauthn import exceptions
from django_otp_webauthn import views as webauthn
from django_otp_webauthn.utils import rewrite_exceptions

from . import passkeys, twofactor
from .decorators import desk_view
from .desk_views import CODES_SESSION_KEY
from .forms import PasswordConfirmForm

# Why py_webauthn refused an answer (the editor sees one message in their
# language; the reason is for the operator).
logger = logging.getLogger(__name__)


class PasskeysOff(exceptions.OTPWebAuthnApiError):
    status_code = 403
    default_code = "passkeys_unavailable"


def _refuse_unless_available():
    if not passkeys.available():
        raise PasskeysOff(_("Passkeys need the newsroom on HTTPS."))


# Adding a passkey (signed in)


@method_decorator(desk_view(), name="dispatch")
class RegisterBegin(webauthn.BeginCredentialRegistrationView):
    def check_can_register(self):
        _refuse_unless_available()


@method_decorator(desk_view(), name="dispatch")
class RegisterComplete(webauthn.CompleteCredentialRegistrationView):
    def check_can_register(self):
        _refuse_unless_available()

    def post(self, request, *args, **kwargs):
        user = request.user
        state = self.get_state()
        with rewrite_exceptions(logger=logger), transaction.atomic():
            device = self.get_helper().register_complete(user=user, state=state, data=request.data)
            device.name = passkeys.name_for(request.data.get("name"), user)
            device.save(update_fields=["name"])
            codes = twofactor.passkey_added(user, device)
        if not user.is_verified():
            otp_login(request, device)
        messages.success(request, _("Your passkey “%(name)s” was added.") % {"name": device.name})
        if codes:
            request.session[CODES_SESSION_KEY] = codes
            return_to = reverse("desk:two_factor_codes")
        else:
            return_to = reverse("desk:two_factor")
        return JsonResponse({"id": device.pk, "redirect_url": return_to})


# Signing in with a passkey (after the password)


class PendingSignIn:
    """The user is the one whose password was right (twofactor.py), and
    nobody else: no pending sign-in, no ceremony."""

    def get_user(self):
        return twofactor.pending_user(self.request)

    def check_can_authenticate(self):
        _refuse_unless_available()
        if self.get_user() is None:
            raise exceptions.NotAuthenticated(_("Please sign in again."))


class SignInBegin(PendingSignIn, webauthn.BeginCredentialAuthenticationView):
    pass


class SignInComplete(PendingSignIn, webauthn.CompleteCredentialAuthenticationView):
    def post(self, request, *args, **kwargs):
        user = self.get_user()
        state = self.get_state()
        try:
            with rewrite_exceptions(logger=logger):
                device = self.get_helper().authenticate_complete(
                    user=user, state=state, data=request.data
                )
            self.check_device_usable(device)
        except exceptions.OTPWebAuthnApiError:
            # Like a wrong code: the throttle counts it, the audit log has it.
            user_login_failed.send(
                sender=__name__,
                credentials={user.USERNAME_FIELD: user.get_username()},
                request=request,
            )
            twofactor.count_failure(request)
            raise
        next_url = twofactor.complete_sign_in(request, user, device)
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = ""
        return JsonResponse(
            {"id": device.pk, "redirect_url": next_url or reverse(settings.LOGIN_REDIRECT_URL)}
        )


# Removing a passkey


@desk_view()
@sensitive_post_parameters("password")
def passkey_remove(request, pk):
    """Remove one of one's own passkeys, after the password is given again."""
    device = get_object_or_404(passkeys.passkeys_of(request.user), pk=pk)
    form = PasswordConfirmForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        if twofactor.remove_passkey(request.user, device):
            messages.success(request, _("The passkey was removed. Two-factor sign-in is off."))
        else:
            messages.success(request, _("The passkey was removed."))
        return redirect("desk:two_factor")
    return render(
        request,
        "accounts/passkey_remove.html",
        {"form": form, "device": device, "nav": "account"},
    )
