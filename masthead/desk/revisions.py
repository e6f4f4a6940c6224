"""An article's revisions: the list, a comparison of two, and restoring one.

Every save keeps a revision (masthead.articles.services.save_article);
restoring an old one saves it again as the newest, so nothing is lost by
restoring. The comparison is made for people: the body is compared block by
block (paragraphs, headings, list items) on its plain text, and words that
changed are marked as inserted or deleted. A picture or a gallery
(masthead/articles/body.py) is a block of its own, written out in words
(which image, what size, which caption), so that a swapped image, a new
caption or a new size shows like a changed sentence.
"""

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import escape
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_POST

from masthead.accounts import rules
from masthead.articles import services
from masthead.articles.body import Gallery, Picture, body_nodes, image_ids
from masthead.articles.models import Revision
from masthead.lib.html import EMBED_NODE
from masthead.lib.numbers import parse_id
from masthead.lib.text import plain_text
from masthead.media.models import Image

from .views import article_for, desk_view

EQUAL, INSERT, DELETE, CHANGE = "equal", "insert", "delete", "change"
# Two blocks count as one changed block when this share of their words is alike.
SIMILAR = 0.4

# Tags that start or end a block of the body; the text between two of them
# is one block of the comparison.
_BLOCK_TAG = re.compile(
    r"<(/?)(p|h[1-6]|li|ul|ol|blockquote|figure|figcaption|pre|table|thead|tbody|tr|td|th|hr|br)"
    r"\b[^>]*>",
    re.I,
)
_WORDS = re.compile(r"\s+|[^\s]+")
_RESTORED_NOTE = re.compile(r"restored #(\d+)")


@dataclass
class Segment:
    """A run of text that is the same in both versions, or only in one."""

    op: str
    text: str


@dataclass
class Block:
    """One block of the body in the comparison: ``kind`` is its tag ("p",
    "h2", "li" …); ``op`` says whether it is the same in both versions,
    changed (``segments`` mark the words), or only in one of them."""

    kind: str
    op: str
    segments: list[Segment] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.op != EQUAL


@dataclass
class Part:
    """Headline, standfirst or body in the comparison."""

    name: str
    label: str
    blocks: list[Block]


def _op(segments: list[Segment]) -> str:
    return EQUAL if all(s.op == EQUAL for s in segments) else CHANGE


def body_blocks(html: str) -> list[tuple[str, str]]:
    """The blocks of an article body as (tag, plain text), empty ones left out.

    >>> body_blocks("<h2>Title</h2><p>One <b>two</b></p><ul><li>x</li></ul>")
    [('h2', 'Title'), ('p', 'One two'), ('li', 'x')]
    """
    # An embed node has no text of its own: its address stands for it.
    html = EMBED_NODE.sub(r"<figure>\1</figure>", html or "")
    blocks, kind, start = [], "p", 0
    for match in _BLOCK_TAG.finditer(html or ""):
        text = plain_text(html[start : match.start()])
        if text:
            blocks.append((kind, text))
        closing, tag = match.group(1), match.group(2).lower()
        if not closing and tag not in ("br", "hr", "ul", "ol", "table", "thead", "tbody", "tr"):
            kind = tag
        elif closing or tag == "hr":
            kind = "p"
        start = match.end()
    text = plain_text((html or "")[start:])
    if text:
        blocks.append((kind, text))
    return blocks


def diff_words(old: str, new: str) -> list[Segment]:
    """``old`` and ``new`` compared word by word.

    >>> [(s.op, s.text) for s in diff_words("the old text", "the new text")]
    [('equal', 'the '), ('delete', 'old'), ('insert', 'new'), ('equal', ' text')]
    """
    a, b = _WORDS.findall(old or ""), _WORDS.findall(new or "")
    segments: list[Segment] = []

    def add(op, words):
        text = "".join(words)
        if not text:
            return
        if segments and segments[-1].op == op:
            segments[-1].text += text
        else:
            segments.append(Segment(op, text))

    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            add(EQUAL, a[i1:i2])
        else:
            add(DELETE, a[i1:i2])
            add(INSERT, b[j1:j2])
    return segments


def _picture_text(picture: Picture, names: dict[int, str], *, sized: bool = True) -> str:
    name = names.get(picture.image_id)
    if name is None:
        # Translators: in the comparison of two revisions, a picture deleted from the library
        text = _("Picture %(id)s (no longer in the media library)") % {"id": picture.image_id}
    else:
        # The id too: two cameras' files are often both "IMG_0001.jpg".
        text = _("Picture %(id)s “%(name)s”") % {"id": picture.image_id, "name": name}
    if sized:
        size = _("full width") if picture.size == "full" else _("column width")
        text = f"{text} ({size})"
    caption = plain_text(picture.caption)
    return f"{text}: {caption}" if caption else text


def with_figures_in_words(html: str, names: dict[int, str]) -> str:
    """``html`` with each picture and gallery written out as a block of
    plain words (``body_blocks`` reads it as a "figure" block)."""
    parts, position = [], 0
    for start, end, node in body_nodes(html):
        if isinstance(node, Gallery):
            pictures = "; ".join(_picture_text(p, names, sized=False) for p in node.pictures)
            text = _("Gallery: %(pictures)s") % {"pictures": pictures}
        else:
            text = _picture_text(node, names)
        parts += [html[position:start], f"<figure>{escape(text)}</figure>"]
        position = end
    parts.append(html[position:])
    return "".join(parts)


def diff_body(old: str, new: str) -> list[Block]:
    """Two bodies compared block by block. A block that was changed (rather
    than added or removed) is compared word by word; one rewritten beyond
    recognition reads as removed and added. Pictures and galleries are
    compared as the words that describe them."""
    ids = set(image_ids(old or "")) | set(image_ids(new or ""))
    names = dict(Image.objects.filter(pk__in=ids).values_list("pk", "original_name")) if ids else {}
    names = {pk: name or str(pk) for pk, name in names.items()}
    old, new = with_figures_in_words(old or "", names), with_figures_in_words(new or "", names)
    a, b = body_blocks(old), body_blocks(new)
    blocks: list[Block] = []
    matcher = SequenceMatcher(None, [t for _k, t in a], [t for _k, t in b], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            blocks += [Block(kind, EQUAL, [Segment(EQUAL, text)]) for kind, text in b[j1:j2]]
            continue
        # Changed blocks pair up in order; the rest were removed or added.
        removed, added = a[i1:i2], b[j1:j2]
        for (old_kind, old_text), (kind, new_text) in zip(removed, added, strict=False):
            words = SequenceMatcher(None, old_text.split(), new_text.split(), autojunk=False)
            if words.ratio() >= SIMILAR:
                blocks.append(Block(kind, CHANGE, diff_words(old_text, new_text)))
            else:
                blocks.append(Block(old_kind, DELETE, [Segment(DELETE, old_text)]))
                blocks.append(Block(kind, INSERT, [Segment(INSERT, new_text)]))
        paired = min(len(removed), len(added))
        blocks += [Block(kind, DELETE, [Segment(DELETE, text)]) for kind, text in removed[paired:]]
        blocks += [Block(kind, INSERT, [Segment(INSERT, text)]) for kind, text in added[paired:]]
    return blocks


def _who(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def note_text(revision: Revision) -> str:
    """The revision's note in the editor's language where it is one the
    system writes ("restored #3")."""
    if match := _RESTORED_NOTE.fullmatch(revision.note):
        return _("Restored from revision %(number)s") % {"number": match[1]}
    return revision.note


@desk_view()
def revision_list(request, pk):
    article = article_for(request, pk, rules.VIEW)
    revisions = list(article.revisions.select_related("created_by").order_by("-number"))
    for revision in revisions:
        revision.who = _who(revision.created_by)
        revision.note_text = note_text(revision)
    return render(
        request,
        "desk/revisions.html",
        {
            "nav": "articles",
            "article": article,
            "revisions": revisions,
            # Preselected: the newest against the one before it.
            "older": revisions[1].number if len(revisions) > 1 else None,
            "newer": revisions[0].number if revisions else None,
            "may_restore": rules.can(request.user, rules.RESTORE, article),
        },
    )


def _number(value) -> int:
    """A revision number from the query string; anything else is a 404."""
    number = parse_id(value)
    if number is None:
        raise Http404
    return number


@desk_view()
def revision_compare(request, pk):
    article = article_for(request, pk, rules.VIEW)
    numbers = sorted({_number(request.GET.get("a")), _number(request.GET.get("b"))})
    found = {
        r.number: r
        for r in article.revisions.select_related("created_by").filter(number__in=numbers)
    }
    if len(found) != len(numbers):
        raise Http404
    old, new = found[numbers[0]], found[numbers[-1]]
    for revision in (old, new):
        revision.who = _who(revision.created_by)
        revision.note_text = note_text(revision)
    headline = diff_words(old.headline, new.headline)
    standfirst = diff_words(plain_text(old.standfirst), plain_text(new.standfirst))
    parts = [
        Part("headline", _("Headline"), [Block("headline", _op(headline), headline)]),
        Part("standfirst", capfirst(_("standfirst")), [Block("p", _op(standfirst), standfirst)]),
        Part("body", pgettext("part of the article form", "Text"), diff_body(old.body, new.body)),
    ]
    return render(
        request,
        "desk/revision_compare.html",
        {
            "nav": "articles",
            "article": article,
            "old": old,
            "new": new,
            "parts": parts,
            "same": not any(block.changed for part in parts for block in part.blocks),
            "latest": article.revisions.order_by("-number").values_list("number", flat=True)[0],
            "may_restore": rules.can(request.user, rules.RESTORE, article),
        },
    )


@desk_view()
@require_POST
def revision_restore(request, pk, number):
    article = article_for(request, pk, rules.RESTORE)
    revision = get_object_or_404(Revision, article=article, number=number)
    try:
        article = services.restore_revision(revision, request.user)
    except ValidationError as error:
        messages.error(
            request,
            _("Revision %(number)s could not be restored: %(reason)s")
            % {"number": number, "reason": " ".join(error.messages)},
        )
        return redirect("desk:article_revisions", pk=article.pk)
    newest = article.revisions.order_by("-number").values_list("number", flat=True).first()
    messages.success(
        request,
        _(
            "Revision %(number)s was restored and saved as revision %(new)s. "
            "The text before it stays in the list of revisions."
        )
        % {"number": number, "new": newest},
    )
    return redirect("desk:article_edit", pk=article.pk)
