"""The words of readers' addresses: "artikel" in /de/artikel/…, "rubrique"
in /fr/rubrique/….

Each kind of reader page has a key (``KEYS``) and, in each language, a
word: the first segment of its address in the language's catalog (the
entries with ``msgctxt "URL"``), unless ``settings.URL_WORDS``
(``MASTHEAD_URL_WORDS=fr:article=billet``) names another. The URL
patterns take their paths from ``route``, so the setting reaches every
address of the page, in ``reverse()`` and in the resolver alike, and the
feeds under a page follow its word ("/fr/rubrique/monde/feed/rss/").

A word that changes keeps its old addresses working: the site records
the words in use, and its 404 page answers a former word with a
permanent redirect (``masthead/core/addresses.py``).
"""

import re
import unicodedata

from django.conf import settings
from django.core import checks
from django.urls import URLResolver, clear_url_caches, get_resolver
from django.utils import translation
from django.utils.functional import Promise, lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from masthead.lib import fallbacks

# Each kind of page, with its address in the catalogs: the word is that
# address's first segment in the language's catalog.
KEYS = {
    "article": pgettext_lazy("URL", "article/<uslug:slug>/"),
    "section": pgettext_lazy("URL", "section/<uslug:slug>/"),
    "topic": pgettext_lazy("URL", "tag/<uslug:slug>/"),
    "author": pgettext_lazy("URL", "author/<uslug:slug>/"),
    "corrections": pgettext_lazy("URL", "corrections/"),
    "search": pgettext_lazy("URL", "search/"),
}
# What the admin calls each kind of page (core's AddressWord).
LABELS = {
    "article": _("article"),
    "section": _("section"),
    "topic": _("topic"),
    "author": _("author"),
    "corrections": _("corrections"),
    "search": _("search results"),
}


def key_choices() -> list[tuple[str, Promise]]:
    """The kinds of page as a model field's choices (a callable: no
    migration when a label changes)."""
    return list(LABELS.items())


# First segments of addresses that are not a page's word, the same in
# every language: the site's feeds (/de/feed/rss/).
RESERVED = {"feed"}

# Letters and digits of any script, words joined by single hyphens.
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def is_valid_word(word: str) -> bool:
    """Whether ``word`` can be a path segment of its own: "billet",
    "rubrique", "kurz-notiert", "مقالات"; not "Billet", "a/b", "-x" or ""."""
    return (
        bool(_WORD.fullmatch(word))
        and word == word.lower()
        and unicodedata.is_normalized("NFC", word)
    )


def word(key: str) -> str:
    """``key``'s word in the active language."""
    chosen = settings.URL_WORDS.get(translation.get_language(), {}).get(key)
    return chosen or str(KEYS[key]).partition("/")[0]


def words(language: str) -> dict[str, str]:
    """Every key's word in ``language``: ``{"article": "artikel", …}``."""
    fallbacks.install(language)  # a language without a catalog: its fallback's words
    with translation.override(language):
        return {key: word(key) for key in KEYS}


def route(key: str, path: Promise) -> str:
    """The route for ``path`` (a ``pgettext_lazy("URL", …)`` address of
    the catalogs) in the active language, with ``key``'s word as its first
    segment:

    >>> route("section", pgettext_lazy("URL", "section/<uslug:slug>/feed/rss/"))
    'rubrique/<uslug:slug>/feed/rss/'   # in French; 'billet/…' with fr:section=billet

    A lazy string, like the catalog's address: Django's resolver compiles
    it once per language."""

    def localized() -> str:
        _catalog_word, slash, rest = str(path).partition("/")
        return word(key) + slash + rest

    return lazy(localized, str)()


def clashes(language: str) -> list[str]:
    """What is wrong with ``language``'s words together: two kinds of page
    with one word, or a word that another address begins with. Empty
    when nothing is."""
    found: dict[str, list[str]] = {}
    for key, chosen in words(language).items():
        found.setdefault(chosen, []).append(key)
    problems = [
        f"the {' and '.join(keys)} pages of {language!r} share the word {chosen!r}"
        for chosen, keys in found.items()
        if len(keys) > 1
    ]
    problems += [
        f"the {keys[0]} pages of {language!r} use the word {chosen!r}, "
        "which other addresses begin with"
        for chosen, keys in found.items()
        if chosen in RESERVED
    ]
    return problems


def check_url_words(**kwargs: object) -> list[checks.CheckMessage]:
    """Two kinds of page with one word would leave one of them without an
    address: the settings (MASTHEAD_URL_WORDS) catch it among the words
    they set, this check among those and the catalogs' words."""
    return [
        checks.Error(
            problem[:1].upper() + problem[1:] + ".",
            hint="Give each kind of page its own word in MASTHEAD_URL_WORDS, or in the "
            'language\'s catalog (msgctxt "URL").',
            id="masthead.E001",
        )
        for language, _name in settings.LANGUAGES
        for problem in clashes(language)
    ]


def forget_compiled_routes(*, setting: str, **kwargs: object) -> None:
    """Connected to ``setting_changed``, which only tests send: Django's
    resolvers compile each route once per language and keep what they
    reverse per language, so after a change of URL_WORDS they must
    compile and reverse again. (A running site reads its settings once.)"""
    if setting != "URL_WORDS":
        return
    clear_url_caches()
    resolvers = [get_resolver()]
    while resolvers:
        resolver = resolvers.pop()
        for cached in ("_reverse_dict", "_namespace_dict", "_app_dict"):  # per language
            getattr(resolver, cached).clear()
        for entry in resolver.url_patterns:
            if hasattr(entry.pattern, "_regex_dict"):
                entry.pattern._regex_dict.clear()
            if isinstance(entry, URLResolver):
                resolvers.append(entry)
