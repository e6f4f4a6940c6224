from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    name = "masthead.webhooks"
    label = "webhooks"
    verbose_name = _("Webhooks")

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
