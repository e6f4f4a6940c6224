from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SigninConfig(AppConfig):
    name = "masthead.signin"
    label = "signin"
    verbose_name = _("Sign-in")

    def ready(self):
        # Connected after axes' own receivers (axes comes first in
        # INSTALLED_APPS), so a failed attempt has been counted when
        # receivers.signin_failed reads the counts.
        from . import receivers  # noqa: F401
