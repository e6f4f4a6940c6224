"""WordPress post content as a Masthead body.

``convert(content, image=…, attached=…)`` takes a post's ``post_content``
(``content:encoded`` in an export) and gives clean HTML that the body's
sanitiser (``masthead.lib.html.sanitize``) leaves as it is, with notes
for the import's report::

    converted = convert(item.content, image=lookup, attached=[12, 13])
    converted.html   # '<p>…</p><figure data-image="7"></figure>…'
    converted.notes  # ['unknown shortcode [contact-form] removed']

What it reads:

- Gutenberg block markup (``<!-- wp:paragraph -->…<!-- /wp:paragraph -->``):
  the blocks' saved HTML is kept; layout blocks (columns, group, cover,
  media & text, buttons) are unwrapped; image, gallery, embed, video,
  audio and file blocks become Masthead's own nodes or links; blocks whose
  content WordPress makes as it serves the page (latest posts, archives,
  post title, search …) have nothing saved and are left out, with a note.
- Classic content: WordPress's ``wpautop`` (ported below: a blank line
  makes a paragraph, a single newline a ``<br>``, never inside ``<pre>``
  or around block elements), the shortcodes ``[caption]``, ``[gallery]``,
  ``[embed]``, ``[video]`` and ``[audio]``, and a bare address on a line
  of its own, which WordPress turns into an embed.

Pictures become the body's picture nodes and galleries its gallery nodes
(masthead/articles/body.py): ``image(url, attachment_id)`` answers with
the media library's id for a picture, or None, and then the picture is
left out with a note: a body never shows a picture from the old site.
``attached`` are the attachments of the post, for a ``[gallery]`` without
ids, as WordPress shows them. Addresses of a provider in
masthead/lib/embeds.py become embed nodes; others become links.

The result is cleaned here, not by the sanitiser: what it would remove
(scripts, frames, forms, styles, event handlers, tags it does not keep)
is removed here and said in a note, and the text of what is unwrapped is
kept. Nothing here touches the database; ``image`` does.
"""

import html as htmllib
import json
import re
import secrets
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

import lxml.html
from django.utils.translation import gettext, gettext_noop

from masthead.lib import embeds
from masthead.lib.html import ALLOWED_ATTRIBUTES, sanitize
from masthead.lib.text import clean_text

ImageLookup = Callable[[str, int | None], int | None]


class Note(str):
    """A note for the import's report: the English phrase (the note's
    identity, so that the report counts the same note over many posts),
    which also knows its catalog entry and values, so that the report says
    it in the operator's language (``translated``)."""

    template: str
    values: dict[str, str]

    @classmethod
    def of(cls, template: str, **values: str) -> "Note":
        note = cls(template % values if values else template)
        note.template, note.values = template, values
        return note

    def translated(self) -> str:
        text = gettext(self.template)
        return text % self.values if self.values else text


@dataclass
class Converted:
    """A converted body (sanitised HTML) and what the report should say
    about it (``Note``s, each once: the same phrase for the
    same thing in every post, so that the report can count them)."""

    html: str
    notes: list[str] = field(default_factory=list)


def convert(content: str, *, image: ImageLookup, attached: Sequence[int] = ()) -> Converted:
    """Masthead's body for WordPress ``content`` (block markup or classic
    HTML with shortcodes); see the module's docstring."""
    return _Conversion(image, attached).run(content or "")


# WordPress's wpautop, ported from wp-includes/formatting.php (WordPress
# 6.x): the same regular expressions in the same order, so that classic
# posts get the paragraphs WordPress showed.

_ALLBLOCKS = (
    r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre"
    r"|form|map|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section"
    r"|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)"
)
# A block's opening or closing comment ("<!-- wp:group {…} -->", "<!-- /wp:group -->").
_BLOCK_DELIMITER = re.compile(r"<!--\s*/?wp:.*?-->", re.S)
# wp_html_split: comments, CDATA and tags (an unclosed tag runs to the end).
_HTML_SPLIT = re.compile(r"(<!--.*?(?:-->|$)|<!\[CDATA\[.*?(?:\]\]>|$)|<[^>]*>?)", re.S)


def _replace_in_html_tags(text: str, search: str, replace: str) -> str:
    """wp_replace_in_html_tags: ``search`` replaced inside tags and
    comments only, never in the text between them."""
    parts = _HTML_SPLIT.split(text)
    for i in range(1, len(parts), 2):
        parts[i] = parts[i].replace(search, replace)
    return "".join(parts)


def wpautop(text: str, br: bool = True) -> str:
    """Paragraphs from blank lines and ``<br />`` from single newlines, as
    WordPress shows a classic post (``wpautop`` in formatting.php).

    >>> wpautop("Hello\\nWorld\\n\\nAgain")
    '<p>Hello<br />\\nWorld</p>\\n<p>Again</p>\\n'
    """
    pre_tags: dict[str, str] = {}
    if text.strip() == "":
        return ""
    text = text + "\n"
    if "<pre" in text:
        text_parts = text.split("</pre>")
        last_part = text_parts.pop()
        text = ""
        for i, text_part in enumerate(text_parts):
            start = text_part.find("<pre")
            if start == -1:
                text += text_part
                continue
            name = f"<pre wp-pre-tag-{i}></pre>"
            pre_tags[name] = text_part[start:] + "</pre>"
            text += text_part[:start] + name
        text += last_part
    text = re.sub(r"<br\s*/?>\s*<br\s*/?>", "\n\n", text)
    text = re.sub(r"(<" + _ALLBLOCKS + r"[\s/>])", r"\n\n\1", text)
    text = re.sub(r"(</" + _ALLBLOCKS + r">)", r"\1\n\n", text)
    text = re.sub(r"(<hr\s*?/?>)", r"\1\n\n", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _replace_in_html_tags(text, "\n", " <!-- wpnl --> ")
    if "<option" in text:
        text = re.sub(r"\s*<option", "<option", text)
        text = re.sub(r"</option>\s*", "</option>", text)
    if "</object>" in text:
        text = re.sub(r"(<object[^>]*>)\s*", r"\1", text)
        text = re.sub(r"\s*</object>", "</object>", text)
        text = re.sub(r"\s*(</?(?:param|embed)[^>]*>)\s*", r"\1", text)
    if "<source" in text or "<track" in text:
        text = re.sub(r"([<\[](?:audio|video)[^>\]]*[>\]])\s*", r"\1", text)
        text = re.sub(r"\s*([<\[]/(?:audio|video)[>\]])", r"\1", text)
        text = re.sub(r"\s*(<(?:source|track)[^>]*>)\s*", r"\1", text)
    if "<figcaption" in text:
        text = re.sub(r"\s*(<figcaption[^>]*>)", r"\1", text)
        text = re.sub(r"</figcaption>\s*", "</figcaption>", text)
    text = re.sub(r"\n\n+", "\n\n", text)
    pieces = [piece for piece in re.split(r"\n\s*\n", text) if piece]
    text = "".join(f"<p>{piece.strip(chr(10))}</p>\n" for piece in pieces)
    text = re.sub(r"<p>\s*</p>", "", text)
    text = re.sub(r"<p>([^<]+)</(div|address|form)>", r"<p>\1</p></\2>", text)
    text = re.sub(r"<p>\s*(</?" + _ALLBLOCKS + r"[^>]*>)\s*</p>", r"\1", text)
    text = re.sub(r"<p>(<li.+?)</p>", r"\1", text)
    text = re.sub(r"<p><blockquote([^>]*)>", r"<blockquote\1><p>", text, flags=re.I)
    text = text.replace("</blockquote></p>", "</p></blockquote>")
    text = re.sub(r"<p>\s*(</?" + _ALLBLOCKS + r"[^>]*>)", r"\1", text)
    text = re.sub(r"(</?" + _ALLBLOCKS + r"[^>]*>)\s*</p>", r"\1", text)
    if br:
        text = re.sub(
            r"<(script|style|svg|math).*?</\1>",
            lambda match: match.group(0).replace("\n", "<WPPreserveNewline />"),
            text,
            flags=re.S,
        )
        text = text.replace("<br>", "<br />").replace("<br/>", "<br />")
        text = re.sub(r"(?<!<br />)\s*\n", "<br />\n", text)
        text = text.replace("<WPPreserveNewline />", "\n")
    text = re.sub(r"(</?" + _ALLBLOCKS + r"[^>]*>)\s*<br />", r"\1", text)
    text = re.sub(r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", r"\1", text)
    text = re.sub(r"\n</p>$", "</p>", text)
    for name, pre in pre_tags.items():
        text = text.replace(name, pre)
    if "<!-- wpnl -->" in text:
        text = text.replace(" <!-- wpnl --> ", "\n").replace("<!-- wpnl -->", "\n")
    return text


# Shortcodes: WordPress's get_shortcode_regex(), for any name. "open" and
# "close" are the extra brackets of an escaped shortcode ("[[gallery]]").
# Only a name whose closing tag ("[/name]") is in the text may enclose
# content: looking for the closer of every "[x]" would take time that
# grows with the square of the text.
_ATTRS = r"[^\]/]*(?:/(?!\])[^\]/]*)*?"
_NAME = r"[A-Za-z0-9_-]+"
_CLOSER = re.compile(r"\[/(" + _NAME + r")\]")
_BARE = rf"(?P<name2>{_NAME})(?![\w-])(?P<attrs2>{_ATTRS})(?:(?P<self2>/)\]|\])"


@lru_cache(maxsize=64)
def _shortcode_regex(enclosing: tuple[str, ...]) -> re.Pattern:
    if not enclosing:
        return re.compile(rf"\[(?P<open>\[?){_BARE}(?P<close>\]?)", re.S)
    names = "|".join(re.escape(name) for name in enclosing)
    content = r"[^\[]*+(?:\[(?!/(?P=name)\])[^\[]*+)*+"
    return re.compile(
        rf"\[(?P<open>\[?)(?:(?P<name>{names})(?![\w-])(?P<attrs>{_ATTRS})"
        rf"(?:(?P<self>/)\]|\](?:(?P<content>{content})\[/(?P=name)\])?)|{_BARE})(?P<close>\]?)",
        re.S,
    )


def shortcode_pattern(text: str) -> re.Pattern:
    """The shortcode expression for ``text`` (see ``_shortcode_regex``)."""
    closers = sorted(set(_CLOSER.findall(text)), key=lambda name: (-len(name), name))
    return _shortcode_regex(tuple(closers[:200]))


_STRAY_CLOSERS = re.compile(r"\[/(?:caption|wp_caption|gallery|embed|video|audio|playlist)\]")
# shortcode_parse_atts()
_SHORTCODE_ATTRIBUTE = re.compile(
    r"""([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)"""
    r"""|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)|"([^"]*)"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)"""
)
# The shortcodes WordPress itself registers (and their old names).
WORDPRESS_SHORTCODES = {"caption", "wp_caption", "gallery", "embed", "video", "audio", "playlist"}


def shortcode_attributes(text: str) -> dict[str, str]:
    """The attributes of a shortcode, as WordPress reads them (names in
    lower case; a value without a name by its position, "0", "1", …)."""
    text = re.sub(r"[\u00a0\u200b]+", " ", text)
    found: dict[str, str] = {}
    position = 0
    for match in _SHORTCODE_ATTRIBUTE.finditer(text):
        groups = match.groups()
        for name_at, value_at in ((0, 1), (2, 3), (4, 5)):
            if groups[name_at]:
                found[groups[name_at].lower()] = htmllib.unescape(groups[value_at])
                break
        else:
            value = next((g for g in groups[6:] if g is not None), "")
            found[str(position)] = value
            position += 1
    return found


# Gutenberg's block delimiters (the grammar of WP_Block_Parser), matched
# inside a comment ("<!--" … "-->"): JSON attributes never hold "-->"
# (WordPress writes "--" as "\u002d\u002d").
_BLOCK = re.compile(
    r"\s+(?P<close>/)?wp:(?P<name>[a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)\s+"
    r"(?P<attrs>\{.*\}\s+)?(?P<void>/)?\Z",
    re.S,
)


def _delimiters(text: str):
    """Each block delimiter of ``text`` as (start, end, match), in one pass."""
    position = 0
    while (start := text.find("<!--", position)) != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            return
        position = end + 3
        match = _BLOCK.match(text, start + 4, end)
        if match is not None:
            yield start, position, match


@dataclass
class Block:
    name: str
    attrs: dict
    parts: list  # str (the block's own HTML) and Block, in order
    void: bool = False

    @property
    def children(self) -> list["Block"]:
        return [part for part in self.parts if isinstance(part, Block)]

    def own_html(self) -> str:
        return "".join(part for part in self.parts if isinstance(part, str))


def parse_blocks(text: str) -> list:
    """The top-level blocks of ``text`` with the classic HTML between them
    (str), as WordPress's block parser reads them; a block left open ends
    where its parent does, a stray closer is ignored."""
    root = Block("", {}, [])
    stack = [root]
    position = 0
    for start, end, match in _delimiters(text):
        stack[-1].parts.append(text[position:start])
        position = end
        name = match["name"].removeprefix("core/")
        try:
            attrs = json.loads(match["attrs"]) if match["attrs"] else {}
        except ValueError:
            attrs = {}
        if not isinstance(attrs, dict):
            attrs = {}
        if match["close"]:
            if any(block.name == name for block in stack[1:]):
                while stack[-1].name != name:
                    stack.pop()
                stack.pop()
        elif match["void"]:
            stack[-1].parts.append(Block(name, attrs, [], void=True))
        else:
            block = Block(name, attrs, [])
            stack[-1].parts.append(block)
            stack.append(block)
    stack[-1].parts.append(text[position:])
    return root.parts


# Blocks whose saved HTML is kept as it is (cleaned like any HTML).
CONTENT_BLOCKS = {
    "paragraph", "heading", "list", "list-item", "quote", "pullquote", "table",
    "separator", "code", "preformatted", "verse", "html", "details", "buttons",
    "button", "footnotes", "missing", "text-columns", "subhead",
}  # fmt: skip
# Layout blocks: only their inner blocks count.
LAYOUT_BLOCKS = {"columns", "column", "group", "row", "stack", "grid"}
# Blocks that mean nothing on their own in a body.
SILENT_BLOCKS = {"more", "spacer"}

_IMG = re.compile(r"<img\b[^>]*>", re.I)
_ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_FIGCAPTION = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption>", re.S | re.I)
_WP_IMAGE_CLASS = re.compile(r"\bwp-image-(\d+)\b")
_URL = r"https?://[^\s<>\"]+"
_URL_LINE = re.compile(r"^([ \t]*)(" + _URL + r")([ \t]*)$", re.M | re.I)
_URL_PARAGRAPH = re.compile(r"(<p(?: [^>]*)?>\s*)(" + _URL + r")(\s*</p>)", re.I)

# Elements removed with their content, and what the report says of them.
# What becomes of a video, audio or other file of the old site (media_link).
MEDIA_NOTES = {
    "video": (
        gettext_noop("video without an address removed"),
        gettext_noop("video kept as a link"),
    ),
    "audio": (
        gettext_noop("audio without an address removed"),
        gettext_noop("audio kept as a link"),
    ),
    "file": (gettext_noop("file without an address removed"), gettext_noop("file kept as a link")),
}

REMOVED = {
    "script": gettext_noop("script removed"),
    "style": gettext_noop("style sheet removed"),
    "noscript": gettext_noop("script removed"),
    "template": gettext_noop("template removed"),
    "object": gettext_noop("plugin content (object, embed) removed"),
    "embed": gettext_noop("plugin content (object, embed) removed"),
    "applet": gettext_noop("plugin content (object, embed) removed"),
    "input": gettext_noop("form fields removed"),
    "select": gettext_noop("form fields removed"),
    "textarea": gettext_noop("form fields removed"),
    "button": gettext_noop("form fields removed"),
    "svg": gettext_noop("inline SVG removed"),
    "math": gettext_noop("MathML removed"),
    "canvas": gettext_noop("canvas removed"),
    "map": gettext_noop("image map removed"),
    "area": gettext_noop("image map removed"),
    "head": gettext_noop("document head removed"),
    "title": gettext_noop("document head removed"),
    "meta": gettext_noop("document head removed"),
    "link": gettext_noop("document head removed"),
    "base": gettext_noop("document head removed"),
    "frameset": gettext_noop("frame removed"),
    "frame": gettext_noop("frame removed"),
    "source": "",
    "track": "",
    "col": "",
    "colgroup": "",
    "wbr": "",
}
RENAMED = {
    "h1": "h2", "h5": "h4", "h6": "h4", "del": "s", "strike": "s", "ins": "u",
    "kbd": "code", "samp": "code", "tt": "code", "var": "em", "dfn": "em", "tfoot": "tbody",
}  # fmt: skip
KEPT = {
    "p", "br", "h2", "h3", "h4", "strong", "em", "b", "i", "u", "s", "sub", "sup", "a",
    "ul", "ol", "li", "blockquote", "q", "cite", "hr", "table", "thead", "tbody", "tr",
    "th", "td", "code", "pre", "abbr", "bdi",
}  # fmt: skip
INLINE = {
    "a", "strong", "em", "b", "i", "u", "s", "sub", "sup", "q", "cite", "code", "abbr",
    "bdi", "br",
}  # fmt: skip
NODE_ATTRIBUTES = ("data-image", "data-size", "data-gallery", "data-embed")


def _img_attributes(tag: str) -> dict[str, str]:
    found = {}
    for match in _ATTR.finditer(tag[4:].rstrip(">/")):
        value = next((g for g in match.groups()[1:] if g is not None), "")
        found[match[1].lower()] = htmllib.unescape(value)
    return found


def _int(value) -> int | None:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


class _Conversion:
    def __init__(self, image: ImageLookup, attached: Sequence[int]):
        self.image = image
        self.attached = list(attached)
        self.counts: Counter[str] = Counter()
        # Marks the nodes made here, so that a figure in the source that
        # claims to be a picture or an embed node is not taken for one.
        self.token = secrets.token_hex(8)
        self.found: dict[tuple[str, int | None], int | None] = {}

    def note(self, template: str, **values: str) -> None:
        """Note ``template`` (marked with gettext_noop, filled with
        ``values``: names of blocks, hosts … that are no words to translate)."""
        self.counts[Note.of(template, **values)] += 1

    def notes(self) -> list[str]:
        """Each note once, in the order it first came up: the import's
        report counts the posts a note was made for, over the whole file."""
        return list(self.counts)

    def run(self, content: str) -> Converted:
        # Invisible control characters out (as every stored text), line ends
        # as WordPress reads them.
        content = clean_text(content).replace("\r\n", "\n").replace("\r", "\n")
        if "<!--nextpage-->" in content:
            self.note(
                gettext_noop("page breaks (<!--nextpage-->) removed: the pages run on as one")
            )
        if "<!-- wp:" in content:
            try:
                text = "".join(self.render(part) for part in parse_blocks(content))
            except RecursionError:  # blocks nested hundreds deep
                blocks = lxml.html.fragment_fromstring(
                    _BLOCK_DELIMITER.sub("", content), create_parent="div"
                )
                return Converted(sanitize(self.plain_text(blocks)), self.notes())
        else:
            text = self.classic(content)
        text = _URL_PARAGRAPH.sub(self._paragraph_address, text)
        return Converted(sanitize(self.clean(text)), self.notes())

    # Masthead's nodes

    def picture_id(self, url: str, attachment_id: int | None) -> int | None:
        key = (url, attachment_id)
        if key not in self.found:
            self.found[key] = self.image(url, attachment_id)
        return self.found[key]

    def picture(
        self, url: str, attachment_id: int | None, caption: str = "", size: str = ""
    ) -> str:
        pk = self.picture_id(htmllib.unescape(url or "").strip(), attachment_id)
        if pk is None:
            self.note(gettext_noop("picture not in the media library left out"))
            return ""
        figure_size = ' data-size="full"' if size == "full" else ""
        caption = caption.strip()
        figcaption = f"<figcaption>{caption}</figcaption>" if caption else ""
        node = (
            f'<figure data-image="{pk}"{figure_size} data-mh="{self.token}">{figcaption}</figure>'
        )
        return f"\n\n{node}\n\n"

    def gallery(self, pictures: list[tuple[str, int | None, str]], caption: str = "") -> str:
        figures = []
        for url, attachment_id, text in pictures:
            pk = self.picture_id(htmllib.unescape(url or "").strip(), attachment_id)
            if pk is None:
                self.note(gettext_noop("picture not in the media library left out"))
                continue
            text = text.strip()
            figcaption = f"<figcaption>{text}</figcaption>" if text else ""
            figures.append(
                f'<figure data-image="{pk}" data-mh="{self.token}">{figcaption}</figure>'
            )
        if not figures:
            self.note(gettext_noop("gallery without pictures in the media library left out"))
            return f"\n\n<p>{caption}</p>\n\n" if caption.strip() else ""
        after = f"<p>{caption}</p>" if caption.strip() else ""
        return (
            f'\n\n<figure data-gallery="" data-mh="{self.token}">{"".join(figures)}</figure>'
            f"{after}\n\n"
        )

    def embed(self, address: str, caption: str = "") -> str:
        address = htmllib.unescape(address or "").strip()
        after = f"<p>{caption}</p>" if caption.strip() else ""
        found = _find_embed(address)
        if found is not None:
            node = htmllib.escape(found.address)
            return f'\n\n<figure data-embed="{node}" data-mh="{self.token}"></figure>{after}\n\n'
        host = _web_host(address)
        if host is None:
            if address:
                self.note(gettext_noop("embed without a web address removed"))
            return f"\n\n{after}\n\n" if after else ""
        self.note(gettext_noop("embed from %(host)s kept as a link"), host=host)
        link = htmllib.escape(address)
        return f'\n\n<p><a href="{link}">{link}</a></p>{after}\n\n'

    def media_link(self, kind: str, address: str, caption: str = "") -> str:
        """A video, audio or other file of the old site: a link to it
        (Masthead has no player for files of its own yet)."""
        address = htmllib.unescape(address or "").strip()
        if _find_embed(address) is not None:
            return self.embed(address, caption)
        if _web_host(address) is None:
            self.note(MEDIA_NOTES[kind][0])
            return f"\n\n<p>{caption}</p>\n\n" if caption.strip() else ""
        self.note(MEDIA_NOTES[kind][1])
        link = htmllib.escape(address)
        file_name = urlsplit(address).path.rsplit("/", 1)[-1]
        text = caption.strip() or htmllib.escape(file_name or address)
        return f'\n\n<p><a href="{link}">{text}</a></p>\n\n'

    def _paragraph_address(self, match: re.Match) -> str:
        found = self.embed_or_none(match[2])
        return found if found is not None else match[0]

    def embed_or_none(self, address: str) -> str | None:
        address = htmllib.unescape(address)
        return self.embed(address) if _find_embed(address) is not None else None

    # Classic content

    def classic(self, text: str) -> str:
        """WordPress's filters on a classic post, in their order: embeds
        of bare addresses (priority 8), paragraphs (10), shortcodes (11)."""
        text = self.shortcodes(text)
        text = _replace_in_html_tags(text, "\n", "<!-- wp-line-break -->")
        text = _URL_LINE.sub(self._address_line, text)
        text = text.replace("<!-- wp-line-break -->", "\n")
        return wpautop(text)

    def _address_line(self, match: re.Match) -> str:
        found = self.embed_or_none(match[2])
        if found is not None:
            return found
        link = htmllib.escape(htmllib.unescape(match[2]))
        return f'{match[1]}<a href="{link}">{link}</a>{match[3]}'

    def shortcodes(self, text: str) -> str:
        if "[" not in text:
            return text
        return _STRAY_CLOSERS.sub("", shortcode_pattern(text).sub(self._shortcode, text))

    def _shortcode(self, match: re.Match) -> str:
        found = match.groupdict()
        opened, closed, content = found["open"], found["close"], found.get("content")
        if found.get("name"):
            name, raw, _self_closing = found["name"], found["attrs"], found["self"]
        else:
            name, raw, _self_closing = found["name2"], found["attrs2"], found["self2"]
        if opened == "[" and closed == "]":  # [[gallery]]: the text "[gallery]"
            return match[0][1:-1]
        if match.start() and match.string[match.start() - 1] == "!":  # <![CDATA[…]]>
            return match[0]
        lower = name.lower()
        attributes = shortcode_attributes(raw or "")
        if lower not in WORDPRESS_SHORTCODES:
            # "[sic]" or "[1]" in a sentence is text, not a shortcode.
            if name.isdigit() or (not raw.strip() and content is None and not _self_closing):
                if name.isdigit() or ("_" not in name and "-" not in name):
                    return match[0]
            self.note(gettext_noop("unknown shortcode [%(name)s] removed"), name=name)
            return self.shortcodes(content or "")
        if lower in ("caption", "wp_caption"):
            return self.caption(attributes, content or "")
        if lower == "gallery":
            return self.gallery_shortcode(attributes)
        if lower == "embed":
            return self.embed((content or "").strip() or attributes.get("src", ""))
        if lower in ("video", "audio"):
            return self.media_shortcode(lower, attributes)
        self.note(gettext_noop("shortcode [%(name)s] removed"), name=name)
        return ""

    def caption(self, attributes: dict[str, str], content: str) -> str:
        image = _IMG.search(content)
        if image is None:
            self.note(gettext_noop("caption without a picture removed"))
            return ""
        found = _img_attributes(image[0])
        match = _WP_IMAGE_CLASS.search(found.get("class", ""))
        attachment_id = _int(match[1]) if match else None
        if attachment_id is None:
            attachment_id = _int(attributes.get("id", "").removeprefix("attachment_"))
        # The picture and the link around it out; what is left is the caption.
        caption = re.sub(r"<a\b[^>]*>\s*" + re.escape(image[0]) + r"\s*</a>", "", content, count=1)
        caption = caption.replace(image[0], "", 1).strip() or attributes.get("caption", "")
        size = "full" if attributes.get("align") == "alignfull" else ""
        return self.picture(found.get("src", ""), attachment_id, self.shortcodes(caption), size)

    def gallery_shortcode(self, attributes: dict[str, str]) -> str:
        ids = [
            number
            for part in re.split(
                r"[,\s]+", attributes.get("ids") or attributes.get("include") or ""
            )
            if (number := _int(part)) is not None
        ]
        if not ids and _int(attributes.get("id")) is not None:
            # The attachments of another post: not known here.
            self.note(gettext_noop("gallery of another post's pictures left out"))
            return ""
        if not ids:
            # The post's own attachments, in their order (or the other way).
            excluded = {_int(part) for part in re.split(r"[,\s]+", attributes.get("exclude", ""))}
            ids = [pk for pk in self.attached if pk not in excluded]
            if attributes.get("order", "").upper() == "DESC":
                ids.reverse()
        return self.gallery([("", pk, "") for pk in ids])

    def media_shortcode(self, kind: str, attributes: dict[str, str]) -> str:
        sources = ("src", "mp4", "m4v", "webm", "ogv", "wmv", "flv", "mp3", "ogg", "m4a", "wav")
        address = next((attributes[key] for key in sources if attributes.get(key)), "")
        if not address and attributes.get("0", "").startswith(("http://", "https://")):
            address = attributes["0"]  # [audio https://…]
        return self.media_link(kind, address)

    # Blocks

    def render(self, part) -> str:
        if isinstance(part, str):
            return self.classic(part) if part.strip() else part
        return self.block(part)

    def inner(self, block: Block) -> str:
        return "".join(p if isinstance(p, str) else self.block(p) for p in block.parts)

    def block(self, block: Block) -> str:
        name, attrs = block.name, block.attrs
        if name in CONTENT_BLOCKS:
            return self.inner(block)
        if name in LAYOUT_BLOCKS:
            return "".join(self.block(child) for child in block.children)
        if name in SILENT_BLOCKS:
            return ""
        if name == "nextpage":
            return ""
        if name in ("freeform", "classic"):
            return self.classic(self.inner(block))
        if name == "shortcode":
            return self.classic(self.inner(block))
        if name == "image":
            return self.image_block(block)
        if name == "gallery":
            return self.gallery_block(block)
        if name == "embed" or name.startswith("core-embed/"):
            return self.embed_block(block)
        if name in ("video", "audio"):
            own = block.own_html()
            source = re.search(r"""\bsrc\s*=\s*["']([^"']+)""", own)
            caption = _FIGCAPTION.search(own)
            return self.media_link(name, source[1] if source else "", caption[1] if caption else "")
        if name == "file":
            own = block.own_html()
            link = re.search(r"""<a\b[^>]*href\s*=\s*["']([^"']+)["'][^>]*>(.*?)</a>""", own, re.S)
            address = attrs.get("href") or (link[1] if link else "")
            return self.media_link("file", address, link[2] if link else "")
        if name == "cover":
            picture = ""
            if attrs.get("backgroundType", "image") == "image" and (
                attrs.get("url") or attrs.get("id")
            ):
                picture = self.picture(attrs.get("url", ""), _int(attrs.get("id")), size="full")
            return picture + self.rest(block)
        if name == "media-text":
            picture = ""
            if attrs.get("mediaType", "image") == "image":
                own = _IMG.search(block.own_html())
                url = attrs.get("mediaUrl") or (
                    _img_attributes(own[0]).get("src", "") if own else ""
                )
                if url or attrs.get("mediaId"):
                    picture = self.picture(url, _int(attrs.get("mediaId")))
            else:
                own_video = re.search(r"""\bsrc\s*=\s*["']([^"']+)""", block.own_html())
                picture = self.media_link(
                    "video", attrs.get("mediaUrl") or (own_video[1] if own_video else "")
                )
            return picture + self.rest(block)
        # Blocks of themes and plugins, and those WordPress fills as it
        # serves the page (latest posts, search, post title …).
        text = self.inner(block)
        if block.void or not text.strip():
            self.note(
                gettext_noop("block %(name)s removed: WordPress fills it when it shows a page"),
                name=name,
            )
            return ""
        return text

    def rest(self, block: Block) -> str:
        """The content of a cover or media & text block without its
        picture: its inner blocks, or (before WordPress 5.3) its own HTML."""
        if block.children:
            return "".join(self.block(child) for child in block.children)
        own = re.sub(r"<video\b.*?</video>", "", block.own_html(), flags=re.S | re.I)
        return _IMG.sub("", own)

    def image_block(self, block: Block) -> str:
        own = block.own_html()
        image = _IMG.search(own)
        url = _img_attributes(image[0]).get("src", "") if image else block.attrs.get("url", "")
        caption = _FIGCAPTION.search(own)
        size = "full" if block.attrs.get("align") in ("full", "wide") else ""
        attachment_id = _int(block.attrs.get("id"))
        if attachment_id is None and image is not None:
            match = _WP_IMAGE_CLASS.search(_img_attributes(image[0]).get("class", ""))
            attachment_id = _int(match[1]) if match else None
        if not url and attachment_id is None:
            self.note(gettext_noop("image block without a picture removed"))
            return ""
        return self.picture(url, attachment_id, caption[1] if caption else "", size)

    def gallery_block(self, block: Block) -> str:
        own = block.own_html()
        pictures: list[tuple[str, int | None, str]] = []
        for child in block.children:
            if child.name != "image":
                continue
            inner = child.own_html()
            image = _IMG.search(inner)
            caption = _FIGCAPTION.search(inner)
            url = _img_attributes(image[0]).get("src", "") if image else ""
            pictures.append((url, _int(child.attrs.get("id")), caption[1] if caption else ""))
        if not block.children:
            # Before WordPress 5.9: the ids in the block's attributes, the
            # pictures as a list in its HTML.
            items = re.findall(r"<li\b[^>]*>(.*?)</li>", own, re.S | re.I) or [
                m[0] for m in _IMG.finditer(own)
            ]
            by_id: dict[int | None, tuple[str, str]] = {}
            for item in items:
                image = _IMG.search(item)
                if image is None:
                    continue
                found = _img_attributes(image[0])
                pk = _int(found.get("data-id"))
                if pk is None:
                    match = _WP_IMAGE_CLASS.search(found.get("class", ""))
                    pk = _int(match[1]) if match else None
                caption = _FIGCAPTION.search(item)
                by_id[pk] = (found.get("src", ""), caption[1] if caption else "")
            ids = [pk for pk in (_int(v) for v in block.attrs.get("ids", []) or []) if pk]
            if ids:
                pictures = [
                    (by_id.get(pk, ("", ""))[0], pk, by_id.get(pk, ("", ""))[1]) for pk in ids
                ]
            else:
                pictures = [(url, pk, caption) for pk, (url, caption) in by_id.items()]
        # The gallery's own caption, after its list.
        captions = re.findall(
            r"<figcaption\b[^>]*blocks-gallery-caption[^>]*>(.*?)</figcaption>", own, re.S
        )
        return self.gallery(pictures, captions[-1] if captions else "")

    def embed_block(self, block: Block) -> str:
        own = block.own_html()
        address = block.attrs.get("url") or ""
        if not address:
            found = re.search(_URL, own)
            address = found[0] if found else ""
        caption = _FIGCAPTION.search(own)
        return self.embed(address, caption[1] if caption else "")

    # Cleaning: what the sanitiser would remove, removed here and said.

    def clean(self, text: str) -> str:
        if not text.strip():
            return ""
        # huge_tree: libxml2 would otherwise drop what is nested more than
        # 256 elements deep, text and all (with it, more than 2,048).
        parser = lxml.html.HTMLParser(huge_tree=True)
        root = lxml.html.fragment_fromstring(text, create_parent="div", parser=parser)
        try:
            self.clean_children(root, inside_figure=False)
        except RecursionError:
            return self.plain_text(root)
        self.hoist_nodes(root)
        self.paragraphs(root)
        self.drop_empty(root)
        return "".join(lxml.html.tostring(child, encoding="unicode") for child in root)

    def plain_text(self, root) -> str:
        """Markup nested too deeply to walk (hundreds of elements): its
        text, a paragraph for each blank line."""
        self.note(gettext_noop("markup nested too deeply: kept as plain text"))
        text = "\n".join(
            str(part) for part in root.xpath("//text()[not(ancestor::script or ancestor::style)]")
        )
        paragraphs = [" ".join(chunk.split()) for chunk in re.split(r"\n\s*\n", text)]
        return "".join(f"<p>{htmllib.escape(p, quote=False)}</p>" for p in paragraphs if p)

    def clean_children(self, parent, *, inside_figure: bool) -> None:
        for child in list(parent):
            self.clean_element(child, inside_figure=inside_figure)

    def clean_element(self, el, *, inside_figure: bool) -> None:
        if not isinstance(el.tag, str):  # a comment or processing instruction
            _remove(el)
            return
        tag = el.tag.lower()
        if tag == "figure" and el.get("data-mh") == self.token:
            el.text = None
            for child in el:
                child.tail = None
            for name in list(el.attrib):
                if name not in NODE_ATTRIBUTES:
                    del el.attrib[name]
            for child in list(el):
                if isinstance(child.tag, str) and child.tag == "figcaption":
                    self.clean_children(child, inside_figure=True)
                    self.inline_only(child)
                    child.attrib.clear()
                elif isinstance(child.tag, str) and child.tag == "figure":
                    self.clean_element(child, inside_figure=True)
                else:
                    _remove(child)
            return
        if tag in REMOVED:
            if REMOVED[tag]:
                self.note(REMOVED[tag])
            _remove(el)
            return
        if tag == "iframe":
            self.iframe(el)
            return
        if tag in ("video", "audio"):
            self.media_element(el, tag)
            return
        if tag == "img":
            self.img(el, inside_figure=inside_figure)
            return
        tag = RENAMED.get(tag, tag)
        el.tag = tag
        if tag in ("dt", "summary"):
            el.tag = "p"
            strong = lxml.html.Element("strong")
            strong.text, el.text = el.text, None
            for child in list(el):
                strong.append(child)
            el.append(strong)
        elif tag in ("dd", "figcaption", "caption", "legend"):
            el.tag = "p"
        if el.tag == "a":
            href = el.get("href", "").strip()
            scheme = _scheme(href)
            if scheme not in ("", "http", "https", "mailto") or (not href and "href" in el.attrib):
                self.note(gettext_noop("link to a script or another scheme removed, its text kept"))
                el.attrib.pop("href", None)
        self.clean_children(el, inside_figure=inside_figure)
        if el.tag not in KEPT or (el.tag == "a" and "href" not in el.attrib):
            _unwrap(el)
            return
        self.clean_attributes(el)

    def clean_attributes(self, el) -> None:
        allowed = ALLOWED_ATTRIBUTES.get(el.tag, set()) | ALLOWED_ATTRIBUTES["*"]
        for name in list(el.attrib):
            if name.lower().startswith("on"):
                self.note(gettext_noop("event handler attributes removed"))
            if name not in allowed:
                del el.attrib[name]
            elif name == "dir" and el.get(name) not in ("ltr", "rtl", "auto"):
                del el.attrib[name]

    def inline_only(self, el) -> None:
        """A caption holds inline HTML: block elements in it unwrapped."""
        for child in list(el.iter()):
            if child is el or not isinstance(child.tag, str):
                continue
            if child.tag not in INLINE:
                _unwrap(child)

    def iframe(self, el) -> None:
        src = el.get("src", "").strip()
        found = _find_embed(src, embeds.from_player)
        if found is not None:
            node = lxml.html.Element("figure")
            node.set("data-embed", found.address)
            node.set("data-mh", self.token)
            _replace(el, node)
            return
        host = _web_host(src)
        if host is None:
            self.note(gettext_noop("frame without a web address removed"))
        else:
            self.note(gettext_noop("frame from %(host)s removed"), host=host)
        _remove(el)

    def media_element(self, el, kind: str) -> None:
        src = el.get("src") or next((s.get("src") for s in el.iter("source") if s.get("src")), "")
        html = self.media_link(kind, src)
        nodes = lxml.html.fragments_fromstring(html.strip()) if html.strip() else []
        self._replace_with(el, nodes)

    def img(self, el, *, inside_figure: bool) -> None:
        src = el.get("src", "")
        match = _WP_IMAGE_CLASS.search(el.get("class", ""))
        attachment_id = _int(el.get("data-id")) or (_int(match[1]) if match else None)
        pk = (
            self.picture_id(htmllib.unescape(src).strip(), attachment_id)
            if (src or attachment_id)
            else None
        )
        parent = el.getparent()
        if pk is None:
            self.note(gettext_noop("picture not in the media library left out"))
            _remove(el)
        else:
            node = lxml.html.Element("figure")
            node.set("data-image", str(pk))
            node.set("data-mh", self.token)
            _replace(el, node)
            el = node
        # A link around nothing but the picture goes with it.
        if parent is not None and parent.tag == "a" and not (parent.text or "").strip():
            others = [c for c in parent if c is not el]
            if not others and not any((c.tail or "").strip() for c in parent):
                if pk is None:
                    _remove(parent)
                else:
                    _replace(parent, el)

    def _replace_with(self, el, nodes) -> None:
        parent = el.getparent()
        if parent is None:
            return
        index = parent.index(el)
        tail = el.tail
        parent.remove(el)
        for offset, node in enumerate(nodes):
            if isinstance(node, str):
                continue
            parent.insert(index + offset, node)
        if tail:
            _append_text(parent, index + len(nodes) - 1, tail)

    def hoist_nodes(self, root) -> None:
        """Pictures, galleries and embeds are blocks of the body: one found
        in a paragraph or a list (a picture in the middle of a sentence)
        moves after it, in the order they had."""
        last: dict = {}
        for node in list(root.iter("figure")):
            if node.get("data-mh") != self.token:
                continue
            parent = node.getparent()
            if parent is root or (parent.tag == "figure" and parent.get("data-mh") == self.token):
                continue
            top = node
            while top.getparent() is not root:
                top = top.getparent()
            tail = node.tail
            node.tail = None
            previous = node.getprevious()
            if tail:
                if previous is not None:
                    previous.tail = (previous.tail or "") + tail
                else:
                    parent.text = (parent.text or "") + tail
            parent.remove(node)
            after = last.get(top, top)
            tail_after, after.tail = after.tail, None
            after.addnext(node)
            node.tail = tail_after
            last[top] = node
        for node in root.iter("figure"):
            if node.get("data-mh") == self.token:
                del node.attrib["data-mh"]

    def paragraphs(self, root) -> None:
        """Loose text and inline elements at the top (from unwrapped divs,
        buttons) go into paragraphs."""
        children = list(root)
        new = []
        current = None

        def add_text(text: str) -> None:
            nonlocal current
            if not text or not text.strip():
                return
            if current is None:
                current = lxml.html.Element("p")
                current.text = ""
                new.append(current)
            if len(current):
                current[-1].tail = (current[-1].tail or "") + text
            else:
                current.text = (current.text or "") + text

        add_text(root.text or "")
        root.text = None
        for child in children:
            tail, child.tail = child.tail, None
            root.remove(child)
            if child.tag in INLINE:
                if current is None:
                    current = lxml.html.Element("p")
                    new.append(current)
                current.append(child)
            else:
                current = None
                new.append(child)
            add_text(tail or "")
        for child in new:
            root.append(child)
            child.tail = "\n"
            if child.tag == "p":
                # Whitespace at a paragraph's edges (left by unwrapped blocks)
                # shows as nothing.
                child.text = (child.text or "").lstrip() or None
                if len(child):
                    child[-1].tail = (child[-1].tail or "").rstrip() or None
                elif child.text:
                    child.text = child.text.rstrip()

    def drop_empty(self, root) -> None:
        for el in list(root.iter()):
            if not isinstance(el.tag, str) or el.tag in ("br", "hr", "td", "th", "figure"):
                continue
            if el.getparent() is None:
                continue
            if el.tag in (
                "p",
                "h2",
                "h3",
                "h4",
                "li",
                "blockquote",
                "ul",
                "ol",
                "a",
                "strong",
                "em",
                "b",
                "i",
            ):
                text = "".join(el.itertext()).replace("\u00a0", " ").strip()
                has_node = any(c.tag in ("figure", "hr", "table") for c in el.iter() if c is not el)
                if not text and not has_node:
                    if not (el.tail or "").strip():
                        el.tail = None
                    _remove(el)


def _append_text(parent, index: int, text: str) -> None:
    if index < 0:
        parent.text = (parent.text or "") + text
    else:
        node = parent[index]
        node.tail = (node.tail or "") + text


def _find_embed(address: str, find: Callable = embeds.find):
    """The embed Masthead makes of ``address`` (``find``: of a page's address
    or of a player's), trying https where an old post wrote http."""
    found = find(address)
    if found is None and address.lower().startswith("http://"):
        found = find("https://" + address[7:])
    return found


def _web_host(address: str) -> str | None:
    """The host of an http(s) address; None for anything else, a
    placeholder such as "https://[your-site]/" included."""
    try:
        parts = urlsplit(address)
        host = parts.hostname
    except ValueError:
        return None
    return host if parts.scheme.lower() in ("http", "https") and host else None


def _scheme(address: str) -> str:
    """The scheme of a link's address ("" for a relative one, "?" for one
    that cannot be read)."""
    try:
        return urlsplit(address).scheme.lower() if address else ""
    except ValueError:
        return "?"


def _remove(el) -> None:
    """``el`` out, its tail text kept."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    previous = el.getprevious()
    parent.remove(el)
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def _replace(el, node) -> None:
    node.tail = el.tail
    el.tail = None
    el.getparent().replace(el, node)


def _unwrap(el) -> None:
    """``el`` out, its content and tail kept in its place."""
    el.drop_tag()
