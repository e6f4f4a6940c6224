"""How text becomes search terms, the same for both engines (backends.py).

A word becomes one *term*: case folded, stemmed by the Snowball stemmer of
its language (PyStemmer, the Snowball project's own bindings), and with
its accents taken off afterwards, so that "Grüße", "Gruesse" and "grusse"
are all ``gruss`` and "Verträge" and "Vertrag" are both ``vertrag``. A
language Snowball has no stemmer for gets folded words, unstemmed: a third
content language needs no code here.

A German word can also have *parts*: "Arbeitsverträge" is ``arbeit`` and
``vertrag`` besides ``arbeitsvertrag``, so that "Vertrag" finds it. The
splitter (``split``) is a dictionary one: a word is split into words of a
German word list (wordfreq's, with their frequencies) joined with or
without a linking element ("Verteidigung-s-klausel"); the parts must be
common words of four letters or more, and of the splits it finds, the one
whose parts are most frequent wins. The engines keep parts apart from the
text's own terms, so that a phrase in quotes never matches across them.

Two parts next to each other inside one word are also indexed as one
*key* term, ``arbeit0vertrag`` (``compound_key``), so that "Arbeitsvertrag"
finds "Tarifarbeitsverträge" with a plain term lookup: an engine's index
answers it alone, where a phrase of the parts had each candidate's
positions read (on PostgreSQL, the whole stored vector of every article
with both parts). The joiner is a digit, which both engines keep inside a
token and which no part has (parts are words of letters).

Analysis runs in Python rather than in the engines, so that PostgreSQL and
SQLite index and query exactly the same terms (PostgreSQL's own German
configuration splits no compounds, and SQLite has no stemmer at all).
"""

import functools
import math
import re
import threading
import unicodedata
from dataclasses import dataclass

import Stemmer

# Letters and digits, not the underscore: "covid_19" is two words.
WORD = re.compile(r"[^\W_]+")
# The Snowball stemmers by language code (PyStemmer's names).
SNOWBALL = {
    "ar": "arabic", "ca": "catalan", "cs": "czech", "da": "danish", "de": "german",
    "el": "greek", "en": "english", "es": "spanish", "et": "estonian", "eu": "basque",
    "fi": "finnish", "fr": "french", "ga": "irish", "hi": "hindi", "hu": "hungarian",
    "hy": "armenian", "id": "indonesian", "it": "italian", "lt": "lithuanian",
    "nb": "norwegian", "ne": "nepali", "nl": "dutch", "nn": "norwegian", "no": "norwegian",
    "pl": "polish", "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian",
    "sv": "swedish", "ta": "tamil", "tr": "turkish", "yi": "yiddish",
}  # fmt: skip
# The languages whose compounds are split (a word list is needed for each).
COMPOUNDS = {"de"}
# Linking elements between the parts of a German compound ("Fugen"):
# Arbeit-s-vertrag, Kranken-haus (the -n belongs to the part), Tag-es-zeit.
LINKS = ("", "s", "es", "n", "en", "er", "e", "ens")
# A part must be a word this frequent (Zipf scale: 3 is once per million
# words) and this long: shorter or rarer ones split "Regierung" into
# "Regie" and "rung".
PART_MIN_ZIPF = 3.0
PART_MIN_LENGTH = 4
# Words that are prefixes or suffixes more than parts: "Unternehmen" is not
# about "nehmen" under something, nor "Meisterschaft" about "meist".
NOT_PARTS = frozenset(
    "aber ab an auf aus bei durch fort gegen hinter hinten inter mit nach neben ober "
    "ueber über um unter vor wider wieder zurück zwischen selbst miteinander "
    "heit keit schaft meist sich".split()
)
# The most frequent words are function words ("sich", "nach"): never parts.
PART_MAX_ZIPF = 6.0
# Frequencies above this count as this much when splits are compared, so
# that a very common short word does not pull a split its way.
PART_SCORE_CAP = 5.0
LONGEST_WORD = 64  # longer "words" (hashes, links) are neither split nor stemmed


def fold(text: str) -> str:
    """Case folded, accents off (for letters of the Latin, Greek and
    Cyrillic alphabets; the marks of other scripts are letters' parts)."""
    text = text.casefold()
    if text.isascii():  # most words: nothing to take off
        return text
    text = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in text if not "\u0300" <= c <= "\u036f"))


@dataclass(frozen=True)
class Word:
    """A word of a text: where it is, its term, and its parts' terms with
    where each part is in the word (for highlighting)."""

    start: int
    end: int
    term: str
    parts: tuple[tuple[int, int, str], ...] = ()
    # compound_key() of every two parts next to each other.
    keys: frozenset[str] = frozenset()


# Words whose terms and parts an analyzer keeps at hand for indexing.
INDEXED_CACHE = 200_000


class Analyzer:
    """The search terms of one language's text."""

    def __init__(self, language: str):
        base = language.split("-")[0].lower()
        self.language = base
        self.stemmer = Stemmer.Stemmer(SNOWBALL[base]) if base in SNOWBALL else None
        self.splits = base in COMPOUNDS
        self._word = functools.lru_cache(maxsize=100_000)(self._analyze_word)
        # For indexing: a word's term and its parts and keys in one tuple.
        # A plain dict (emptied when full) is the fastest cache for the
        # millions of lookups of an import; most words come again and again.
        self._indexed: dict[str, tuple[str, tuple[str, ...]]] = {}

    def term(self, word: str) -> str:
        word = word.casefold()
        if self.stemmer is not None and len(word) <= LONGEST_WORD:
            word = self.stemmer.stemWord(word)
        return fold(word)

    def words(self, text: str) -> list[Word]:
        found = []
        for match in WORD.finditer(text):
            term, parts, keys = self._word(match.group())
            start = match.start()
            found.append(
                Word(
                    start,
                    match.end(),
                    term,
                    tuple((start + a, start + b, t) for a, b, t in parts),
                    frozenset(keys),
                )
            )
        return found

    def terms(self, text: str) -> list[str]:
        return [self._word(word)[0] for word in WORD.findall(text)]

    def terms_and_parts(self, text: str) -> tuple[list[str], list[str]]:
        """The terms of ``text``, and its words' parts and keys (what the
        index stores: ``words`` without the places, for speed)."""
        cache, terms, parts = self._indexed, [], []
        for word in WORD.findall(text):
            found = cache.get(word)
            if found is None:
                if len(cache) >= INDEXED_CACHE:
                    cache.clear()
                term, word_parts, keys = self._word(word)
                found = cache[word] = (term, (*(part for _, _, part in word_parts), *keys))
            terms.append(found[0])
            if found[1]:
                parts += found[1]
        return terms, parts

    def _analyze_word(self, word: str) -> tuple[str, tuple, tuple[str, ...]]:
        term = self.term(word)
        if not self.splits or len(word) < 2 * PART_MIN_LENGTH or len(word) > LONGEST_WORD:
            return term, (), ()
        parts = []
        for start, end in split(word):
            part = self.term(word[start:end])
            if part != term and part not in [p for _, _, p in parts]:
                parts.append((start, end, part))
        keys = []
        for (a, b), (c, d) in neighbours(word):
            key = compound_key((self.term(word[a:b]), self.term(word[c:d])))
            if key not in keys:
                keys.append(key)
        return term, tuple(parts), tuple(keys)


def compound_key(parts: tuple[str, ...]) -> str:
    """One term for parts that stand next to each other in a compound."""
    return "0".join(parts)


# One analyzer per language and thread: PyStemmer's stemmers are not
# thread-safe (its documentation: one instance per thread), and a server
# worker runs Django in several threads (`masthead serve`, WEB_THREADS).
_per_thread = threading.local()


def analyzer(language: str) -> Analyzer:
    analyzers = getattr(_per_thread, "analyzers", None)
    if analyzers is None:
        analyzers = _per_thread.analyzers = {}
    if language not in analyzers:
        analyzers[language] = Analyzer(language)
    return analyzers[language]


@functools.cache
def _german_words() -> dict[str, float]:
    """The German words that may be parts of a compound, with their
    frequency (Zipf scale). Loaded on first use (half a second), kept
    small: about 40,000 of the word list's 600,000."""
    import wordfreq

    words = {}
    for word, frequency in wordfreq.get_frequency_dict("de", wordlist="large").items():
        if frequency <= 0 or len(word) < PART_MIN_LENGTH or word in NOT_PARTS:
            continue
        zipf = math.log10(frequency) + 9
        if PART_MIN_ZIPF <= zipf < PART_MAX_ZIPF and word.isalpha():
            words[word] = min(zipf, PART_SCORE_CAP)
    # wordfreq keeps the whole list (600,000 words, 80 MB) in caches of its
    # own; each web worker would carry it.
    wordfreq.get_frequency_dict.cache_clear()
    wordfreq.get_frequency_list.cache_clear()
    return words


def split(word: str) -> list[tuple[int, int]]:
    """Where the parts of a German compound are in ``word``: the best split
    into two common words, and the best splits of those parts in turn; []
    for a word that is not a compound.

    >>> w = "Arbeitsverträge"
    >>> [w[a:b] for a, b in split(w)]
    ['Arbeit', 'verträge']
    >>> w = "Fußballweltmeisterschaft"
    >>> [w[a:b] for a, b in split(w)]
    ['Fußball', 'weltmeisterschaft', 'welt', 'meisterschaft']
    >>> split("Regierung"), split("Österreich")
    ([], [])
    """
    # The word list is case folded ("ß" is "ss"): split the folded word,
    # and give the places in ``word``.
    folded, where = _folded(word)
    return [(where[a], where[b]) for a, b in _split(folded)]


def neighbours(word: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Where two parts of a German compound stand next to each other in
    ``word``: at each split, the left half or the last part of it with the
    right half or the first part of it.

    >>> w = "Tarifarbeitsverträge"
    >>> sorted({(w[a:b], w[c:d]) for (a, b), (c, d) in neighbours(w)})
    [('Tarif', 'arbeit'), ('Tarifarbeit', 'verträge'), ('arbeit', 'verträge')]
    """
    folded, where = _folded(word)
    return [((where[a], where[b]), (where[c], where[d])) for (a, b), (c, d) in _neighbours(folded)]


def _folded(word: str) -> tuple[str, list[int]]:
    """``word`` case folded, and where each folded character is in it."""
    folded, where = "", []
    for index, char in enumerate(word):
        char = char.casefold()
        folded += char
        where += [index] * len(char)
    where.append(len(word))
    return folded, where


def _neighbours(word: str, offset: int = 0) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    best = _best_split(word)
    if best is None:
        return []
    (a, b), (c, d) = best
    lefts, rights = _edge(word, a, b, last=True), _edge(word, c, d, last=False)
    found = [((offset + l0, offset + l1), (offset + r0, offset + r1))
             for l0, l1 in lefts for r0, r1 in rights]  # fmt: skip
    return found + _neighbours(word[a:b], offset + a) + _neighbours(word[c:d], offset + c)


def _edge(word: str, start: int, end: int, last: bool) -> list[tuple[int, int]]:
    """The part word[start:end], and its last (or first) part, and that
    part's, and so on."""
    found = [(start, end)]
    while (best := _best_split(word[start:end])) is not None:
        a, b = best[1] if last else best[0]
        start, end = start + a, start + b
        found.append((start, end))
    return found


def _split(word: str) -> list[tuple[int, int]]:
    best = _best_split(word)
    if best is None:
        return []
    found = []
    for start, end in best:
        found.append((start, end))
        found += [(start + a, start + b) for a, b in _split(word[start:end])]
    return found


@functools.lru_cache(maxsize=100_000)
def _best_split(word: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The split of ``word`` into two parts (the first without its linking
    element) whose parts are most frequent on average; None when there is
    none, or when the word itself is more frequent than its parts (Koehn
    and Knight's rule: "Sicherheit" is not "sich" and "heit")."""
    best, best_score = None, _german_words().get(word, 0.0)
    for cut in range(PART_MIN_LENGTH, len(word) - PART_MIN_LENGTH + 1):
        tail_zipf = _zipf(word[cut:])
        if not tail_zipf:
            continue
        head = word[:cut]
        for link in LINKS:
            if link and not head.endswith(link):
                continue
            stem = head[: len(head) - len(link)]
            head_zipf = _zipf(stem)
            if head_zipf and (head_zipf + tail_zipf) / 2 > best_score:
                best, best_score = ((0, len(stem)), (cut, len(word))), (head_zipf + tail_zipf) / 2
    return best


# A part that is itself a compound counts as this much rarer than its
# parts, so that "Haushalts-plan" wins over "Haus-haltsplan".
COMPOUND_PENALTY = 1.0


@functools.lru_cache(maxsize=200_000)
def _zipf(word: str) -> float:
    """How common ``word`` is as a part: its frequency, or for a compound
    ("verfassungsgericht") its parts', less a penalty; 0 when it is
    neither a common word nor made of them."""
    if len(word) < PART_MIN_LENGTH:
        return 0.0
    known = _german_words().get(word)
    if known:
        return known
    if len(word) < 2 * PART_MIN_LENGTH:
        return 0.0
    best = _best_split(word)
    if best is None:
        return 0.0
    (a, b), (c, d) = best
    return (_zipf(word[a:b]) + _zipf(word[c:d])) / 2 - COMPOUND_PENALTY
