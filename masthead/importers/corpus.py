"""Reading the German news corpus (10kGNAD) and shaping its texts into
articles: a headline from the lead, the lead as standfirst, the rest as
paragraphs.

The corpus has one text per article and no headlines: the text starts with
the lead (one or two sentences), then the body, which often opens with a
dateline ("Wien – Die Gewerkschaft …"). The corpus itself is never copied
into the repository; it is read from its path at run time (licence
CC BY-NC-SA 4.0, see /work/shared/corpora/german-news/README.md).

>>> text = "Der Rat tagt. Er beschließt viel. Wien – Am Dienstag tagte der Rat."
>>> split_lead(text)
('Der Rat tagt. Er beschließt viel.', 'Wien – Am Dienstag tagte der Rat.')
>>> headline_from("Wien – Der Rat beschließt den Haushalt. Die Opposition ist dagegen.")
'Der Rat beschließt den Haushalt'
"""

import csv
import hashlib
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from masthead.lib.text import excerpt

HEADLINE_LENGTH = 110
# A paragraph is closed after the sentence that takes it past this length.
PARAGRAPH_LENGTH = 400

# Section per label: German name and slug (the label), English name and slug.
# DER STANDARD's "Inland" is Austrian domestic news, "Etat" its media
# section, "Panorama" the mixed news (crime, weather, society).
LABELS = {
    "Inland": ("Inland", "inland", "Austria", "austria"),
    "International": ("International", "international", "International", "international"),
    "Wirtschaft": ("Wirtschaft", "wirtschaft", "Business", "business"),
    "Web": ("Web", "web", "Technology", "technology"),
    "Wissenschaft": ("Wissenschaft", "wissenschaft", "Science", "science"),
    "Sport": ("Sport", "sport", "Sport", "sport"),
    "Kultur": ("Kultur", "kultur", "Culture", "culture"),
    "Etat": ("Etat", "etat", "Media", "media"),
    "Panorama": ("Panorama", "panorama", "Society", "society"),
}

# A dot after one of these does not end a sentence.
_ABBREVIATIONS = {
    "abs", "bzw", "ca", "dr", "etc", "evtl", "ggf", "hl", "inkl", "jh", "jhd", "mag", "mio",
    "mrd", "nr", "prof", "rd", "sog", "st", "str", "usw", "vgl", "ing", "dipl", "bzgl", "zb",
    "mr", "mrs", "ms", "vs", "jr", "sen", "abg", "bd", "bspw", "co", "gegr", "geb",
    "max", "min", "mind", "mehrf", "tel", "ua", "uä", "verh", "zit", "zt", "dt", "engl", "frz",
    "lat", "ital", "span", "hg", "hrsg", "kap", "bsp", "allg",
}  # fmt: skip
# A possible sentence end: ., ! or ? (and closing quotes or brackets), then
# space, then something that can start a sentence.
_SENTENCE_END = re.compile(r"""([.!?…]["“”»«')\]]*)\s+(?=["„“»«(]?[A-ZÄÖÜ0-9])""")
_LAST_WORD = re.compile(r"([\w.,:\-]+)$")
# A dateline: a place (capitalised words, maybe joined by "/" or particles
# such as "de", "am"), a dash and the first word of the body.
_DATELINE = re.compile(
    r"""(?P<place>[A-ZÄÖÜ][\w.'’\-]*(?:(?:\s+|\s*/\s*)(?:\([^()]{1,20}\)|[A-ZÄÖÜ][\w.'’\-]*|de|del|do|da|am|an|der|
    im|in|ob|upon|on|la|le|el|di|sur|bei|\(?[A-Z]+\)?))*?)\s+–\s+(?=\S)""",
    re.VERBOSE,
)
_MAX_DATELINE = 40
_SPACE = re.compile(r"\s+")


def sentences(text: str) -> list[str]:
    """``text`` split into sentences; abbreviations, ordinals ("21. August")
    and initials ("K. Müller") do not end one.

    >>> sentences("Am 21. August kam St. Pölten an. Dr. K. Müller sprach! Dann nichts.")
    ['Am 21. August kam St. Pölten an.', 'Dr. K. Müller sprach!', 'Dann nichts.']
    """
    text = _SPACE.sub(" ", text).strip()
    result, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end(1)
        if match.group(1).startswith(".") and not _ends_sentence(text[start : match.start(1)]):
            continue
        result.append(text[start:end])
        start = match.end()
    if start < len(text):
        result.append(text[start:])
    return [s for s in result if s]


def _ends_sentence(before: str) -> bool:
    """Whether a dot right after ``before`` ends a sentence."""
    word = _LAST_WORD.search(before)
    if not word:
        return True
    token = word.group(1).rsplit("-", 1)[-1].rstrip(".").lower()
    if token.isdigit() and len(token) <= 2:  # an ordinal: "21. August", "3. Liga"
        return False
    if len(token) == 1 and token.isalpha():  # an initial: "K. Müller", "z. B."
        return False
    parts = word.group(1).strip(".").split(".")
    if len(parts) > 1 and all(len(part) <= 2 for part in parts):  # "u.a.", "z.B."
        return False
    return token.replace(".", "") not in _ABBREVIATIONS


def _dateline_at(text: str) -> re.Match | None:
    match = _DATELINE.match(text)
    if match and len(match.group("place")) <= _MAX_DATELINE:
        return match
    return None


def split_lead(text: str) -> tuple[str, str]:
    """The lead and the body of a corpus text.

    The body starts at the first sentence that opens with a dateline
    ("Wien – "). Without one, the lead is the first sentence. A text that
    starts with a dateline has no lead of its own: the lead is its first
    sentence (the dateline stays in the body only).
    """
    parts = sentences(text)
    if not parts:
        return "", ""
    for i, sentence in enumerate(parts[1:4], start=1):
        if _dateline_at(sentence):
            return " ".join(parts[:i]), " ".join(parts[i:])
    if _dateline_at(parts[0]) or len(parts) == 1:
        return strip_dateline(parts[0]), " ".join(parts)
    return parts[0], " ".join(parts[1:])


def strip_dateline(text: str) -> str:
    """``text`` without a leading dateline ("Wien – ")."""
    match = _dateline_at(text)
    return text[match.end() :] if match else text


def headline_from(lead: str, length: int = HEADLINE_LENGTH) -> str:
    """A headline made from a lead: its first sentence without the dateline
    and the final full stop, at most ``length`` characters. A longer one is
    cut at its first dash when that leaves enough ("A – B" → "A"), else at a
    word boundary with an ellipsis.
    """
    first = (sentences(strip_dateline(lead)) or [""])[0]
    headline = first.rstrip(".").strip()
    if len(headline) <= length:
        return headline
    head = headline.split(" – ", 1)[0].strip()
    if 30 <= len(head) <= length:
        return head
    return excerpt(headline, length)


def paragraphs(body: str, length: int = PARAGRAPH_LENGTH) -> list[str]:
    """``body`` as paragraphs of whole sentences, each closed once it passes
    ``length`` characters."""
    result, current = [], []
    size = 0
    for sentence in sentences(body):
        current.append(sentence)
        size += len(sentence) + 1
        if size >= length:
            result.append(" ".join(current))
            current, size = [], 0
    if current:
        result.append(" ".join(current))
    return result


def paragraph_html(text: str) -> str:
    """One paragraph of plain text as HTML."""
    return f"<p>{html.escape(text, quote=False)}</p>"


@dataclass
class CorpusArticle:
    label: str
    headline: str
    lead: str
    paragraphs: list[str]
    # A fingerprint of the row as read (label and raw text).
    digest: str = ""

    @property
    def body_html(self) -> str:
        return "".join(paragraph_html(p) for p in self.paragraphs)

    @property
    def text(self) -> str:
        return " ".join([self.lead, *self.paragraphs])


def shape(label: str, text: str) -> CorpusArticle:
    """One corpus row as an article."""
    lead, body = split_lead(text)
    digest = hashlib.sha256(f"{label}\n{text}".encode()).hexdigest()
    return CorpusArticle(
        label=label,
        headline=headline_from(lead),
        lead=lead,
        paragraphs=paragraphs(body),
        digest=digest,
    )


def read_corpus(path: Path) -> Iterator[CorpusArticle]:
    """The articles of a 10kGNAD CSV file (``label;'text'``), in file order.
    Rows without text are left out."""
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.reader(f, delimiter=";", quotechar="'"):
            if len(row) < 2 or not row[1].strip():
                continue
            yield shape(row[0].strip(), row[1])
