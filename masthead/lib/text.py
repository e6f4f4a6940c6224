"""Plain-text helpers: excerpts cut at a word boundary.

>>> excerpt("<p>Der Rat hat am Dienstag beschlossen</p>", 20)
'Der Rat hat am…'
>>> excerpt("Short.", 20)
'Short.'
"""

import html
import re

import nh3

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


def make_slug(value: str, max_length: int = 80) -> str:
    """An ASCII slug, with German umlauts spelt out: "Über Bäume" → "ueber-baeume"."""
    from django.utils.text import slugify

    slug = slugify(value.translate(_GERMAN))[:max_length].strip("-")
    return slug or "article"
