"""Sign-in, two-factor sign-in and passwords, in the desk's look.

The flow: password (``LoginView``) → code (``login_code``) → the desk. A
user without an authenticator is signed in by the password alone, unless
a role requires two-factor sign-in: then the setup page comes first, and
nothing else (see middleware.py).
"""

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from masthead.audit.models import AuditEntry
from masthead.audit.services import record

from . import passkeys, twofactor
from .decorators import desk_view
from .forms import CodeForm, ConfirmDeviceForm, DeskPasswordResetForm, PasswordConfirmForm

CODES_SESSION_KEY = "masthead_2fa_new_codes"


class LoginView(auth_views.LoginView):
    """The password step. Whatever the authentication backends raise (a
    lock-out, say) passes through untouched."""

    template_name = "desk/login.html"

    def get_context_data(self, **kwargs):
        # Django's view names the site after the request's host; the
        # newsroom is the publication's.
        return super().get_context_data(**kwargs) | {"site_name": settings.SITE_NAME}

    def form_valid(self, form):
        user = form.get_user()
        if twofactor.has_two_factor(user):
            twofactor.start_pending(self.request, user, self.get_redirect_url())
            return redirect("desk:login_code")
        response = super().form_valid(form)
        if twofactor.requires_two_factor(user):
            return redirect("desk:two_factor_setup")
        return response


@sensitive_post_parameters("code")
@never_cache
def login_code(request):
    """The second step: a code from the authenticator, or a recovery code."""
    user = twofactor.pending_user(request)
    if user is None:
        messages.info(request, _("Please sign in again."))
        return redirect("desk:login")
    authenticator = twofactor.has_authenticator(user)
    form = CodeForm(request.POST or None, authenticator=authenticator)
    if request.method == "POST" and form.is_valid():
        device = twofactor.check_code(user, form.cleaned_data["code"])
        if device is not None:
            next_url = twofactor.complete_sign_in(request, user, device)
            if not url_has_allowed_host_and_scheme(
                next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
            ):
                next_url = ""
            return redirect(next_url or settings.LOGIN_REDIRECT_URL)
        # A wrong code counts as a failed sign-in, like a wrong password: the
        # sign-in throttle (masthead.signin) counts it and the audit log has it.
        user_login_failed.send(
            sender=__name__, credentials={user.USERNAME_FIELD: user.get_username()}, request=request
        )
        if twofactor.count_failure(request):
            messages.error(request, _("Too many wrong codes. Please sign in again."))
            return redirect("desk:login")
        form.add_error("code", _("This code is not right, or it was used already."))
    return render(
        request,
        "accounts/login_code.html",
        {
            "form": form,
            "authenticator": authenticator,
            "passkey": passkeys.available() and passkeys.has_passkey(user),
        },
    )


@desk_view()
def two_factor(request):
    """Two-factor sign-in for one's own account: on or off, codes left."""
    return render(
        request,
        "accounts/two_factor.html",
        {
            "enabled": twofactor.has_two_factor(request.user),
            "authenticator": twofactor.has_authenticator(request.user),
            "passkeys": passkeys.passkeys_of(request.user),
            "passkeys_available": passkeys.available(),
            "required": twofactor.requires_two_factor(request.user),
            "codes_left": twofactor.recovery_codes_left(request.user),
            "nav": "account",
        },
    )


@desk_view()
@sensitive_post_parameters("code")
def two_factor_setup(request):
    """Add the authenticator app (and, where the site allows, a passkey)."""
    if twofactor.has_authenticator(request.user):
        return redirect("desk:two_factor")
    device = twofactor.unconfirmed_device(request.user)
    form = ConfirmDeviceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = twofactor.confirm_device(request, device, form.cleaned_data["code"])
        if codes is not None:
            messages.success(request, _("Two-factor sign-in is on."))
            if not codes:  # The codes made with a passkey stay valid.
                return redirect("desk:two_factor")
            request.session[CODES_SESSION_KEY] = codes
            return redirect("desk:two_factor_codes")
        form.add_error(
            "code", _("This code is not right. Check the time on your phone and try again.")
        )
    qr = segno.make(device.config_url, error="m")
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_svg": qr.svg_inline(
                scale=5, svgclass="qr-code", lineclass=None, title=_("QR code")
            ),
            "secret": twofactor.secret_of(device),
            "required": twofactor.requires_two_factor(request.user),
            "enabled": twofactor.has_two_factor(request.user),
            "passkeys_available": passkeys.available(),
            "nav": "account",
        },
    )


@desk_view()
def two_factor_codes(request):
    """New recovery codes, shown once: they are stored hashed."""
    codes = request.session.pop(CODES_SESSION_KEY, None)
    if not codes:
        return redirect("desk:two_factor")
    return render(request, "accounts/two_factor_codes.html", {"codes": codes, "nav": "account"})


@desk_view()
@sensitive_post_parameters("password")
def two_factor_change(request, action):
    """Disable two-factor sign-in, or replace the recovery codes, after the
    password is given again."""
    if not twofactor.has_two_factor(request.user):
        return redirect("desk:two_factor")
    form = PasswordConfirmForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        if action == "disable":
            twofactor.disable(request.user)
            messages.success(request, _("Two-factor sign-in is off."))
            return redirect("desk:two_factor")
        request.session[CODES_SESSION_KEY] = twofactor.regenerate_recovery_codes(request.user)
        messages.success(request, _("You have new recovery codes; the old ones no longer work."))
        return redirect("desk:two_factor_codes")
    return render(
        request,
        "accounts/two_factor_change.html",
        {"form": form, "action": action, "nav": "account"},
    )


# Passwords


@method_decorator(desk_view(), name="dispatch")
class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("desk:two_factor")
    extra_context = {"nav": "account"}

    def form_valid(self, form):
        with transaction.atomic():
            response = super().form_valid(form)
            record(self.request.user, AuditEntry.Action.PASSWORD_CHANGE)
        messages.success(self.request, _("Your password was changed."))
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Ask for a link by e-mail. The answer is the same whether or not an
    account has the address."""

    form_class = DeskPasswordResetForm
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("desk:password_reset_done")

    def get_extra_email_context(self):
        return {"minutes": reset_link_minutes()}

    def form_valid(self, form):
        self.extra_email_context = self.get_extra_email_context()
        return super().form_valid(form)


def reset_link_minutes() -> int:
    return max(1, settings.PASSWORD_RESET_TIMEOUT // 60)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "minutes": reset_link_minutes()}


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("desk:password_reset_complete")

    def form_valid(self, form):
        with transaction.atomic():
            response = super().form_valid(form)
            record(form.user, AuditEntry.Action.PASSWORD_RESET)
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "login_url": reverse("desk:login")}
