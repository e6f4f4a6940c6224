from django.apps import AppConfig
from django.core import checks


class CoreConfig(AppConfig):
    name = "masthead.core"
    label = "core"
    verbose_name = "Masthead"

    def ready(self):
        from . import lookups
        from .site import check_site_urls

        checks.register(check_site_urls)
        lookups.register()
