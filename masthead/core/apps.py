from django.apps import AppConfig
from django.apps import apps as global_apps
from django.apps.registry import Apps
from django.core import checks
from django.core.signals import setting_changed
from django.db.models.signals import post_migrate

from masthead.lib.site import check_site_urls
from masthead.lib.urlwords import check_url_words, forget_compiled_routes


def record_address_words(*, apps: Apps = global_apps, **kwargs: object) -> None:
    """After ``migrate`` (and ``flush``): the words the addresses use now
    (addresses.py)."""
    from .addresses import record_address_words

    try:
        apps.get_model("core", "AddressWord")
    except LookupError:  # migrated back to before the table
        return
    record_address_words()


class CoreConfig(AppConfig):
    name = "masthead.core"
    label = "core"
    verbose_name = "Masthead"

    def ready(self):
        from django.conf import settings

        from masthead.lib import fallbacks

        from . import lookups

        checks.register(check_site_urls)
        checks.register(check_url_words)
        post_migrate.connect(record_address_words, sender=self)
        setting_changed.connect(forget_compiled_routes)
        lookups.register()
        # Pages rendered outside a request (jobs, commands) too.
        for code in settings.CONTENT_LANGUAGES:
            fallbacks.install(code)
