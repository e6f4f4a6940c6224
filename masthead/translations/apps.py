from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "masthead.translations"
    verbose_name = _("Translation desk")

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
