from django.apps import AppConfig
from django.core import checks

from masthead.lib.site import check_site_urls


class CoreConfig(AppConfig):
    name = "masthead.core"
    label = "core"
    verbose_name = "Masthead"

    def ready(self):
        from django.conf import settings

        from masthead.lib import fallbacks

        from . import lookups

        checks.register(check_site_urls)
        lookups.register()
        # Pages rendered outside a request (jobs, commands) too.
        for code in settings.CONTENT_LANGUAGES:
            fallbacks.install(code)
