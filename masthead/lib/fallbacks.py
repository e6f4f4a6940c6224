"""Where a language's missing texts come from.

Django takes a message its catalogs lack from the site's default language
(``LANGUAGE_CODE``): on a German site, a French page without a French
catalog would read "Zum Inhalt springen". Masthead takes it from the
language's *fallback* instead (``settings.UI_FALLBACKS``, by default
English, the language the texts are written in), and says so: the page
marks the texts with the fallback's ``lang`` (``ui_language``), so that a
screen reader pronounces them as what they are.

The chain is made by a subclass of Django's ``DjangoTranslation`` that
sets its own fallback (Django's ``_add_fallback``), installed in Django's
cache of translations for each content language and each fallback down
its chain (``install``). That is the one place Masthead reaches into
Django's translation machinery; tests/test_fallbacks.py pins the
behaviour.
"""

from collections.abc import Callable
from itertools import pairwise

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import trans_real

SOURCE_LANGUAGE = "en"  # the language of the msgids


def fallback_of(language: str) -> str:
    """The language ``language``'s missing texts come from."""
    return settings.UI_FALLBACKS.get(language) or SOURCE_LANGUAGE


def shipped_language(wanted: str | None) -> str | None:
    """The UI language Masthead ships for ``wanted`` (``settings.UI_LANGUAGES``:
    English and every catalog in masthead/locale/), the language itself or
    its base language ("pt-BR" → "pt"); None when there is none."""
    if not wanted:
        return None
    codes = {code for code, _name in settings.UI_LANGUAGES}
    wanted = wanted.lower()
    if wanted in codes:
        return wanted
    base = wanted.split("-")[0]
    return base if base in codes else None


def asked_for_language(request: HttpRequest) -> str:
    """The first language of the request's ``Accept-Language`` that Masthead
    ships (``shipped_language``), else the site's default language's, else
    English: the language of the desk for a member without a choice, and
    of the content API's messages."""
    header = request.headers.get("Accept-Language", "")
    for wanted, _quality in trans_real.parse_accept_lang_header(header):
        if found := shipped_language(wanted):
            return found
    return shipped_language(settings.LANGUAGE_CODE) or "en"


def fallback_chain(language: str) -> list[str]:
    """``language``, then the languages its missing texts come from, in
    turn, down to English, the source: ``["rm", "de", "en"]`` with
    ``MASTHEAD_UI_FALLBACKS=rm=de``. A circle in the settings ends at the
    source."""
    chain = [language]
    while chain[-1] != SOURCE_LANGUAGE:
        following = fallback_of(chain[-1])
        chain.append(SOURCE_LANGUAGE if following in chain else following)
    return chain


def ui_language(language: str) -> str:
    """The language the site's texts are in on a page in ``language``:
    itself when Masthead has a catalog for it, else the first of its
    fallbacks that has one."""
    return next(code for code in fallback_chain(language) if shipped_language(code))


class ChainedTranslation(trans_real.DjangoTranslation):
    """A language's translation whose missing messages come from its
    fallback, not from the site's default language."""

    def __init__(self, language: str, fallback: str):
        self.fallback_language = fallback
        # A language Masthead has no catalog for takes every text from its
        # fallback, Django's own included: Django ships catalogs for
        # languages Masthead does not (sw, he, lb), and their words
        # ("Tafuta" for "Search") would stand among the fallback's texts,
        # in elements marked with the fallback's language.
        self.borrows_all = shipped_language(language) is None
        super().__init__(language)

    def _init_translation_catalog(self) -> None:
        if self.borrows_all:
            self._catalog = trans_real.TranslationCatalog()  # empty, not missing
        else:
            super()._init_translation_catalog()  # type: ignore[misc]

    def _add_installed_apps_translations(self) -> None:
        if not self.borrows_all:
            super()._add_installed_apps_translations()  # type: ignore[misc]

    def _add_local_translations(self) -> None:
        if not self.borrows_all:
            super()._add_local_translations()  # type: ignore[misc]

    def _add_fallback(self, localedirs: list[str] | None = None) -> None:
        if self.fallback_language != SOURCE_LANGUAGE:
            self.add_fallback(trans_real.translation(self.fallback_language))
        # The source language needs none: a message without a translation
        # is shown as written, in English.


def install(language: str) -> None:
    """Make ``language``'s translation take missing texts from its
    fallback, and the fallback's from its own, down the chain (idempotent;
    Django empties its cache when tests change the languages, so the
    language middleware calls this for each page)."""
    chain = fallback_chain(language)
    # From the end, so that each fallback is chained before the language
    # that falls back to it: Django's own translation of a fallback would
    # take its missing texts from the default language.
    for code, fallback in reversed(list(pairwise(chain))):
        if not isinstance(_cached().get(code), ChainedTranslation):
            _cached()[code] = ChainedTranslation(code, fallback)


def _cached() -> dict:
    """Django's cache of translations by language (private to Django, and
    replaced by a new dict when tests change the languages: read it each
    time)."""
    return trans_real._translations  # type: ignore[attr-defined]


class FallbackMiddleware:
    """Gives the page's language its fallback chain (after
    LocaleMiddleware, which activated the language)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = translation.get_language()
        if (
            language
            and language != SOURCE_LANGUAGE
            and not isinstance(_cached().get(language), ChainedTranslation)
        ):
            install(language)
            translation.activate(language)
        return self.get_response(request)
