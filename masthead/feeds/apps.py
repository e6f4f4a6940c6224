from django.apps import AppConfig
from django.core.signals import setting_changed
from django.utils.translation import gettext_lazy as _


def forget_article_addresses(*, setting: str, **kwargs: object) -> None:
    """Tests change the words of the addresses (URL_WORDS): the sitemaps'
    article address of each language is reversed anew."""
    from .sitemaps import _address_pattern

    if setting == "URL_WORDS":
        _address_pattern.cache_clear()


class FeedsConfig(AppConfig):
    name = "masthead.feeds"
    label = "feeds"
    verbose_name = _("Feeds")

    def ready(self):
        setting_changed.connect(forget_article_addresses)
