"""Importing WordPress exports: what each part of a WXR file becomes.

- posts → articles; ``publish`` → published, ``future`` → published with
  its publish time to come (scheduled: the public gate compares the time
  with the clock), ``draft`` → draft, ``pending`` → in review, ``private``
  and password-protected posts → unpublished (WordPress showed them to
  signed-in staff or to holders of the password only; Masthead has neither,
  so they stay off the site until an editor decides); ``trash`` and
  ``auto-draft`` are skipped;
- pages → articles in a section of their own ("Pages", created on the
  first import): Masthead has no page type beside the article, and an
  article gives a page its address, revisions, workflow and search;
- sticky posts → pinned places of their language's front page (as many
  as it has, the newest first);
- categories → sections, with their hierarchy; tags → topics (a Tag per
  language); authors → author profiles, and with ``users`` user accounts
  without a usable password (never the old one) and without a role;
- featured images (``_thumbnail_id``) and attachments → the media library
  (``media.services.image_from_address``: fetched by a job); a featured
  image becomes the lead image;
- excerpts → standfirst; bodies → ``body.convert`` (Gutenberg blocks and
  classic HTML to Masthead's body), sanitised on save;
- comments, menu items, and other post types are counted and skipped.

Every object is recorded in ``WordPressItem`` with its old address: a
second import of the same export updates what the first made, and the old
addresses redirect (importers/redirects.py). One import is one
transaction: an error anywhere leaves nothing behind.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from masthead.articles import frontpage
from masthead.articles.models import Article, FrontPageSlot
from masthead.articles.services import save_article
from masthead.lib.html import sanitize
from masthead.lib.i18n import content_language, content_language_codes
from masthead.lib.text import excerpt as cut
from masthead.lib.text import make_slug, plain_text
from masthead.media.models import Image
from masthead.media.services import image_from_address
from masthead.people.models import Author
from masthead.search import indexing as search_indexing
from masthead.sections.models import Section, Tag

from ..models import WordPressItem
from ..progress import Progress
from ..services import NewArticle, insert_batch
from .body import convert
from .wxr import Export, Item, Term

Kind = WordPressItem.Kind

HEADLINE_LENGTH = Article._meta.get_field("headline").max_length
TAG_LENGTH = Tag._meta.get_field("name").max_length
NOTE = "Import: WordPress"
# New articles inserted at a time (one transaction's savepoint each).
BATCH = 500
# The section that holds imported pages, by its slug in every language.
PAGES_SLUG = "pages"
# The section of posts filed under no category.
UNFILED_SLUG = "uncategorized"

# WPML's fields for an item's language and its group of translations (its
# "WPML Export and Import" add-on writes the first; older exports the others).
WPML_LANGUAGE = ("_wpml_import_language_code", "_wpml_language", "_icl_lang_code")
WPML_GROUP = ("_wpml_import_translation_group", "_wpml_trid", "_icl_trid")

STATUSES = {
    "publish": Article.Status.PUBLISHED,
    "future": Article.Status.PUBLISHED,
    "draft": Article.Status.DRAFT,
    "pending": Article.Status.REVIEW,
    "private": Article.Status.UNPUBLISHED,
}

# What is left out, and why: the operator reads these in the report.
SKIPPED = {
    "comments": gettext_lazy("comments (Masthead has no comments)"),
    "menu": gettext_lazy("menu items (Masthead builds its menus from the sections)"),
    "type": gettext_lazy("items of a post type Masthead does not know"),
    "trash": gettext_lazy("posts in the trash or automatic drafts"),
    "sticky": gettext_lazy("sticky posts beyond the front page's pinned places"),
    "duplicate": gettext_lazy("items whose id an earlier item of the file has already"),
    "noid": gettext_lazy("items without an id"),
    "address": gettext_lazy("attachments without a web address their file can be fetched from"),
}
NOTES = {
    "private": gettext_lazy(
        "private or password-protected posts, imported as unpublished: only the newsroom sees them"
    ),
    "headline": gettext_lazy("headlines shortened to fit"),
    "untitled": gettext_lazy("posts without a title, headed with their first words"),
}


class ImportRefused(Exception):
    """The export cannot be imported as it is; the message says why."""


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class Report:
    """What an import did, for the operator."""

    counts: dict[str, Counts] = field(default_factory=dict)
    skipped: Counter = field(default_factory=Counter)
    notes: Counter = field(default_factory=Counter)
    # Lines from the body conversion (an embed it could not place, …).
    body_notes: Counter = field(default_factory=Counter)
    languages: Counter = field(default_factory=Counter)
    redirects: int = 0
    dry_run: bool = False

    def count(self, kind: str, outcome: str) -> None:
        counts = self.counts.setdefault(kind, Counts())
        setattr(counts, outcome, getattr(counts, outcome) + 1)


class _DryRun(Exception):
    """Raised at the end of a dry run, so that its transaction rolls back."""


# -- Entry point --------------------------------------------------------------


def import_exports(
    exports: Sequence[Export],
    *,
    language: str | None = None,
    time_zone: str | None = None,
    users: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> Report:
    """Import ``exports`` (read by ``wxr.parse_file``) in one transaction;
    with ``dry_run`` everything is done and then rolled back, so that the
    report says what an import would do."""
    report = Report(dry_run=dry_run)
    try:
        zone = ZoneInfo(time_zone or settings.TIME_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        raise ImportRefused(
            _("“%(zone)s” is not a time zone; give one such as Europe/Berlin.")
            % {"zone": time_zone}
        ) from None
    if language is not None and content_language(language, variants=False) != language:
        raise ImportRefused(_unknown_language(language))
    if progress:
        progress.start(sum(len(export.items) for export in exports))
    try:
        # The search index follows through the job queue (a worker), so
        # that the import goes on at full speed.
        with transaction.atomic(), search_indexing.queued():
            for export in exports:
                _Importer(export, report, language, zone, users, progress).run()
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return report


def _unknown_language(code: str) -> str:
    return _(
        "The language “%(language)s” is not one of the site's content languages "
        "(%(languages)s): add it to MASTHEAD_LANGUAGES, or choose another with --language."
    ) % {"language": code, "languages": ", ".join(content_language_codes())}


def site_key(export: Export) -> str:
    """The old site's address: the blog's own (a WordPress.com blog's
    wp:base_site_url is "https://wordpress.com/" for every blog there)."""
    address = export.site.link or export.site.base_blog_url or export.site.base_site_url
    return address.strip().rstrip("/")[:200]


def _item_values(obj, *, slug: str, language: str, path: str, parent) -> dict:
    """The fields of the WordPressItem that records what ``obj`` was."""
    return {
        "slug": slug[:200],
        "language": language,
        "old_path": path,
        "object_id": obj.pk if obj is not None else None,
        "parent_id": str(parent or ""),
    }


def old_path(link: str) -> str:
    """The path of a pretty old address ("/2019/05/a-story/"); "" for a
    query address (/?p=12), which the redirects answer by id."""
    parts = urlsplit(link.strip())
    if parts.query or not parts.path or parts.path == "/":
        return ""
    return unquote(parts.path)[:500]


# -- One export -----------------------------------------------------------------


class _Importer:
    def __init__(self, export, report, language, zone, users, progress):
        self.export = export
        self.report = report
        self.forced_language = language
        self.zone = zone
        self.users = users
        self.progress = progress
        self.site = site_key(export)
        self.default_language = self._channel_language()
        self.mapped: dict[tuple[str, str], WordPressItem] = {
            (row.kind, row.wp_id): row for row in WordPressItem.objects.filter(site=self.site)
        }
        self.sections: dict[str, Section] = {}  # by category slug
        self.tags: dict[tuple[str, str], Tag] = {}  # by (language, slug)
        self.authors: dict[str, Author] = {}  # by login
        self.images: dict[int, Image | None] = {}  # by attachment id
        self.attachments = {i.id: i for i in export.items if i.post_type == "attachment"}
        self.attached: dict[int, list[int]] = {}  # a post's attachments, by its id
        for attachment in self.attachments.values():
            if attachment.parent:
                self.attached.setdefault(attachment.parent, []).append(attachment.id)
        self.articles: dict[int, Article] = {}  # by post id
        # Translation group → its translation_key and the languages it has.
        self.keys: dict[str, tuple] = {}
        self.groups: dict[str, list] | None = None  # group → its items' keys
        self.pending: list = []  # new articles waiting for the bulk insert
        self.stored: dict[int, Article] | None = None  # imported before, by id

    def _channel_language(self) -> str:
        if self.forced_language:
            return self.forced_language
        code = self.export.site.language
        if not code:
            return settings.LANGUAGE_CODE
        found = content_language(code)
        if found is None:
            raise ImportRefused(_unknown_language(code))
        return found

    # The language of an item: the command's, else WPML's or Polylang's
    # for the item, else the file's.
    def language_of(self, item: Item) -> str:
        if self.forced_language:
            return self.forced_language
        code = ""
        for term in item.terms_in("language"):  # Polylang
            code = term.slug
        for key in WPML_LANGUAGE:
            code = code or str(item.first_meta(key, "") or "")
        if not code:
            return self.default_language
        found = content_language(code)
        if found is None:
            raise ImportRefused(_unknown_language(code))
        return found

    def translation_group(self, item: Item) -> str:
        """The key that links an item's translations ("" when none)."""
        for term in item.terms_in("post_translations"):  # Polylang
            return f"pll:{term.slug}"
        for key in WPML_GROUP:
            if group := str(item.first_meta(key, "") or ""):
                return f"wpml:{group}"
        return ""

    def run(self) -> None:
        self.import_authors()
        self.import_categories()
        self.import_tags()
        self.import_attachments()
        posts, seen = [], set()
        for item in self.export.items:
            if item.post_type in ("post", "page") and not item.id:
                self.report.skipped["noid"] += 1
                self.advance()
            elif item.post_type in ("post", "page") and item.id in seen:
                # Not an export of one site (ids are unique there): the
                # first keeps the id, the others would overwrite it.
                self.report.skipped["duplicate"] += 1
                self.advance()
            elif item.post_type in ("post", "page"):
                seen.add(item.id)
                posts.append(item)
            elif item.post_type == "attachment":
                continue  # done, and counted, above
            elif item.post_type == "nav_menu_item":
                self.report.skipped["menu"] += 1
                self.advance()
            else:
                self.report.skipped["type"] += 1
                self.advance()
        for item in posts:
            self.import_post(item)
            self.advance()
        self.flush()
        self.pin_sticky(posts)

    def advance(self) -> None:
        if self.progress:
            self.progress.advance(1)

    def record(self, kind, wp_id, obj, *, slug="", language="", path="", parent="") -> None:
        key = (kind, str(wp_id))
        row = self.mapped.get(key)
        values = _item_values(obj, slug=slug, language=language, path=path, parent=parent)
        if row is None:
            row = WordPressItem.objects.create(
                site=self.site, kind=kind, wp_id=str(wp_id), **values
            )
            self.mapped[key] = row
        elif any(getattr(row, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(row, name, value)
            row.save()
        if path:
            self.report.redirects += 1

    def existing(self, kind, wp_id, model):
        row = self.mapped.get((kind, str(wp_id)))
        if row is None or row.object_id is None:
            return None
        return model.objects.filter(pk=row.object_id).first()

    # -- Authors ----------------------------------------------------------------

    def import_authors(self) -> None:
        known = {a.login: a for a in self.export.authors if a.login}
        # WXR 1.0 lists no authors: the posts' creators are all there is.
        for item in self.export.items:
            if item.author and item.author not in known and item.post_type in ("post", "page"):
                known[item.author] = None
        for login, wp in known.items():
            name = (
                (wp and wp.display_name)
                or (wp and " ".join(filter(None, (wp.first_name, wp.last_name))))
                or login
            )[: Author._meta.get_field("name").max_length]
            wp_id = str(wp.id) if wp and wp.id is not None else f"login:{login}"
            author = self.existing(Kind.AUTHOR, wp_id, Author)
            if author is None:
                author = Author(name=name, slug=self.free_author_slug(name or login))
                author.save()
                self.report.count("authors", "created")
            elif author.name != name:
                author.name = name
                author.save()
                self.report.count("authors", "updated")
            else:
                self.report.count("authors", "unchanged")
            if self.users and author.user_id is None:
                author.user = self.make_user(login, wp)
                author.save(update_fields=["user"])
            self.authors[login] = author
            # WordPress's author address is its sanitize_title() of the login,
            # which makes "john.doe" "john-doe".
            old_slug = make_slug(login.replace(".", "-"), max_length=200)
            self.record(Kind.AUTHOR, wp_id, author, slug=old_slug)

    def free_author_slug(self, name: str) -> str:
        base = make_slug(name, max_length=110, default="author")
        slug, n = base, 1
        while Author.objects.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug

    def make_user(self, login: str, wp):
        """An account for ``login``, with no usable password and no role:
        an administrator gives the role, the person sets a password by
        resetting it. Never the old site's password hash."""
        User = get_user_model()
        username = login[:150] or "author"
        base, n = username, 1
        while User.objects.filter(username=username).exists():
            n += 1
            username = f"{base[:140]}-{n}"
        user = User(
            username=username,
            email=(wp.email if wp else "")[:254],
            first_name=(wp.first_name if wp else "")[:150],
            last_name=(wp.last_name if wp else "")[:150],
            is_active=True,
        )
        user.set_unusable_password()
        user.save()
        self.report.count("users", "created")
        return user

    # -- Sections and topics -------------------------------------------------------

    def import_categories(self) -> None:
        terms = {t.slug: t for t in self.export.terms_of("category") if t.slug}
        # Categories the items name that the channel does not list (WXR 1.0).
        for item in self.export.items:
            for term in item.terms_in("category"):
                if term.slug and term.slug not in terms:
                    terms[term.slug] = Term("category", None, term.slug, term.name, "", "")

        def ensure(slug: str, trail: tuple = ()) -> Section:
            if slug in self.sections:
                return self.sections[slug]
            term = terms[slug]
            parent = None
            if term.parent and term.parent in terms and term.parent not in trail:
                parent = ensure(term.parent, (*trail, slug))
            section = self.section_for(term, parent)
            self.sections[slug] = section
            return section

        for slug in terms:
            ensure(slug)

    def section_for(self, term: Term, parent: Section | None) -> Section:
        wp_id = str(term.id) if term.id is not None else f"slug:{term.slug}"
        language = self.default_language
        slug = make_slug(unquote(term.slug), max_length=200, language=language, default="section")
        name = term.name or slug
        section = self.existing(Kind.CATEGORY, wp_id, Section)
        if section is None:
            # A section of the site with the same address is the same one.
            section = Section.objects.filter(**{f"slugs__{language}": slug}).first()
            if section is None:
                section = Section(
                    names=dict.fromkeys(content_language_codes(), name),
                    slugs={
                        code: self.free_section_slug(code, slug)
                        for code in content_language_codes()
                    },
                    parent=parent,
                    position=self.next_position(),
                )
                section.save()
                self.report.count("sections", "created")
            else:
                self.report.count("sections", "unchanged")
        else:
            changed = False
            if section.names.get(language) != name:
                section.names = {**section.names, language: name}
                changed = True
            if section.parent_id != (parent.pk if parent else None):
                section.parent = parent
                changed = True
            if changed:
                section.save()
            self.report.count("sections", "updated" if changed else "unchanged")
        self.record(Kind.CATEGORY, wp_id, section, slug=unquote(term.slug), language=language)
        return section

    def free_section_slug(self, language: str, slug: str) -> str:
        candidate, n = slug, 1
        while Section.objects.filter(**{f"slugs__{language}": candidate}).exists():
            n += 1
            candidate = f"{slug}-{n}"
        return candidate

    def next_position(self) -> int:
        last = Section.objects.order_by("-position").values_list("position", flat=True).first()
        return (last or 0) + 1

    def special_section(self, slug: str, label) -> Section:
        """The section for pages, or for posts without a category."""
        if slug in self.sections:
            return self.sections[slug]
        language = self.default_language
        section = Section.objects.filter(**{f"slugs__{language}": slug}).first()
        if section is None:
            names = {}
            for code in content_language_codes():
                with translation.override(code):
                    names[code] = str(label)
            section = Section(
                names=names,
                slugs=dict.fromkeys(content_language_codes(), slug),
                position=self.next_position(),
            )
            section.save()
            self.report.count("sections", "created")
        self.sections[slug] = section
        return section

    def import_tags(self) -> None:
        self.tag_terms = {t.slug: t for t in self.export.terms_of("post_tag") if t.slug}

    def tag_for(self, slug: str, name: str, language: str) -> Tag:
        key = (language, slug)
        if key in self.tags:
            return self.tags[key]
        term = self.tag_terms.get(slug)
        name = ((term.name if term else "") or name or slug)[:TAG_LENGTH]
        tag_slug = make_slug(unquote(slug), max_length=100, language=language, default="tag")
        tag = Tag.objects.filter(language=language, slug=tag_slug).first()
        if tag is None:
            tag = Tag(language=language, name=name, slug=tag_slug)
            tag.save()
            self.report.count("tags", "created")
        else:
            self.report.count("tags", "unchanged")
        wp_id = str(term.id) if term and term.id is not None else f"slug:{slug}"
        self.record(Kind.TAG, f"{wp_id}:{language}", tag, slug=unquote(slug), language=language)
        self.tags[key] = tag
        return tag

    # -- Media ----------------------------------------------------------------------

    def import_attachments(self) -> None:
        for item in self.attachments.values():
            self.advance()
            if not item.attachment_url:
                self.report.skipped["address"] += 1
                continue
            self.attachment_image(item.id)

    def attachment_image(self, attachment_id: int) -> Image | None:
        if attachment_id in self.images:
            return self.images[attachment_id]
        item = self.attachments.get(attachment_id)
        if item is None or not item.attachment_url:
            return None
        language = self.language_of(item)
        created = (Kind.ATTACHMENT, str(item.id)) not in self.mapped
        try:
            image = image_from_address(
                item.attachment_url,
                language=language,
                alt=str(item.first_meta("_wp_attachment_image_alt", "") or ""),
                caption=plain_text(item.excerpt),
                title=item.title,
            )
        except ValueError:  # not an http(s) address, or too long (NotWebAddress)
            self.report.skipped["address"] += 1
            self.images[attachment_id] = None
            return None
        self.report.count("images", "created" if created else "unchanged")
        self.images[attachment_id] = image
        self.record(
            Kind.ATTACHMENT,
            item.id,
            image,
            slug=item.slug,
            language=language,
            path=old_path(item.link),
            parent=item.parent or "",
        )
        return image

    def image_callback(self, language: str):
        def image(url: str, attachment_id: int | None) -> int | None:
            found = self.attachment_image(attachment_id) if attachment_id else None
            if found is None and url:
                try:
                    found = image_from_address(url, language=language)
                except ValueError:  # an address that is not http(s)
                    return None
            return found.pk if found else None

        return image

    # -- Posts and pages --------------------------------------------------------------

    def import_post(self, item: Item) -> None:
        kind = Kind.PAGE if item.post_type == "page" else Kind.POST
        self.report.skipped["comments"] += item.comments
        if item.status not in STATUSES:
            self.report.skipped["trash"] += 1
            return
        language = self.language_of(item)
        status = STATUSES[item.status]
        if item.password and status == Article.Status.PUBLISHED:
            status = Article.Status.UNPUBLISHED
        if status == Article.Status.UNPUBLISHED:
            self.report.notes["private"] += 1

        converted = convert(
            item.content,
            image=self.image_callback(language),
            attached=self.attached.get(item.id, []),
        )
        for note in converted.notes:
            self.report.body_notes[note] += 1

        headline = " ".join(plain_text(item.title).split())
        if not headline:
            headline = cut(converted.html, 80) or f"#{item.id}"
            self.report.notes["untitled"] += 1
        if len(headline) > HEADLINE_LENGTH:
            headline = cut(headline, HEADLINE_LENGTH)
            self.report.notes["headline"] += 1

        if kind == Kind.PAGE:
            section = self.special_section(PAGES_SLUG, gettext_lazy("Pages"))
        else:
            section = self.post_section(item)
        thumbnail = item.first_meta("_thumbnail_id")
        lead_image = (
            self.attachment_image(int(thumbnail)) if str(thumbnail or "").isdigit() else None
        )
        values = {
            "language": language,
            "headline": headline,
            "standfirst": plain_text(item.excerpt),
            "body": converted.html,
            "section_id": section.pk,
            "status": status,
            # A draft or a story in review is published when an editor says.
            "publish_at": (
                self.publish_time(item)
                if status in (Article.Status.PUBLISHED, Article.Status.UNPUBLISHED)
                else None
            ),
            "lead_image_id": lead_image.pk if lead_image else None,
        }
        tags = [
            self.tag_for(term.slug, term.name, language)
            for term in item.terms_in("post_tag")
            if term.slug
        ]
        authors = [self.authors[item.author]] if item.author in self.authors else []
        if not authors:
            authors = [self.fallback_author()]

        # As saving would store them, to compare with what is stored.
        clean = Article(**values)
        clean.clean_text_fields()
        values.update(
            # (save_article sanitises the body, and Article.save() again.)
            headline=clean.headline,
            standfirst=clean.standfirst,
            body=sanitize(sanitize(clean.body)),
        )
        article = self.stored_article(kind, item.id)
        label = "pages" if kind == Kind.PAGE else "articles"
        if article is None:
            # New: inserted in batches by the bulk path (a fixed number of
            # queries per batch), once the batch is full or the file done.
            group = self.translation_group(item)
            self.pending.append(
                (
                    kind,
                    item,
                    NewArticle(
                        headline=values["headline"],
                        slug_base=self.slug_base(item, language, headline),
                        standfirst=values["standfirst"],
                        # Sanitised once here and once on insert, as a save
                        # through save_article does (the rerun compares).
                        body=sanitize(clean.body),
                        section_id=section.pk,
                        publish_at=values["publish_at"],
                        author_ids=[a.pk for a in authors],
                        tag_ids=sorted({t.pk for t in tags}),
                        translation_key=self.group_key(group, language) if group else None,
                        status=status,
                        lead_image_id=values["lead_image_id"],
                    ),
                )
            )
            self.report.count(label, "created")
            self.report.languages[language] += 1
            if len(self.pending) >= BATCH:
                self.flush()
            return
        else:
            same = (
                all(getattr(article, name) == value for name, value in values.items())
                and {t.pk for t in article.tags.all()} == {t.pk for t in tags}
                and [b.author_id for b in sorted(article.bylines.all(), key=lambda b: b.position)]
                == [a.pk for a in authors]
            )
            if same:
                self.report.count(label, "unchanged")
            else:
                for name, value in values.items():
                    setattr(article, name, value)
                save_article(article, authors=authors, tags=tags, note=NOTE)
                self.report.count(label, "updated")
        self.report.languages[language] += 1
        self.articles[item.id] = article
        self.record(
            kind,
            item.id,
            article,
            slug=unquote(item.slug),
            language=language,
            path=old_path(item.link),
            parent=item.parent or "",
        )

    def stored_article(self, kind, wp_id) -> Article | None:
        """The article an earlier import made of this post, with its tags
        and byline: all of them read at the first call, a thousand per
        query, rather than three queries per post."""
        if self.stored is None:
            ids = [
                row.object_id
                for (row_kind, _wp_id), row in self.mapped.items()
                if row_kind in (Kind.POST, Kind.PAGE) and row.object_id
            ]
            self.stored = {}
            for start in range(0, len(ids), 1000):
                self.stored.update(
                    (article.pk, article)
                    for article in Article.objects.filter(
                        pk__in=ids[start : start + 1000]
                    ).prefetch_related("tags", "bylines")
                )
        row = self.mapped.get((kind, str(wp_id)))
        return self.stored.get(row.object_id) if row and row.object_id else None

    def flush(self) -> None:
        """Insert the new articles waiting, a language at a time, and record them."""
        pending, self.pending = self.pending, []
        by_language: dict[str, list] = {}
        for kind, item, new in pending:
            by_language.setdefault(self.language_of(item), []).append((kind, item, new))
        rows = []
        for language, entries in by_language.items():
            articles = insert_batch(language, [new for _k, _i, new in entries], note=NOTE)
            for (kind, item, _new), article in zip(entries, articles, strict=True):
                self.articles[item.id] = article
                where = {
                    "slug": unquote(item.slug),
                    "language": language,
                    "path": old_path(item.link),
                    "parent": item.parent,
                }
                if (kind, str(item.id)) in self.mapped:
                    # Imported before, and its story deleted since: the record stays
                    # and now points at the story made anew.
                    self.record(kind, item.id, article, **where)
                    continue
                self.report.redirects += bool(where["path"])
                values = _item_values(article, **where)
                rows.append(WordPressItem(site=self.site, kind=kind, wp_id=str(item.id), **values))
        WordPressItem.objects.bulk_create(rows)
        for row in rows:
            self.mapped[(row.kind, row.wp_id)] = row

    def slug_base(self, item: Item, language: str, headline: str) -> str:
        """The slug the story wants: the old one where the language allows
        it, else one made from the headline (the bulk path adds "-2" …)."""
        wanted = make_slug(unquote(item.slug), max_length=190, language=language, default="")
        return wanted or make_slug(headline, max_length=190, language=language, default="story")

    def group_key(self, group: str, language: str):
        """The translation key of a group of translations: that of a version
        imported before (in another language), else a new one; None when
        the group has a version in ``language`` already (two items of one
        group in one language: the second is a story of its own)."""
        if self.groups is None:
            self.groups = {}
            for item in self.export.items:
                if item.post_type in ("post", "page") and (key := self.translation_group(item)):
                    kind = Kind.PAGE if item.post_type == "page" else Kind.POST
                    self.groups.setdefault(key, []).append((kind, str(item.id)))
        if group not in self.keys:
            rows = [self.mapped.get(key) for key in self.groups.get(group, [])]
            ids = [row.object_id for row in rows if row is not None and row.object_id]
            versions = list(
                Article.objects.filter(pk__in=ids).values_list("translation_key", "language")
            )
            key = versions[0][0] if versions else Article().translation_key
            taken = {code for stored_key, code in versions if stored_key == key}
            self.keys[group] = (key, taken)
        key, taken = self.keys[group]
        if language in taken:
            return None
        taken.add(language)
        return key

    def post_section(self, item: Item) -> Section:
        categories = [t.slug for t in item.terms_in("category") if t.slug in self.sections]
        primary = item.first_meta("_yoast_wpseo_primary_category")
        for slug, section in self.sections.items():
            row = self.mapped.get((Kind.CATEGORY, str(primary)))
            if row and row.object_id == section.pk and slug in categories:
                return section
        if categories:
            return self.sections[categories[0]]
        return self.special_section(UNFILED_SLUG, gettext_lazy("Uncategorized"))

    def fallback_author(self) -> Author:
        name = self.export.site.title or urlsplit(self.site).hostname or "WordPress"
        if "" not in self.authors:
            author = self.existing(Kind.AUTHOR, "site", Author)
            if author is None:
                author = Author(name=name[:120], slug=self.free_author_slug(name))
                author.save()
                self.report.count("authors", "created")
            self.record(Kind.AUTHOR, "site", author)
            self.authors[""] = author
        return self.authors[""]

    def publish_time(self, item: Item) -> datetime:
        if item.date_gmt is not None:
            return item.date_gmt
        if item.date is not None:
            return timezone.make_aware(item.date, self.zone)
        return timezone.now()

    def pin_sticky(self, posts: list[Item]) -> None:
        sticky = [
            self.articles[item.id]
            for item in posts
            if item.sticky
            and item.id in self.articles
            and self.articles[item.id].status == Article.Status.PUBLISHED
        ]
        sticky.sort(key=lambda a: a.publish_at, reverse=True)
        by_language: dict[str, list[Article]] = {}
        for article in sticky:
            by_language.setdefault(article.language, []).append(article)
        for language, articles in by_language.items():
            pinned = set(
                FrontPageSlot.objects.filter(language=language).values_list("article_id", flat=True)
            )
            todo = [a for a in articles if a.pk not in pinned]
            free = frontpage.SLOTS - len(pinned)
            for article in reversed(todo[:free]):
                # Each pin pushes the others down: the newest ends on top.
                frontpage.pin(article, 1)
            self.report.skipped["sticky"] += max(len(todo) - free, 0)
            self.report.counts.setdefault("pinned", Counts()).created += min(len(todo), free)
