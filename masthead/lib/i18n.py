"""Per-language labels: short texts stored as {"de": "Welt", "en": "World"}.

Long texts (articles) are rows per language; short labels such as section
names and author bios are a mapping per language code.
"""

from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal, format_percent
from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation.trans_real import language_code_prefix_re, parse_accept_lang_header

from masthead.lib.dates import babel_locale, locale_for
from masthead.lib.fallbacks import fallback_of


def content_languages() -> list[tuple[str, str]]:
    """The configured content languages as (code, name) choices.

    A callable, so that model fields can use it as ``choices`` without the
    list ending up in migrations: adding a language needs no migration.
    """
    return list(settings.LANGUAGES)


def pick(mapping: dict[str, str] | None, language: str | None = None) -> str:
    """The label for ``language`` (default: the active language), else the
    default language's, else any; "" when the mapping is empty."""
    return pick_with_language(mapping, language)[0]


def pick_with_language(
    mapping: dict[str, str] | None, language: str | None = None
) -> tuple[str, str]:
    """``pick``'s label and the language it is in: a page marks a label
    that is not in its own language with that language's ``lang``
    (``{% lang_of %}``), so that a screen reader pronounces "Welt" on an
    Arabic page as German and a translator sees what is missing."""
    mapping = mapping or {}
    language = language or get_language() or settings.LANGUAGE_CODE
    for code in (language, language.split("-")[0], settings.LANGUAGE_CODE):
        if mapping.get(code):
            return mapping[code], code
    return next(((v, code) for code, v in mapping.items() if v), ("", language))


def content_language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


LANGUAGE_CODE_MAX_LENGTH = 20  # as Django's: a longer code is no language


def content_language(code: str | None, variants: bool = True) -> str | None:
    """The content language ``code`` names: itself, its base language, or
    (with ``variants``) a regional variant of it; None when there is none."""
    if not code or len(code) > LANGUAGE_CODE_MAX_LENGTH:
        return None
    codes = content_language_codes()
    code = code.lower()
    base = code.split("-")[0]
    for candidate in (code, base):
        if candidate in codes:
            return candidate
    if variants:
        return next((c for c in codes if c.startswith(f"{base}-")), None)
    return None


def language_from_path(path: str) -> str | None:
    """The content language of an address's prefix ("/yo/…" → "yo")."""
    match = language_code_prefix_re.match(path)
    if not match:
        return None
    code = match[1].lower()
    return code if code in content_language_codes() else None


def negotiate(request: HttpRequest) -> str:
    """The content language for a reader who came without one in the
    address: the language cookie, then Accept-Language in the reader's
    order, then the fallback chains of the languages asked for, then the
    default language (core/locale.py says why)."""
    chosen = content_language(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME), variants=False)
    if chosen:
        return chosen
    wanted = [
        code
        for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", ""))
        if code != "*"
    ]
    for code in wanted:
        if found := content_language(code):
            return found
    for code in wanted:
        if found := _through_fallbacks(code):
            return found
    return settings.LANGUAGE_CODE


def _through_fallbacks(code: str) -> str | None:
    seen = [code.lower()]
    while True:
        following = fallback_of(seen[-1])
        if following in seen:
            return None
        if found := content_language(following):
            return found
        seen.append(following)


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


def is_rtl(code: str) -> bool:
    """Whether ``code`` is written right to left (CLDR's character order:
    ar, fa, he, ur …), also for a language Django does not know."""
    try:
        return locale_for(code).character_order == "right-to-left"
    except (ValueError, UnknownLocaleError):
        return False


def lang_attributes(code: str, page: str) -> SafeString | str:
    """` lang="de"` for text in ``code`` on a page in ``page``, with
    ` dir="ltr"` too when the two are written in different directions
    (German on an Arabic page), so that the text is isolated from the
    page's direction; "" when ``code`` is the page's language."""
    if code == page:
        return ""
    if is_rtl(code) == is_rtl(page):
        return format_html(' lang="{}"', code)
    return format_html(' lang="{}" dir="{}"', code, "rtl" if is_rtl(code) else "ltr")


def number(value: float, language: str | None = None) -> str:
    """``value`` as ``language`` (default: the active one) writes it, as
    CLDR says: "1.234" in German, "1 234" in French, "1,234" in English."""
    return format_decimal(value, locale=babel_locale(language or get_language() or "en"))


def percent(share: float, language: str | None = None) -> str:
    """``0.5`` → "50%" in English, "50 %" in German, "%50" in Turkish."""
    return format_percent(share, locale=babel_locale(language or get_language() or "en"))
