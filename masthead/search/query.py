"""What a reader typed, as the engines' terms.

The syntax is the one readers know from web search engines, and nothing
else is special:

- words: every word must be found, as its term or, for a compound, as its
  parts in this order inside another compound ("Arbeitsvertrag" finds
  "Arbeitsverträge" and "Tarifarbeitsvertrag");
- ``"two words"``: a phrase, the words next to each other (an unbalanced
  quote runs to the end);
- ``-word``: no article with that word.

When no article has all the words, the articles with any of them are
shown (the page says so), the ones with most of them first.

Everything else is a word's separator: an engine's own syntax (``NEAR``,
``*``, ``:``, ``&``, ``|``, ``!``, parentheses) typed by a reader is never
passed on, because only terms made by analysis.py reach an engine, and
they are letters and digits.

A query may be analysed for several languages at once (the desk searches
all of them): each word then matches in any of them.
"""

import re
from dataclasses import dataclass, field

from .analysis import WORD, analyzer

# Longer queries are cut: nobody types more, and each word costs.
MAX_LENGTH = 200
MAX_WORDS = 12
_PIECE = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')


# A form is the terms that together match a word: (term,) or its parts.
Form = tuple[str, ...]


@dataclass(frozen=True)
class Word:
    forms: tuple[Form, ...]


@dataclass(frozen=True)
class Phrase:
    # One sequence of terms per language.
    forms: tuple[Form, ...]


@dataclass
class Query:
    text: str
    words: list[Word] = field(default_factory=list)
    phrases: list[Phrase] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    # The last word's beginning, folded and unstemmed, for type-ahead.
    prefix: str = ""
    # Any of the words and phrases, instead of all of them: the second try
    # when no article has all (backends.search).
    any_word: bool = False

    def __bool__(self) -> bool:
        return bool(self.words or self.phrases or self.prefix)

    def terms(self) -> set[str]:
        """The terms that count as a match wherever they are (for
        highlighting): the words', and the phrases' words."""
        found = {form[0] for word in self.words for form in word.forms if len(form) == 1}
        for phrase in self.phrases:
            for form in phrase.forms:
                found.update(form)
        return found

    def compounds(self) -> set[tuple[str, ...]]:
        """The parts of the compounds typed, which count only together,
        inside one word ("Haushalt" is not "Haus" and "hält")."""
        return {form for word in self.words for form in word.forms if len(form) > 1}


def clean(text: str) -> str:
    """The query as it is searched for: control characters out, spaces
    collapsed, cut at ``MAX_LENGTH``."""
    text = "".join(c if c.isprintable() else " " for c in text or "")
    return " ".join(text.split())[:MAX_LENGTH].strip()


def parse(text: str, languages: list[str], prefix: bool = False) -> Query:
    """``text`` as a Query for articles in ``languages``. With ``prefix``,
    the last word may be unfinished (type-ahead)."""
    from .analysis import fold

    text = clean(text)
    query = Query(text)
    analyzers = [analyzer(language) for language in languages]
    for match in _PIECE.finditer(text):
        if len(query.words) + len(query.phrases) >= MAX_WORDS:
            break
        negated = bool(match.group(1) or match.group(3))
        if match.group(2) is not None:  # a phrase
            forms = {tuple(w.term for w in a.words(match.group(2))) for a in analyzers} - {()}
            if not forms:
                continue
            if negated or any(len(form) == 1 for form in forms):
                # A phrase of one word is that word; "-"a phrase"" leaves
                # out its words.
                _add(query, negated, analyzers, match.group(2))
                continue
            query.phrases.append(Phrase(tuple(sorted(forms))))
            continue
        _add(query, negated, analyzers, match.group(4))
    if prefix and query.words and not text.endswith((" ", '"')):
        last = WORD.findall(text)
        if last:
            query.prefix = fold(last[-1])
            query.words.pop()
    return query


def _add(query: Query, negated: bool, analyzers, text: str) -> None:
    for word in WORD.findall(text):
        if negated:
            query.excluded += sorted({a.words(word)[0].term for a in analyzers})
            continue
        forms = set()
        for a in analyzers:
            analysed = a.words(word)[0]
            forms.add((analysed.term,))
            whole = [
                part for start, end, part in analysed.parts if _is_top_level(analysed, start, end)
            ]
            if len(whole) > 1:
                forms.add(tuple(whole))
        query.words.append(Word(tuple(sorted(forms))))


def _is_top_level(word, start: int, end: int) -> bool:
    """Whether a part is one of the word's two halves, not a part of a
    part (split() lists the halves first, then their parts)."""
    halves = word.parts[:1]
    if not halves:
        return False
    first_start, first_end = halves[0][0], halves[0][1]
    second = next((p for p in word.parts[1:] if p[0] >= first_end), None)
    return (start, end) in {(first_start, first_end), second[:2] if second else None}
