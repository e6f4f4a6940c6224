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


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "iframe" and attribute == "src" and not value.startswith(EMBED_PREFIXES):
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


def sanitize(value: str) -> str:
    """Return ``value`` with everything outside the allowlist removed.

    An iframe left without an allowed ``src`` is dropped as a whole.
    """
    cleaned = _cleaner.clean(value or "")
    if "<iframe" in cleaned:
        cleaned = _drop_empty_iframes(cleaned)
    return cleaned.strip()


def _drop_empty_iframes(value: str) -> str:
    return _EMPTY_IFRAME.sub("", value)


_EMPTY_IFRAME = re.compile(r"<iframe(?![^>]*\ssrc=)[^>]*>.*?</iframe>", re.S)
