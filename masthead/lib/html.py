"""Sanitising stored HTML with nh3 (the Rust ammonia library).

Every article body passes through :func:`sanitize` before it is saved: an
allowlist of tags and attributes, http(s)/mailto links only, no scripts,
styles, event handlers or ``javascript:`` URLs. Embeds are stored as a node
naming the pasted address, ``<figure data-embed="https://…"></figure>``, and
kept only for an address of a provider in masthead/lib/embeds.py; an iframe
of such a provider's player (what bodies held before) becomes that node.

>>> sanitize('<p onclick="x()">Hi<script>alert(1)</script></p>')
'<p>Hi</p>'
"""

import html
import re
from urllib.parse import urlsplit

import nh3

from masthead.lib import embeds
from masthead.lib.text import clean_text

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "em", "b", "i", "u", "s", "sub", "sup",
    "a", "ul", "ol", "li", "blockquote", "q", "cite", "hr", "figure", "figcaption",
    "img", "table", "thead", "tbody", "tr", "th", "td", "code", "pre", "abbr", "iframe", "bdi",
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
    # A picture or gallery of the media library (masthead/articles/body.py),
    # and an embed node (masthead/lib/embeds.py: the address, nothing else);
    # only the values _filter_attribute lets through are kept.
    "figure": {"data-image", "data-size", "data-gallery", "data-embed"},
    "*": {"lang", "dir"},
}
URL_SCHEMES = {"http", "https", "mailto"}


# The scheme of a URL as a browser reads it: surrounding spaces and controls,
# and tabs or newlines inside, do not count ("java\tscript:" is "javascript:").
_URL_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_URL_IGNORED = re.compile(r"[\t\n\r]")
_URL_STRIPPED = "".join(map(chr, range(0x21)))  # C0 controls and space


def _url_scheme(value: str) -> str | None:
    match = _URL_SCHEME.match(_URL_IGNORED.sub("", value.strip(_URL_STRIPPED)).lower())
    return match.group(1) if match else None


# The values a body node may carry: an image's id (as masthead.lib.numbers
# reads ids: at most 19 digits, no sign, no leading zero), a known size, and
# an empty marker for a gallery.
_IMAGE_ID = re.compile(r"[1-9][0-9]{0,18}")
FIGURE_SIZES = ("column", "full")


def _figure_attribute(attribute: str, value: str) -> str | None:
    if attribute == "data-image":
        return value if _IMAGE_ID.fullmatch(value) and int(value) < 2**63 else None
    if attribute == "data-size":
        return value if value in FIGURE_SIZES else None
    if attribute == "data-gallery":
        return "" if value == "" else None
    return value


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "iframe" and attribute == "src" and embeds.from_player(value) is None:
        return None
    if tag == "figure" and attribute == "data-embed" and embeds.find(value) is None:
        return None
    if tag == "figure" and attribute in ("data-image", "data-size", "data-gallery"):
        return _figure_attribute(attribute, value)
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
    # The package turns the browser's spellcheck off; reporters want it
    # (the editor's element carries the article's language: desk-editor.js).
    "NoSpellCheck": False,
    # Pictures and galleries of the media library (masthead/articles/body.py);
    # the desk's form gives them the addresses they search and upload to.
    "BodyImage": True,
    "BodyGallery": True,
    # masthead/static/masthead/editor/embed.js; settings.DJANGO_PROSE_EDITOR_EXTENSIONS
    "Embed": embeds.editor_options(),
}
_EMPTY_BODY = re.compile(r"(?:<p>(?:\s|&nbsp;|<br\s*/?>)*</p>\s*)*")


def sanitize(value: str) -> str:
    """Return ``value`` with everything outside the allowlist removed.

    An iframe left without an allowed ``src`` is dropped as a whole; an
    iframe of a provider's player becomes an embed node. An embed node
    keeps its address only and loses any content; one whose address was
    refused is dropped. Invisible control characters are removed, also
    those written as character references ("&#11;"), which the parser turns
    into characters.
    """
    cleaned = clean_text(_cleaner.clean(value or ""))
    if "<iframe" in cleaned:
        cleaned = iframes_to_embeds(cleaned)
    if "<figure" in cleaned:
        cleaned = _clean_embed_nodes(cleaned)
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


_SRC = re.compile(r'\ssrc="([^"]*)"')


def iframes_to_embeds(value: str) -> str:
    """Sanitised HTML with every iframe of a provider's player turned into
    an embed node and every other iframe removed.

    >>> iframes_to_embeds('<iframe src="https://player.vimeo.com/video/76979871"></iframe>')
    '<figure data-embed="https://player.vimeo.com/video/76979871"></figure>'
    """
    return _IFRAME.sub(_iframe_to_embed, value)


def _iframe_to_embed(match: re.Match) -> str:
    src = _SRC.search(match.group(1))
    embed = embeds.from_player(html.unescape(src.group(1))) if src else None
    if embed is None:
        return ""
    return f'<figure data-embed="{html.escape(embed.address)}"></figure>'


# A figure's start tag as nh3 writes it, and any figure tag.
_FIGURE_START = re.compile(r'<figure((?:\s+[^\s"\'>/=]+(?:="[^"]*")?)*)\s*>')
_FIGURE_TAG = re.compile(r"<(/?)figure\b[^>]*>")
_DATA_EMBED = re.compile(r'\sdata-embed="([^"]*)"')
_EMPTY_FIGURE = re.compile(r"<figure>\s*</figure>")
# An embed node as stored: what ``sanitize`` leaves of one.
EMBED_NODE = re.compile(r'<figure data-embed="([^"]*)"></figure>')


def _clean_embed_nodes(value: str) -> str:
    """Every embed node reduced to its address (nh3 output is balanced, so
    counting figure tags finds where a node ends); figures left empty by a
    refused address removed."""
    parts, position = [], 0
    while match := _FIGURE_START.search(value, position):
        address = _DATA_EMBED.search(match.group(1))
        if address is None:
            parts.append(value[position : match.end()])
            position = match.end()
            continue
        depth, end = 1, match.end()
        for tag in _FIGURE_TAG.finditer(value, match.end()):
            depth += -1 if tag.group(1) else 1
            end = tag.end()
            if depth == 0:
                break
        parts.append(value[position : match.start()])
        parts.append(f'<figure data-embed="{address.group(1)}"></figure>')
        position = end if depth == 0 else len(value)
    parts.append(value[position:])
    return _EMPTY_FIGURE.sub("", "".join(parts))


# Embed code as an editor might paste it (the raw, unsanitised body).
_EMBED_CODE = re.compile(r"<(script|iframe|embed|object)\b([^>]*)>", re.I)
_RAW_SRC = re.compile(r"""\b(?:src|data)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_RAW_DATA_EMBED = re.compile(r"""\bdata-embed\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def _raw_value(match: re.Match) -> str:
    return html.unescape(next(group for group in match.groups() if group is not None))


def refuse_embed_code(value: str) -> None:
    """Raise ValidationError when a body from the editor holds embed code
    that ``sanitize`` would drop: an iframe, embed or object that is not a
    provider's player, a script loaded from somewhere (a widget), or an
    embed node with an address Masthead does not embed. The editor says so
    when the code is pasted; this is the same answer for a body that
    reaches the server another way, so nothing disappears without a word.
    """
    from django.core.exceptions import ValidationError  # noqa: PLC0415 (lib stays Django-light)
    from django.utils.translation import gettext  # noqa: PLC0415

    providers = ", ".join(provider.name for provider in embeds.providers())
    for match in _EMBED_CODE.finditer(value or ""):
        src = _RAW_SRC.search(match.group(2))
        address = _raw_value(src) if src else ""
        # A script without a source is no provider's widget but an attack,
        # which ``sanitize`` removes as always (no editor makes one).
        if match.group(1).lower() == "script" and not address:
            continue
        if match.group(1).lower() == "iframe" and embeds.from_player(address):
            continue
        host = urlsplit(address).hostname if address.startswith(("http:", "https:", "//")) else None
        if host:
            message = gettext(
                "The text contains embed code from %(site)s, which Masthead does not take "
                "over: it would load content from that site for every reader, without asking "
                "them first. To show a video, a post or a chart, paste its address on a line "
                "of its own. Masthead embeds addresses from %(providers)s."
            ) % {"site": host, "providers": providers}
        else:
            message = gettext(
                "The text contains embed code (an iframe or a script), which Masthead does "
                "not take over: it could load content from another site for every reader, "
                "without asking them first. To show a video, a post or a chart, paste its "
                "address on a line of its own. Masthead embeds addresses from %(providers)s."
            ) % {"providers": providers}
        raise ValidationError(message, code="embed_code")
    for match in _RAW_DATA_EMBED.finditer(value or ""):
        address = _raw_value(match)
        if embeds.find(address) is None:
            raise ValidationError(
                gettext(
                    "Masthead cannot embed %(address)s. It embeds addresses from "
                    "%(providers)s; other addresses can be links."
                )
                % {"address": address[:200], "providers": providers},
                code="embed_address",
            )


def clean_editor_body(value: str) -> str:
    """``clean_body`` for a body from the rich text editor, refusing embed
    code with a message (``refuse_embed_code``) instead of dropping it."""
    refuse_embed_code(value)
    return clean_body(value)
