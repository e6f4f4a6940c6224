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
from html import unescape

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.dateparse import parse_datetime
from django.utils.html import escape
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.decorators.http import require_http_methods

from masthead.accounts import rules
from masthead.articles import services
from masthead.articles.body import Gallery, Picture, body_nodes, image_ids
from masthead.articles.models import Article, Revision
from masthead.lib.dates import absolute_datetime
from masthead.lib.html import EMBED_NODE
from masthead.lib.numbers import parse_id
from masthead.lib.text import plain_text
from masthead.media.models import Image
from masthead.people.models import Author
from masthead.sections.models import Section, Tag

from .states import state_of
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
# The notes the importers write on the revisions they make
# (importers/wordpress/services.py NOTE, importers/services.py).
_IMPORT_NOTES = {
    "Import: WordPress": gettext_lazy("Imported from a WordPress export"),
    "Import: 10kGNAD": gettext_lazy("Imported from the German news corpus"),
    "Synthetic archive": gettext_lazy("Made by the archive generator"),
}


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


# The fields besides headline, standfirst and body, in the order of the
# form, as the comparison shows them (the stored revision's ``fields``).
_TEXT_FIELDS = ("kicker", "slug", "excerpt", "seo_title", "seo_description", "social_headline")
_LINK = re.compile(r'<a\b[^>]*\bhref="([^"]*)"[^>]*>(.*?)</a>', re.I | re.S)


def _links(body: str) -> str:
    """The links of a body written out, one after the other: "text → address"."""
    return "; ".join(
        f"{plain_text(text)} → {unescape(href)}" for href, text in _LINK.findall(body or "")
    )


def _image_text(pk, names: dict[int, str]) -> str:
    if pk is None:
        return ""
    if pk not in names:
        return _("Picture %(id)s (no longer in the media library)") % {"id": pk}
    return _("Picture %(id)s “%(name)s”") % {"id": pk, "name": names[pk]}


def field_changes(old: Revision, new: Revision, language: str) -> list[Part]:
    """Every other field that differs between ``old`` and ``new``, each a
    Part of one block compared word by word: kicker, slug, section, topics,
    byline, images, publish time, the search and social fields, the alt
    text of each picture and the links of the text (their addresses, which
    the text's comparison does not show). A field an older revision did not
    keep yet is left out rather than shown as changed."""
    a, b = old.fields or {}, new.fields or {}
    sections = Section.objects.in_bulk({a.get("section_id"), b.get("section_id")} - {None})
    tags = Tag.objects.in_bulk([*a.get("tags", []), *b.get("tags", [])])
    authors = Author.objects.in_bulk([*a.get("authors", []), *b.get("authors", [])])
    alt_a, alt_b = a.get("alt"), b.get("alt")
    image_pks = {a.get("lead_image_id"), b.get("lead_image_id")}
    image_pks |= {a.get("social_image_id"), b.get("social_image_id")}
    image_pks |= {int(pk) for pk in {*(alt_a or {}), *(alt_b or {})}}
    names = dict(Image.objects.filter(pk__in=image_pks - {None}).values_list("pk", "original_name"))
    names = {pk: name or str(pk) for pk, name in names.items()}

    def section(values):
        found = sections.get(values.get("section_id"))
        return found.names.get(language, "") if found else ""

    def listed(values, key, objects, sort=True):
        names = [str(objects[pk]) for pk in values.get(key, []) if pk in objects]
        return ", ".join(sorted(names) if sort else names)

    def when(values):
        value = values.get("publish_at")
        return absolute_datetime(parse_datetime(value), language) if value else ""

    labels = {name: capfirst(Article._meta.get_field(name).verbose_name) for name in _TEXT_FIELDS}
    rows = [
        ("kicker", labels["kicker"], a.get("kicker", ""), b.get("kicker", "")),
        ("slug", labels["slug"], a.get("slug", ""), b.get("slug", "")),
        ("section", _("Section"), section(a), section(b)),
        ("topics", _("Topics"), listed(a, "tags", tags), listed(b, "tags", tags)),
        (
            "byline",
            _("Byline"),
            listed(a, "authors", authors, sort=False),
            listed(b, "authors", authors, sort=False),
        ),
        (
            "lead_image",
            capfirst(Article._meta.get_field("lead_image").verbose_name),
            _image_text(a.get("lead_image_id"), names),
            _image_text(b.get("lead_image_id"), names),
        ),
        ("publish_at", _("Publish time"), when(a), when(b))
        if "publish_at" in a and "publish_at" in b
        else None,
        ("excerpt", labels["excerpt"], a.get("excerpt", ""), b.get("excerpt", "")),
        ("seo_title", labels["seo_title"], a.get("seo_title", ""), b.get("seo_title", "")),
        (
            "seo_description",
            labels["seo_description"],
            a.get("seo_description", ""),
            b.get("seo_description", ""),
        ),
        (
            "social_headline",
            labels["social_headline"],
            a.get("social_headline", ""),
            b.get("social_headline", ""),
        ),
        (
            "social_image",
            capfirst(Article._meta.get_field("social_image").verbose_name),
            _image_text(a.get("social_image_id"), names),
            _image_text(b.get("social_image_id"), names),
        ),
        ("links", _("Links in the text"), _links(old.body), _links(new.body)),
    ]
    if alt_a is not None and alt_b is not None:
        for pk in sorted({*alt_a, *alt_b}, key=int):
            if pk in alt_a and pk in alt_b:
                # Translators: %(picture)s is e.g. 'Picture 12 “town-hall.jpg”'
                label = _("Alt text of %(picture)s") % {"picture": _image_text(int(pk), names)}
                rows.append((f"alt-{pk}", label, alt_a[pk], alt_b[pk]))
    parts = []
    for row in rows:
        if row is None or row[2] == row[3]:
            continue
        name, label, before, after = row
        parts.append(Part(name, label, [Block("field", CHANGE, diff_words(before, after))]))
    return parts


def _who(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def note_text(revision: Revision) -> str:
    """The revision's note in the editor's language where it is one the
    system writes ("restored #3")."""
    if match := _RESTORED_NOTE.fullmatch(revision.note):
        return _("Restored from revision %(number)s") % {"number": match[1]}
    if revision.note in _IMPORT_NOTES:
        return str(_IMPORT_NOTES[revision.note])
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


def comparison(article, old: Revision, new: Revision) -> dict:
    """What desk/fragment_diff.html shows of ``old`` compared with ``new``."""
    headline = diff_words(old.headline, new.headline)
    standfirst = diff_words(plain_text(old.standfirst), plain_text(new.standfirst))
    parts = [
        Part("headline", _("Headline"), [Block("headline", _op(headline), headline)]),
        Part("standfirst", capfirst(_("standfirst")), [Block("p", _op(standfirst), standfirst)]),
        Part("body", pgettext("part of the article form", "Text"), diff_body(old.body, new.body)),
    ]
    fields = field_changes(old, new, article.language)
    return {
        "parts": parts,
        "fields": fields,
        "same": not fields and not any(block.changed for part in parts for block in part.blocks),
    }


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
    context = comparison(article, old, new)
    return render(
        request,
        "desk/revision_compare.html",
        {
            "nav": "articles",
            "article": article,
            "old": old,
            "new": new,
            **context,
            "latest": article.revisions.order_by("-number").values_list("number", flat=True)[0],
            "may_restore": rules.can(request.user, rules.RESTORE, article),
        },
    )


@desk_view()
@require_http_methods(["GET", "POST"])
def revision_restore(request, pk, number):
    """GET asks first, showing what restoring would change (the newest
    revision compared with the one to restore); POST restores."""
    article = article_for(request, pk, rules.RESTORE)
    revision = get_object_or_404(Revision, article=article, number=number)
    if request.method == "GET":
        current = article.revisions.order_by("-number").first()
        return render(
            request,
            "desk/revision_restore.html",
            {
                "nav": "articles",
                "article": article,
                "revision": revision,
                "current": current,
                "state": state_of(article),
                # A published article keeps its address (services.restore_revision).
                "keeps_slug": article.status == Article.Status.PUBLISHED
                and (revision.fields or {}).get("slug", article.slug) != article.slug,
                **comparison(article, current, revision),
            },
        )
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
