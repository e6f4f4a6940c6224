"""Django's sign-in signals, written to the audit log and the session list.

Signals, not calls in the views: every way in – the desk's form, the
admin's, a later two-step sign-in or API – goes through
``django.contrib.auth.login``/``authenticate``/``logout``, which send them.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from . import services


@receiver(user_logged_in, dispatch_uid="masthead.signin.logged_in")
def logged_in(sender, request, user, **kwargs):
    if request is not None:
        services.start_session(request, user)


@receiver(user_login_failed, dispatch_uid="masthead.signin.login_failed")
def login_failed(sender, credentials, request=None, **kwargs):
    if request is not None:
        services.signin_failed(request, credentials.get(get_user_model().USERNAME_FIELD))


@receiver(user_logged_out, dispatch_uid="masthead.signin.logged_out")
def logged_out(sender, request, user, **kwargs):
    if request is not None:
        services.end_session(request, user)
