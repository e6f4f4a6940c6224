"""Naming content languages for the people who work in the back office.

The site names each language in itself ("Deutsch", "English"), which suits
readers choosing a language. An editor reads the desk in one language, so
the desk names every language in that one: "Englisch" on a German desk.
"""

from babel import Locale, UnknownLocaleError
from django.conf import settings
from django.utils.translation import get_language

from masthead.lib.dates import babel_locale


def content_language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def language_name(code: str) -> str:
    """``code``'s name in the active language, from CLDR; the configured
    name when CLDR does not know it."""
    ui = get_language() or settings.LANGUAGE_CODE
    try:
        name = Locale.parse(code, sep="-").get_display_name(babel_locale(ui))
    except (ValueError, UnknownLocaleError):
        name = None
    return name or dict(settings.LANGUAGES).get(code, code)
