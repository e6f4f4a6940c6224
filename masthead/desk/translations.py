"""What each content language still lacks: the desk's "Translations" page.

A content language without a catalog is honest about it: readers get the
site's texts from its fallback (lib/fallbacks.py), and this page says so,
beside everything else a language may lack:

- the site's texts (Masthead's catalog, the ``django`` domain: the
  ``djangojs`` one is the desk's editor, which speaks the newsroom's
  language): whether Masthead ships a catalog for the language, how
  complete it is, and where the missing texts come from;
- the words of its addresses (the messages of context "URL"), its own or
  its fallback's;
- the names and addresses of sections (``Section.names``/``slugs``; a
  reader sees the default language's name, and no section page);
- topics: a tag is a row in one language, and its versions in the other
  languages share ``Tag.topic``. A topic is missing in a language when an
  article tagged with it has a version in that language and the tag has
  no version there, neither linked nor of the same slug: translating the
  article (``articles.services.translate``) cannot carry the topic over;
- authors' biographies (``Author.bios``): missing where an author has one
  in another content language but none in this one.

The catalogs are read from their ``.po`` files once per process (and again
when a file changes); the database is asked three questions, whatever the
number of sections, tags and authors.
"""

from dataclasses import dataclass, field
from functools import lru_cache, reduce
from pathlib import Path

from babel.messages.pofile import read_po
from django.conf import settings
from django.db.models import CharField, Exists, OuterRef, Q, Value
from django.utils import translation
from django.utils.translation import pgettext, to_locale

from masthead.articles.models import Article
from masthead.lib import fallbacks, urlwords
from masthead.lib.i18n import content_language_codes, language_name
from masthead.people.models import Author
from masthead.sections.models import Section, Tag

SOURCE = fallbacks.SOURCE_LANGUAGE
URL_CONTEXT = "URL"

# A message of a catalog: (context, msgid), the msgid of a plural entry
# being its singular.
Key = tuple[str | None, str]


@dataclass(frozen=True)
class Catalog:
    """What a ``.po`` file holds, as far as this page asks."""

    messages: frozenset[Key]  # every entry
    translated: frozenset[Key]  # translated, every plural form, not fuzzy
    fuzzy: frozenset[Key]
    url_words: dict[str, str]  # msgid → the translated word, context "URL"
    url_msgids: tuple[str, ...]  # the URL messages in the file's order


@dataclass
class UiTexts:
    """Where a content language's site texts come from."""

    # The language of the catalog Masthead ships for it (itself, or its base
    # language: "pt" for "pt-br"); None when it ships none.
    catalog: str | None
    # The language, then its fallbacks (lib/fallbacks.py) up to the first
    # with a catalog: the language its texts are in.
    chain: list[str]
    total: int  # texts of the site (Masthead's catalog)
    # Of the shipped catalog; None when its .po file is not there to count.
    untranslated: int | None = 0
    fuzzy: int | None = 0

    @property
    def is_source(self) -> bool:
        """The texts are written in this language."""
        return self.catalog == SOURCE

    @property
    def texts_from(self) -> str:
        return self.chain[-1]

    @property
    def fallback(self) -> str:
        """The language a text its catalog lacks is shown in: the first of
        its fallbacks with a catalog."""
        following = fallbacks.fallback_chain(self.chain[0])[1:]
        return next(code for code in following if fallbacks.shipped_language(code))

    @property
    def missing(self) -> int:
        """Texts readers of the language get in another one."""
        if self.catalog is None:
            return self.total
        return (self.untranslated or 0) + (self.fuzzy or 0)


@dataclass
class UrlWord:
    """A word of the addresses: ``msgid`` as written in the code
    ("article/<uslug:slug>/"), ``word`` as the language's addresses use it,
    and ``origin``, the language whose catalog gave it."""

    msgid: str
    word: str
    origin: str
    own: bool


@dataclass
class MissingSection:
    section: Section
    name: bool  # it has no name in the language
    slug: bool  # it has no address in the language


@dataclass
class MissingTopic:
    """A tag (in another language) whose topic has no tag in the language."""

    pk: int
    name: str
    language: str


@dataclass
class MissingBio:
    author: Author
    languages: list[str]  # the content languages it has a biography in


@dataclass
class LanguageReport:
    code: str
    ui: UiTexts
    url_words: list[UrlWord]
    sections: list[MissingSection] = field(default_factory=list)
    topics: list[MissingTopic] = field(default_factory=list)
    bios: list[MissingBio] = field(default_factory=list)

    @property
    def name(self) -> str:
        """Named in the newsroom's language ("Französisch")."""
        return language_name(self.code)

    @property
    def own_name(self) -> str:
        """Named in itself ("français"), as readers choose it."""
        return dict(settings.LANGUAGES).get(self.code, self.code)

    @property
    def url_words_borrowed(self) -> int:
        return sum(1 for word in self.url_words if not word.own)


def report() -> list[LanguageReport]:
    """Every content language and what it lacks, in the configured order."""
    codes = content_language_codes()
    reports = {code: LanguageReport(code, ui_texts(code), url_words(code)) for code in codes}
    for code, section in missing_sections(codes):
        reports[code].sections.append(section)
    for code, topic in missing_topics(codes):
        reports[code].topics.append(topic)
    for code, bio in missing_bios(codes):
        reports[code].bios.append(bio)
    return list(reports.values())


# The site's texts.


def ui_texts(language: str) -> UiTexts:
    catalog = fallbacks.shipped_language(language)
    chain = fallbacks.fallback_chain(language)
    chain = chain[: chain.index(fallbacks.ui_language(language)) + 1]
    total = len(_source().messages)
    if catalog is None or catalog == SOURCE:
        return UiTexts(catalog, chain, total)
    own = _catalog(catalog)
    if own is None:
        return UiTexts(catalog, chain, total, untranslated=None, fuzzy=None)
    fuzzy = own.fuzzy & _source().messages
    untranslated = _source().messages - own.translated - fuzzy
    return UiTexts(catalog, chain, total, len(untranslated), len(fuzzy))


# The words of the addresses.


def url_words(language: str) -> list[UrlWord]:
    """Each word of the addresses in ``language``: the one its pages use (the
    translation, with its fallbacks) and the language it comes from."""
    fallbacks.install(language)  # its fallbacks, as its pages have them
    catalogs = [(code, _catalog_of(code)) for code in fallbacks.fallback_chain(language)]
    # A word MASTHEAD_URL_WORDS sets is the language's own, over the catalog's
    # (lib/urlwords.py); it replaces the first segment of every address of its
    # kind of page ("section/<uslug:slug>/feed/rss/" too).
    chosen = settings.URL_WORDS.get(language, {})
    with translation.override(SOURCE):
        kinds = {str(path).partition("/")[0]: key for key, path in urlwords.KEYS.items()}
    words = []
    with translation.override(language):
        for msgid in _source().url_msgids:
            origin = next(
                (code for code, catalog in catalogs if catalog and msgid in catalog.url_words),
                SOURCE,
            )
            word = pgettext(URL_CONTEXT, msgid)
            first, slash, rest = msgid.partition("/")
            if chosen.get(kinds.get(first, "")):
                word = chosen[kinds[first]] + slash + word.partition("/")[2]
                origin = language
            words.append(UrlWord(msgid, word, origin, own=origin == language))
    return words


def _catalog_of(language: str) -> Catalog | None:
    """The catalog a language's own words come from: the one Masthead ships
    for it or its base language; the source's words are its msgids."""
    shipped = fallbacks.shipped_language(language)
    if shipped is None:
        return None
    if shipped == SOURCE:
        source = _source()
        return Catalog(
            source.messages,
            source.messages,
            frozenset(),
            {msgid: msgid for msgid in source.url_msgids},
            source.url_msgids,
        )
    return _catalog(shipped)


# Reading the catalogs, once per process and file version.


def _po_path(language: str) -> Path:
    return Path(settings.LOCALE_PATHS[0]) / to_locale(language) / "LC_MESSAGES" / "django.po"


def _source() -> Catalog:
    """English, the source: every message of the site."""
    catalog = _catalog(SOURCE)
    if catalog is None:
        raise FileNotFoundError(_po_path(SOURCE))
    return catalog


def _catalog(language: str) -> Catalog | None:
    path = _po_path(language)
    try:
        version = path.stat().st_mtime_ns
    except FileNotFoundError:
        return None
    return _read(str(path), version)


@lru_cache(maxsize=32)
def _read(path: str, version: int) -> Catalog:
    """The facts of one ``.po`` file (``version``, its modification time,
    makes a changed file read anew)."""
    with open(path, "rb") as f:
        po = read_po(f)
    messages, translated, fuzzy = set(), set(), set()
    url_words, url_msgids = {}, []
    for message in po:
        if not message.id:
            continue  # the header
        msgid = message.id[0] if isinstance(message.id, tuple) else message.id
        key = (message.context, msgid)
        messages.add(key)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        done = all(strings) and not message.fuzzy
        if message.fuzzy:
            fuzzy.add(key)
        elif done:
            translated.add(key)
        if message.context == URL_CONTEXT:
            url_msgids.append(msgid)
            if done:
                url_words[msgid] = strings[0]
    return Catalog(
        frozenset(messages),
        frozenset(translated),
        frozenset(fuzzy),
        url_words,
        tuple(url_msgids),
    )


# The content: one query each.


def missing_sections(codes: list[str]) -> list[tuple[str, MissingSection]]:
    """(language, section) for each section without a name or an address in
    a language, in the sections' order."""
    found = []
    for section in Section.objects.order_by("position", "id"):
        names, slugs = section.names or {}, section.slugs or {}
        for code in codes:
            if not names.get(code) or not slugs.get(code):
                found.append(
                    (code, MissingSection(section, not names.get(code), not slugs.get(code)))
                )
    return found


def missing_topics(codes: list[str]) -> list[tuple[str, MissingTopic]]:
    """(language, tag) for each tag of an article with a version in that
    language, whose topic has no tag in it (linked, or of the same slug, as
    ``articles.services.translate`` finds them); by the tag's name. One
    query: a UNION of one part per language."""
    queries = [
        Tag.objects.exclude(language=code)
        .filter(
            Exists(
                Article.tags.through.objects.filter(
                    tag=OuterRef("pk"),
                    article__translation_key__in=Article.objects.filter(language=code).values(
                        "translation_key"
                    ),
                )
            )
        )
        .exclude(
            Exists(
                Tag.objects.filter(language=code).filter(
                    Q(topic=OuterRef("topic")) | Q(slug=OuterRef("slug"))
                )
            )
        )
        .annotate(missing_in=Value(code, output_field=CharField()))
        .order_by()
        .values_list("missing_in", "pk", "name", "language")
        for code in codes
    ]
    rows = reduce(lambda union, query: union.union(query, all=True), queries)
    return [
        (code, MissingTopic(pk, name, language))
        for code, pk, name, language in sorted(rows, key=lambda row: (row[2].casefold(), row[1]))
    ]


def missing_bios(codes: list[str]) -> list[tuple[str, MissingBio]]:
    """(language, author) for each author with a biography in another
    content language but none in this one, by name."""
    found = []
    for author in Author.objects.order_by("name", "id").only("name", "slug", "bios"):
        bios = author.bios or {}
        written = [code for code in codes if bios.get(code)]
        for code in codes:
            if written and code not in written:
                found.append((code, MissingBio(author, written)))
    return found
