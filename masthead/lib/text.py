"""Plain-text helpers: excerpts cut at a word boundary.

>>> excerpt("<p>Der Rat hat am Dienstag beschlossen</p>", 20)
'Der Rat hat am…'
>>> excerpt("Short.", 20)
'Short.'
"""

import html
import re
from collections.abc import Callable, Collection
from typing import TYPE_CHECKING, Any

import nh3

if TYPE_CHECKING:
    from django.db.models import Model

ELLIPSIS = "…"
_SPACE = re.compile(r"\s+")
# Block-level ends become spaces so that "</p><p>" never glues two words.
_BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote|figcaption|div)>|<br\s*/?>", re.I)


def plain_text(value: str) -> str:
    """HTML to one line of plain text: tags dropped, entities decoded."""
    value = _BLOCK_END.sub(" ", value or "")
    value = nh3.clean(value, tags=set(), clean_content_tags={"script", "style"})
    return _SPACE.sub(" ", html.unescape(value)).strip()


def excerpt(value: str, length: int = 180) -> str:
    """The start of ``value`` (HTML or text), at most ``length`` characters
    including the ellipsis, cut between words and ending in "…".

    A text that fits is returned whole, without an ellipsis. A single word
    longer than ``length`` is the only case cut inside a word.
    """
    text = plain_text(value)
    if len(text) <= length:
        return text
    cut = text[: length - len(ELLIPSIS) + 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    else:
        cut = cut[: length - len(ELLIPSIS)]
    cut = cut.rstrip(" ,;:–—-.…")
    return cut + ELLIPSIS


_GERMAN = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


# Ukrainian in Latin letters as Ukraine's own rules write it (the national
# transliteration of 2010: "Київ" → "Kyiv", "Європа" → "Yevropa"), where
# anyascii, which knows scripts and not languages, would write it the
# Russian way ("Kiiv").
_UKRAINIAN_FIRST = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_UKRAINIAN = str.maketrans(
    {
        "г": "h",
        "ґ": "g",
        "е": "e",
        "є": "ie",
        "и": "y",
        "і": "i",
        "ї": "i",
        "й": "i",
        "х": "kh",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "щ": "shch",
        "ю": "iu",
        "я": "ia",
        "ь": "",
        "’": "",
        "'": "",
    }  # fmt: skip
)


def _ukrainian(text: str) -> str:
    text = re.sub(r"\b[єїйюя]", lambda m: _UKRAINIAN_FIRST[m.group().lower()], text.lower())
    return text.translate(_UKRAINIAN)


def make_slug(
    value: str, max_length: int = 80, language: str | None = None, default: str = "article"
) -> str:
    """The slug of ``value`` in ``language``: in its own script where the
    language's readers expect that (``settings.UNICODE_SLUGS``: "مجلس-المدينة"),
    else in ASCII, German umlauts spelt out ("Über Bäume" → "ueber-baeume")
    and other scripts transliterated by anyascii ("Київ" → "kyiv"); ``default``
    when nothing of ``value`` is left."""
    from anyascii import anyascii
    from django.conf import settings
    from django.utils.text import slugify

    if language and unicode_slugs(language, settings.UNICODE_SLUGS):
        slug = slugify(value, allow_unicode=True)
    else:
        if language and language.split("-")[0] == "uk":
            value = _ukrainian(value)
        slug = slugify(anyascii(value.translate(_GERMAN)))
    return slug[:max_length].strip("-") or default


def unicode_slugs(language: str, languages: Collection[str]) -> bool:
    """Whether ``language`` (or its base language) keeps slugs in its script."""
    language = language.lower()
    return language in languages or language.split("-")[0] in languages


# -- Control characters --------------------------------------------------------
#
# Text pasted from word processors and PDFs brings characters nobody sees:
# Word's manual line break is a vertical tab (U+000B), a page break a form
# feed (U+000C), PDFs add U+0001 and friends. XML 1.0 forbids most of them
# (a feed with one is not XML, and Django's feed writer refuses to write it),
# HTML calls them parse errors. They carry no meaning in a news text, so
# every stored text is cleaned (see clean_line and clean_text):
#
# - line breaks in disguise (VT, FF, the separators FS/GS/RS, NEL) become
#   a line break, or a space in one-line text;
# - the other C0 controls, DEL and the C1 controls (U+007F–U+009F), lone
#   surrogates (halves of a UTF-16 pair, which no UTF-8 text may hold) and
#   the non-characters U+FFFE and U+FFFF are removed;
# - tab, line feed and carriage return are kept where lines mean something
#   (standfirst, body, biographies); one-line text (headlines, names, slugs,
#   captions) gets a space instead.
#
# Zero-width spaces, the byte order mark, soft hyphens and the Unicode line
# and paragraph separators (U+2028, U+2029) are left alone: they are valid
# XML, and typesetting uses them on purpose.

_LINE_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85"
_REMOVED = "\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff"
_INVISIBLE = re.compile(f"[{_REMOVED}]")
_DISGUISED_BREAK = re.compile(f"[{_LINE_BREAKS}]")
_ONE_LINE_BREAK = re.compile(f"\r\n|[\t\n\r{_LINE_BREAKS}]")
# Anything that clean_text or clean_line may change, for a quick check.
_TROUBLE_IN_TEXT = re.compile(f"[{_REMOVED}{_LINE_BREAKS}]")
_TROUBLE_IN_LINE = re.compile(f"[{_REMOVED}{_LINE_BREAKS}\t\n\r]")


def clean_text(value: str) -> str:
    """Text with line breaks kept and invisible control characters removed.

    >>> clean_text("Erste Zeile\\x0bzweite\\x01 Zeile\\r\\n\\tdritte")
    'Erste Zeile\\nzweite Zeile\\r\\n\\tdritte'
    """
    if not value or not _TROUBLE_IN_TEXT.search(value):
        return value
    return _INVISIBLE.sub("", _DISGUISED_BREAK.sub("\n", value))


def clean_line(value: str) -> str:
    """One line of text: every line break and tab becomes a space, invisible
    control characters are removed.

    >>> clean_line("Der Rat\\x0bbeschließt\\x01\\r\\nmehr")
    'Der Rat beschließt mehr'
    """
    if not value or not _TROUBLE_IN_LINE.search(value):
        return value
    return _INVISIBLE.sub("", _ONE_LINE_BREAK.sub(" ", value))


def clean_slug(value: str) -> str:
    """A slug as :func:`clean_line` cleans a line, with a hyphen where a line
    break was (a slug has no spaces).

    >>> clean_slug("der-rat\\x0bbeschliesst\\x01")
    'der-rat-beschliesst'
    """
    if not value or not _TROUBLE_IN_LINE.search(value):
        return value
    return _INVISIBLE.sub("", _ONE_LINE_BREAK.sub("-", value))


def clean_data(value: Any, clean: Callable[[str], str] = clean_line) -> Any:
    """``value`` (a string, or a list or dict of them, as JSON holds them)
    with ``clean`` applied to every string in it, keys included."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {clean_data(k, clean): clean_data(v, clean) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(clean_data(v, clean) for v in value)
    return value


def clean_model_text(
    instance: "Model", multiline: Collection[str] = (), slugs: Collection[str] = ()
) -> list[str]:
    """Clean the text fields of a model instance in place and return the
    names of the fields that changed: a TextField keeps its lines
    (:func:`clean_text`), a CharField becomes one line (:func:`clean_line`;
    a SlugField :func:`clean_slug`), and the strings in a JSONField are cleaned as
    one line unless the field is named in ``multiline`` (or ``slugs``,
    for JSON that holds slugs). Deferred fields
    are left alone (they are not saved)."""
    from django.db import models

    deferred = instance.get_deferred_fields()
    changed = []
    for field in instance._meta.concrete_fields:
        if field.attname in deferred:
            continue
        if isinstance(field, models.TextField):
            clean = clean_text
        elif isinstance(field, models.SlugField):
            clean = clean_slug
        elif isinstance(field, models.CharField):
            clean = clean_line
        elif isinstance(field, models.JSONField):
            clean = clean_line
            if field.name in multiline:
                clean = clean_text
            elif field.name in slugs:
                clean = clean_slug
        else:
            continue
        value = getattr(instance, field.attname)
        cleaned = clean_data(value, clean)
        if cleaned != value:
            setattr(instance, field.attname, cleaned)
            changed.append(field.name)
    return changed


# "Foto: " is the template's; an editor who types it would see it twice.
_CREDIT_PREFIX = re.compile(
    r"^\s*(?:fotos?|photos?|photograph|bild(?:er)?|images?|pictures?)\s*:\s*", re.IGNORECASE
)


def credit_name(value: str) -> str:
    """An image credit without the word the page puts before it.

    >>> credit_name("Foto: Jana Berger")
    'Jana Berger'
    >>> credit_name("photo:dpa")
    'dpa'
    >>> credit_name("Fotografie Müller")
    'Fotografie Müller'
    """
    return _CREDIT_PREFIX.sub("", value, count=1)
