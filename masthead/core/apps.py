from django.apps import AppConfig
from django.core import checks

from masthead.lib.site import check_site_urls


class CoreConfig(AppConfig):
    name = "masthead.core"
    label = "core"
    verbose_name = "Masthead"

    def ready(self):
        from . import lookups

        checks.register(check_site_urls)
        lookups.register()
