"""An article cut into the pieces a translator works on, and put together again.

A segment is one piece of text a reader sees: a field (kicker, headline,
standfirst, excerpt, the search and social fields), a run of text in the
body (a paragraph, a heading, a list item, a quotation, a table cell, the
caption of a picture written for this use), or the alt text or caption of
a picture in the media library.

The body is cut at its block elements: every run of text and inline markup
(bold, links, quotations …) between two block tags, when it holds any text,
is a segment. What lies around the runs (the block tags, the picture and
embed nodes) is the body's *frame*: the translation's body is the frame
with each run replaced by its translation, so the translation keeps the
source's structure, pictures and embeds exactly. The stored body is
sanitised HTML (masthead/lib/html.py), so its tags are well formed and an
inline element never holds a block.

>>> cut_body('<h2>Ein <b>Titel</b></h2><p>Erster Satz.</p>')
[Run(start=4, end=22, block='h2'), Run(start=31, end=43, block='p')]
>>> assemble_body('<h2>A</h2><p>B</p>', ['Uno', 'Dos'])
'<h2>Uno</h2><p>Dos</p>'
"""

import html
import re
from dataclasses import dataclass

import nh3

from masthead.lib.html import ALLOWED_ATTRIBUTES, URL_SCHEMES

# Tags that start or end a block: a run of text never crosses one.
BLOCK_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote",
    "figure", "figcaption", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
    "caption", "pre", "hr", "iframe", "div", "dl", "dt", "dd",
}  # fmt: skip
# The markup a segment of the body may hold (what the sanitiser keeps,
# without its blocks).
INLINE_TAGS = {
    "br", "strong", "em", "b", "i", "u", "s", "sub", "sup", "a", "q", "cite",
    "code", "abbr", "bdi",
}  # fmt: skip

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Run:
    """A run of text of the body: ``body[start:end]``, inside a ``block``
    element (the innermost one: "p", "h2", "li", "figcaption" …; any run
    inside a quotation is "blockquote")."""

    start: int
    end: int
    block: str


def cut_body(body: str) -> list[Run]:
    """The runs of text of a sanitised body, in order, without the white
    space around them."""
    runs = []
    open_blocks: list[str] = []
    position = 0
    blocks = [tag for tag in _TAG.finditer(body) if tag[2].lower() in BLOCK_TAGS]
    for tag in [*blocks, None]:
        end = tag.start() if tag else len(body)
        piece = body[position:end]
        text = piece.strip()
        if text and _has_text(text):
            start = position + (len(piece) - len(piece.lstrip()))
            block = open_blocks[-1] if open_blocks else "p"
            if "blockquote" in open_blocks and block != "figcaption":
                block = "blockquote"  # a paragraph of a quotation is quoted speech
            runs.append(Run(start, start + len(text), block))
        if tag is None:
            break
        position = tag.end()
        name = tag[2].lower()
        if tag[1]:  # a closing tag: back to the block around it
            if name in open_blocks:
                del open_blocks[len(open_blocks) - 1 - open_blocks[::-1].index(name) :]
        elif name != "hr" and not tag[0].endswith("/>"):
            open_blocks.append(name)
    return runs


def _has_text(piece: str) -> bool:
    """Whether a piece of markup holds any text (not only tags and spaces)."""
    return bool(html.unescape(_TAG.sub("", piece)).strip())


def body_texts(body: str) -> list[tuple[str, str]]:
    """(block, text) of each run of the body."""
    return [(run.block, body[run.start : run.end]) for run in cut_body(body)]


def assemble_body(frame: str, texts: list[str]) -> str:
    """``frame`` (a source body) with the text of its runs replaced by
    ``texts``, one for each run, in order."""
    runs = cut_body(frame)
    if len(runs) != len(texts):
        raise ValueError(f"the body has {len(runs)} runs of text, not {len(texts)}")
    parts, position = [], 0
    for run, text in zip(runs, texts, strict=True):
        parts += [frame[position : run.start], text]
        position = run.end
    parts.append(frame[position:])
    return "".join(parts)


def clean_inline(value: str) -> str:
    """A segment of the body as a person or a machine wrote it, with only
    inline markup (a block tag would break the frame) and no line breaks
    of its own."""
    cleaned = nh3.clean(
        value or "",
        tags=INLINE_TAGS,
        attributes={
            tag: ALLOWED_ATTRIBUTES[tag] for tag in INLINE_TAGS if tag in ALLOWED_ATTRIBUTES
        }
        | {"*": ALLOWED_ATTRIBUTES["*"]},
        url_schemes=URL_SCHEMES,
        link_rel=None,
    )
    return _SPACE.sub(" ", cleaned).strip()


def clean_plain(value: str) -> str:
    """A field's segment: plain text on one line (fields hold no markup)."""
    return _SPACE.sub(" ", value or "").strip()


def same_markup(source: str, translation: str) -> bool:
    """Whether a translation keeps the inline tags of its source (the same
    tags, as many of each): what a machine must not lose."""
    return _tag_counts(source) == _tag_counts(translation)


def _tag_counts(value: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for tag in _TAG.finditer(value):
        key = tag[1] + tag[2].lower()
        counts[key] = counts.get(key, 0) + 1
    return counts
