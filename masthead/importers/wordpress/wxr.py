"""Reading a WordPress export (WXR 1.0, 1.1 and 1.2) into plain dataclasses.

A WXR file is RSS 2.0 with WordPress's namespaces. It comes from outside
and is read as hostile:

- libxml2 through lxml, with entity resolution, the network and DTD
  loading switched off; a file that declares a DOCTYPE (the carrier of
  "billion laughs" and external entities) is refused outright, since no
  WordPress export has one;
- a file that is not well-formed is refused, with the line and column
  (WordPress's own importer and Ghost's repair such files by guessing;
  a guess would import something else than what the site held);
- libxml2's limits stay on (no ``huge_tree``), and every field has a
  length limit of its own (``LIMITS``), so that a 100 MB body is an error,
  not a 100 MB article;
- ``wp:wxr_version`` must be there and be 1.0, 1.1 or 1.2.

Every refusal is a :class:`WXRError` with a translated message; nothing is
read further.
"""

import html
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _
from lxml import etree

from masthead.lib.i18n import number

from . import phpserial

VERSIONS = ("1.0", "1.1", "1.2")

# Characters a field may hold; longer is refused. A WordPress post body is
# rarely over 200 KB; the limit leaves room for pasted tables and inline
# markup, and keeps an article page something a reader's browser can take.
MAX_CONTENT = 2_000_000
MAX_META = 1_000_000
MAX_TEXT = 100_000  # titles, names, descriptions, addresses
LIMITS = {"content": MAX_CONTENT, "excerpt": MAX_CONTENT, "meta": MAX_META}

# How far into the file a DOCTYPE could be: it must come before the root
# element, after at most the XML declaration and comments.
HEAD_BYTES = 64 * 1024

_NS_CONTENT = "http://purl.org/rss/1.0/modules/content/"
_NS_DC = "http://purl.org/dc/elements/1.1/"
_WP = re.compile(r"^https?://wordpress\.org/export/(\d+\.\d+)/(excerpt/)?$")
_NO_DATE = "0000-00-00 00:00:00"


class WXRError(Exception):
    """The file cannot be imported; the message says why, for the operator."""


@dataclass
class Site:
    title: str
    link: str  # the site's address, e.g. "https://example.org/"
    base_site_url: str
    base_blog_url: str
    language: str  # the channel's <language>, e.g. "en-US"; may be empty
    version: str


@dataclass
class Author:
    id: int | None  # WXR 1.0 has no author ids
    login: str
    email: str
    display_name: str
    first_name: str
    last_name: str


@dataclass
class Term:
    """A category, tag or other term (``taxonomy`` "category", "post_tag", …)."""

    taxonomy: str
    id: int | None
    slug: str
    name: str
    parent: str  # the parent's slug, "" at the top
    description: str


@dataclass
class ItemTerm:
    """A term an item is filed under: ``<category domain=… nicename=…>``."""

    domain: str
    slug: str
    name: str


@dataclass
class Item:
    id: int
    post_type: str
    status: str
    title: str
    link: str
    slug: str
    author: str  # the login (dc:creator)
    content: str
    excerpt: str
    date: datetime | None  # post_date: the site's wall-clock time, naive
    date_gmt: datetime | None  # post_date_gmt, aware (UTC); None for many drafts
    parent: int
    menu_order: int
    sticky: bool
    password: str
    attachment_url: str
    terms: list[ItemTerm] = field(default_factory=list)
    # Every value of every key, PHP-serialized values decoded.
    meta: dict[str, list[Any]] = field(default_factory=dict)
    comments: int = 0

    def first_meta(self, key: str, default: Any = None) -> Any:
        values = self.meta.get(key)
        return values[0] if values else default

    def terms_in(self, domain: str) -> list[ItemTerm]:
        return [term for term in self.terms if term.domain == domain]


@dataclass
class Export:
    site: Site
    authors: list[Author]
    terms: list[Term]
    items: list[Item]

    def terms_of(self, taxonomy: str) -> list[Term]:
        return [term for term in self.terms if term.taxonomy == taxonomy]


# -- Reading -------------------------------------------------------------------


def parse_file(path: Path | str) -> Export:
    """Read and check the WXR file at ``path``."""
    path = Path(path)
    try:
        with path.open("rb") as stream:
            head = stream.read(HEAD_BYTES)
            _refuse_doctype(head, path)
            stream.seek(0)
            tree = etree.parse(stream, _parser())
    except OSError as error:
        raise WXRError(
            _("The file %(path)s cannot be read: %(reason)s")
            % {"path": path, "reason": error.strerror or error}
        ) from None
    except etree.XMLSyntaxError as error:
        raise _syntax_error(error, path) from None
    return _read(tree, path)


def parse_bytes(data: bytes, name: str = "<export>") -> Export:
    """Read and check a WXR document held in memory (tests, uploads)."""
    _refuse_doctype(data[:HEAD_BYTES], name)
    try:
        tree = etree.ElementTree(etree.fromstring(data, _parser()))
    except etree.XMLSyntaxError as error:
        raise _syntax_error(error, name) from None
    return _read(tree, name)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        strip_cdata=True,
        collect_ids=False,
    )


def _refuse_doctype(head: bytes, name) -> None:
    # Before parsing: entities are never expanded, but a file that brings
    # its own is not an export and is not read at all. Only the prolog is
    # looked at (a post may quote "<!DOCTYPE html>"); the parsed tree's
    # docinfo is checked again after parsing.
    prolog = head.split(b"<rss", 1)[0]
    if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
        raise _hostile(name)


def _hostile(name) -> WXRError:
    return WXRError(
        _(
            "The file %(path)s declares a document type or entities. WordPress exports never "
            "do; such a file can make an XML reader expand text without end or read other "
            "files, so it is not imported."
        )
        % {"path": name}
    )


def _syntax_error(error: etree.XMLSyntaxError, name) -> WXRError:
    line, column = error.position if error.position else (error.lineno, 0)
    # libxml2's message, without the position it repeats at its end.
    message = re.sub(r"(, line \d+, column \d+)+$", "", error.msg or str(error))
    if any(word in message.lower() for word in ("huge", "too long", "too big")):
        return WXRError(
            _(
                "The file %(path)s holds a field too long to import, at line %(line)s, "
                "column %(column)s."
            )
            % {"path": name, "line": line, "column": column}
        )
    return WXRError(
        # Translators: "reason" is the XML parser's own message, in English.
        _(
            "The file %(path)s is not well-formed XML, so it is not a WordPress export that "
            "can be imported: line %(line)s, column %(column)s: %(reason)s"
        )
        % {"path": name, "line": line, "column": column, "reason": message}
    )


def _read(tree, name) -> Export:
    docinfo = tree.docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise _hostile(name)
    root = tree.getroot()
    channel = root.find("channel") if root.tag == "rss" else None
    if channel is None:
        raise WXRError(
            _("The file %(path)s is not a WordPress export: it has no RSS channel.")
            % {"path": name}
        )
    fields = _fields(channel)
    version = fields.get(("wp", "wxr_version"), "")
    if not version:
        raise WXRError(
            _(
                "The file %(path)s has no WXR version (wp:wxr_version): it is not a WordPress "
                "export, or not a whole one."
            )
            % {"path": name}
        )
    if version not in VERSIONS:
        raise WXRError(
            _(
                "The file %(path)s has the WXR version “%(version)s”; Masthead reads "
                "versions %(versions)s."
            )
            % {"path": name, "version": version[:20], "versions": ", ".join(VERSIONS)}
        )
    link = fields.get(("", "link"), "")
    site = Site(
        title=fields.get(("", "title"), ""),
        link=link,
        base_site_url=fields.get(("wp", "base_site_url"), "") or link,
        base_blog_url=fields.get(("wp", "base_blog_url"), "") or link,
        language=fields.get(("", "language"), ""),
        version=version,
    )
    authors, terms, items = [], [], []
    for element in channel:
        kind = _name(element)
        if kind == ("wp", "author"):
            authors.append(_author(element))
        elif kind in (("wp", "category"), ("wp", "tag"), ("wp", "term")):
            terms.append(_term(element, kind[1]))
        elif kind == ("", "item"):
            items.append(_item(element))
    return Export(site=site, authors=authors, terms=terms, items=items)


# -- Elements --------------------------------------------------------------------


def _name(element) -> tuple[str, str]:
    """("wp", "post_id"), ("content", "encoded"), ("", "title") …, whatever
    version of WordPress's namespaces the file uses."""
    if not isinstance(element.tag, str):
        return ("#", "")
    qname = etree.QName(element)
    uri = qname.namespace or ""
    if not uri:
        return ("", qname.localname)
    if uri == _NS_CONTENT:
        return ("content", qname.localname)
    if uri == _NS_DC:
        return ("dc", qname.localname)
    if match := _WP.match(uri):
        return ("excerpt" if match.group(2) else "wp", qname.localname)
    return ("?" + uri, qname.localname)


def _text(element, kind: str = "text") -> str:
    text = "".join(element.itertext())
    limit = LIMITS.get(kind, MAX_TEXT)
    if len(text) > limit:
        raise WXRError(
            _(
                "The field %(field)s at line %(line)s is %(length)s characters long; at most "
                "%(limit)s are imported."
            )
            % {
                "field": etree.QName(element).localname,
                "line": element.sourceline,
                "length": number(len(text)),
                "limit": number(limit),
            }
        )
    return text


def _fields(element) -> dict[tuple[str, str], str]:
    """The simple children of ``element``: the first of each name."""
    result: dict[tuple[str, str], str] = {}
    for child in element:
        name = _name(child)
        if name not in result and len(child) == 0:
            result[name] = _text(child, name[0] if name[0] in LIMITS else "text").strip()
    return result


def _int(value: str) -> int | None:
    value = value.strip()
    return int(value) if value.isascii() and value.isdigit() else None


def _unescaped(value: str) -> str:
    """A name as WordPress stores it (escaped: "News &amp; Views") as text."""
    return html.unescape(value).strip()


def _author(element) -> Author:
    f = _fields(element)
    return Author(
        id=_int(f.get(("wp", "author_id"), "")),
        login=f.get(("wp", "author_login"), ""),
        email=f.get(("wp", "author_email"), ""),
        display_name=_unescaped(f.get(("wp", "author_display_name"), "")),
        first_name=_unescaped(f.get(("wp", "author_first_name"), "")),
        last_name=_unescaped(f.get(("wp", "author_last_name"), "")),
    )


def _term(element, kind: str) -> Term:
    f = _fields(element)
    if kind == "category":
        return Term(
            taxonomy="category",
            id=_int(f.get(("wp", "term_id"), "")),
            slug=f.get(("wp", "category_nicename"), ""),
            name=_unescaped(f.get(("wp", "cat_name"), "")),
            parent=f.get(("wp", "category_parent"), ""),
            description=f.get(("wp", "category_description"), ""),
        )
    if kind == "tag":
        return Term(
            taxonomy="post_tag",
            id=_int(f.get(("wp", "term_id"), "")),
            slug=f.get(("wp", "tag_slug"), ""),
            name=_unescaped(f.get(("wp", "tag_name"), "")),
            parent="",
            description=f.get(("wp", "tag_description"), ""),
        )
    return Term(
        taxonomy=f.get(("wp", "term_taxonomy"), ""),
        id=_int(f.get(("wp", "term_id"), "")),
        slug=f.get(("wp", "term_slug"), ""),
        name=_unescaped(f.get(("wp", "term_name"), "")),
        parent=f.get(("wp", "term_parent"), ""),
        description=f.get(("wp", "term_description"), ""),
    )


def _item(element) -> Item:
    f: dict[tuple[str, str], str] = {}
    terms: list[ItemTerm] = []
    meta: dict[str, list[Any]] = {}
    comments = 0
    for child in element:
        name = _name(child)
        if name == ("", "category"):
            terms.append(
                ItemTerm(
                    domain=child.get("domain", "category"),
                    slug=(child.get("nicename") or "").strip(),
                    name=_unescaped(_text(child)),
                )
            )
        elif name == ("wp", "postmeta"):
            key, value = _meta(child)
            if key:
                meta.setdefault(key, []).append(value)
        elif name == ("wp", "comment"):
            comments += 1
        elif name not in f:
            kind = name[0] if name[0] in LIMITS else "text"
            text = _text(child, kind)
            f[name] = text if kind in LIMITS else text.strip()
    post_id = _int(f.get(("wp", "post_id"), ""))
    if post_id is None:  # very old exports: the id is in the guid, "…/?p=19"
        match = re.search(r"[?&]p=(\d+)$", f.get(("", "guid"), ""))
        post_id = int(match.group(1)) if match else None
    return Item(
        id=post_id if post_id is not None else 0,
        post_type=f.get(("wp", "post_type"), "") or "post",
        status=f.get(("wp", "status"), ""),
        title=f.get(("", "title"), ""),
        link=f.get(("", "link"), ""),
        slug=f.get(("wp", "post_name"), ""),
        author=f.get(("dc", "creator"), ""),
        content=f.get(("content", "encoded"), ""),
        excerpt=f.get(("excerpt", "encoded"), ""),
        date=_date(f.get(("wp", "post_date"), "")),
        date_gmt=_aware(_date(f.get(("wp", "post_date_gmt"), ""))),
        parent=_int(f.get(("wp", "post_parent"), "")) or 0,
        menu_order=_int(f.get(("wp", "menu_order"), "")) or 0,
        sticky=f.get(("wp", "is_sticky"), "") == "1",
        password=f.get(("wp", "post_password"), ""),
        attachment_url=f.get(("wp", "attachment_url"), ""),
        terms=terms,
        meta=meta,
        comments=comments,
    )


def _meta(element) -> tuple[str, Any]:
    key, value = "", ""
    for child in element:
        name = _name(child)
        if name == ("wp", "meta_key"):
            key = _text(child).strip()
        elif name == ("wp", "meta_value"):
            value = _text(child, "meta")
    return key, decode_meta(value)


def decode_meta(value: str) -> Any:
    """A meta value as WordPress meant it: a PHP-serialized value decoded,
    anything else (or a serialized value that does not decode) as text."""
    if phpserial.looks_serialized(value):
        try:
            return phpserial.loads(value)
        except phpserial.SerializedError:
            return value
    return value


def _date(value: str) -> datetime | None:
    value = value.strip()
    if not value or value == _NO_DATE:
        return None
    try:
        # Naive on purpose: the site's wall-clock time, whose zone the caller knows.
        return datetime.strptime(value, "%Y-%m-%d %H:%M:%S")  # noqa: DTZ007
    except ValueError:
        return None


def _aware(value: datetime | None) -> datetime | None:
    return value.replace(tzinfo=UTC) if value else None
