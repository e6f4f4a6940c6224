"""Sanitising stored HTML with nh3 (the Rust ammonia library).

Every article body passes through :func:`sanitize` before it is saved: an
allowlist of tags and attributes, http(s)/mailto links only, no scripts,
styles, event handlers or ``javascript:`` URLs. Embeds are allowed only as
iframes whose address starts with one of ``EMBED_PREFIXES``.

>>> sanitize('<p onclick="x()">Hi<script>alert(1)</script></p>')
'<p>Hi</p>'
"""

import re

import nh3

from masthead.lib.text import clean_text

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "em", "b", "i", "u", "s", "sub", "sup",
    "a", "ul", "ol", "li", "blockquote", "q", "cite", "hr", "figure", "figcaption",
    "img", "table", "thead", "tbody", "tr", "th", "td", "code", "pre", "abbr", "iframe",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "abbr": {"title"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "iframe": {"src", "width", "height", "title", "allowfullscreen"},
    "*": {"lang", "dir"},
}
URL_SCHEMES = {"http", "https", "mailto"}
# Iframes are kept only when they show one of these players.
EMBED_PREFIXES = (
    "https://www.youtube-nocookie.com/embed/",
    "https://www.youtube.com/embed/",
    "https://player.vimeo.com/video/",
)


# The scheme of a URL as a browser reads it: surrounding spaces and controls,
# and tabs or newlines inside, do not count ("java\tscript:" is "javascript:").
_URL_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_URL_IGNORED = re.compile(r"[\t\n\r]")
_URL_STRIPPED = "".join(map(chr, range(0x21)))  # C0 controls and space


def _url_scheme(value: str) -> str | None:
    match = _URL_SCHEME.match(_URL_IGNORED.sub("", value.strip(_URL_STRIPPED)).lower())
    return match.group(1) if match else None


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "iframe" and attribute == "src" and not value.startswith(EMBED_PREFIXES):
        return None
    # nh3 checks the schemes of href and src only; cite holds a URL too.
    if attribute == "cite" and _url_scheme(value) not in URL_SCHEMES | {None}:
        return None
    return value


_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    clean_content_tags={"script", "style"},
    link_rel="noopener noreferrer",
    attribute_filter=_filter_attribute,
    strip_comments=True,
)


# What the rich text editor offers, in the desk and in the admin. Every
# body is sanitised with ``sanitize``, whose allowlist covers all of these.
BODY_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3]},
    "Paragraph": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "Link": {"enableTarget": False},
    "HardBreak": True,
    "HorizontalRule": True,
    "History": True,
}
_EMPTY_BODY = re.compile(r"(?:<p>(?:\s|&nbsp;|<br\s*/?>)*</p>\s*)*")


def sanitize(value: str) -> str:
    """Return ``value`` with everything outside the allowlist removed.

    An iframe left without an allowed ``src`` is dropped as a whole; an
    iframe kept loses its content (raw text that nh3 passes through as is).
    Invisible control characters are removed, also those written as
    character references ("&#11;"), which the parser turns into characters.
    """
    cleaned = clean_text(_cleaner.clean(value or ""))
    if "<iframe" in cleaned:
        cleaned = _IFRAME.sub(_clean_iframe, cleaned)
    return cleaned.strip()


def clean_body(value: str) -> str:
    """The sanitised body from a rich text editor; "" when the editor left
    only empty paragraphs.

    >>> clean_body("<p>&nbsp;</p><p><br></p>")
    ''
    """
    value = sanitize(value)
    return "" if _EMPTY_BODY.fullmatch(value) else value


# An iframe as nh3 writes it: attribute values always in double quotes (a
# quote inside is written &quot;), content as raw text up to "</iframe>".
_IFRAME = re.compile(r'<iframe((?:\s+[^\s"\'>/=]+(?:="[^"]*")?)*)\s*>.*?</iframe>', re.S)
_ATTRIBUTE_NAME = re.compile(r'\s+([^\s"\'>/=]+)(?:="[^"]*")?')


def _clean_iframe(match: re.Match) -> str:
    attributes = match.group(1)
    if "src" not in _ATTRIBUTE_NAME.findall(attributes):
        return ""
    return f"<iframe{attributes}></iframe>"
