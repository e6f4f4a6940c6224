"""Per-language labels: short texts stored as {"de": "Welt", "en": "World"}.

Long texts (articles) are rows per language; short labels such as section
names and author bios are a mapping per language code.
"""

from babel import Locale, UnknownLocaleError
from django.conf import settings
from django.utils.functional import lazy
from django.utils.translation import get_language

from masthead.lib.dates import babel_locale


def content_languages() -> list[tuple[str, str]]:
    """The configured content languages as (code, name) choices.

    A callable, so that model fields can use it as ``choices`` without the
    list ending up in migrations: adding a language needs no migration.
    """
    return list(settings.LANGUAGES)


def pick(mapping: dict[str, str] | None, language: str | None = None) -> str:
    """The label for ``language`` (default: the active language), else the
    default language's, else any; "" when the mapping is empty."""
    mapping = mapping or {}
    language = language or get_language() or settings.LANGUAGE_CODE
    return (
        mapping.get(language)
        or mapping.get(language.split("-")[0])
        or mapping.get(settings.LANGUAGE_CODE)
        or next((v for v in mapping.values() if v), "")
    )


def content_language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def language_name(code: str) -> str:
    """``code``'s name in the active language, from CLDR ("Englisch" on a
    German page); the configured name when CLDR does not know it.

    Readers choose a language by its own name ("Deutsch", "English", in
    ``settings.LANGUAGES``); people working in one language read every
    language's name in theirs.
    """
    ui = get_language() or settings.LANGUAGE_CODE
    try:
        name = Locale.parse(code, sep="-").get_display_name(babel_locale(ui))
    except (ValueError, UnknownLocaleError):
        name = None
    return name or dict(settings.LANGUAGES).get(code, code)


def field_name(prefix: str, code: str) -> str:
    """``name_de``, ``slug_pt_br``: a form field name for a language code
    (one field per content language, as the admin forms of sections and
    authors have)."""
    return f"{prefix}_{code.replace('-', '_')}"


def _label(text: object, code: str) -> str:
    return str(text) % {"language": language_name(code)}


# "Name in German": ``text`` (a lazy translation with a %(language)s
# placeholder) is filled in when the label is shown, in the language of
# the page.
label_in = lazy(_label, str)
