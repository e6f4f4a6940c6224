"""What a result shows of its article: the words that matched, marked.

The words are found as the engines found them (analysis.py): a word is
marked when its term is one of the query's, and where only a part of a
compound matched, only that part is ("Arbeits<mark>verträge</mark>").
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .analysis import analyzer, compound_key

SNIPPET_LENGTH = 220
# How much text to show before the first match.
LEAD_IN = 60


def _marks(text: str, language: str, terms: set[str], compounds=()) -> list[tuple[int, int]]:
    marks = []
    keys = {compound_key(form) for form in compounds}
    for word in analyzer(language).words(text):
        if word.term in terms or keys & word.keys:
            marks.append((word.start, word.end))
            continue
        parts = [(a, b) for a, b, term in word.parts if term in terms]
        # The outermost matching parts only (a part's own parts are inside it).
        for a, b in parts:
            if not any(c <= a and b <= d and (c, d) != (a, b) for c, d in parts):
                marks.append((a, b))
    return marks


def _render(text: str, marks: list[tuple[int, int]], start: int = 0, end: int | None = None):
    end = len(text) if end is None else end
    html, at = [], start
    for a, b in sorted(marks):
        if a < at or b > end:
            continue
        html += [escape(text[at:a]), "<mark>", escape(text[a:b]), "</mark>"]
        at = b
    html.append(escape(text[at:end]))
    return "".join(html)


def highlight(text: str, language: str, query) -> SafeString:
    """All of ``text``, escaped, with the words that match ``query`` marked."""
    marks = _marks(text, language, query.terms(), query.compounds())
    return mark_safe(_render(text, marks))  # noqa: S308 (escaped in _render)


def snippet(text: str, language: str, query, length: int = SNIPPET_LENGTH):
    """About ``length`` characters of ``text`` around its first match of
    ``query``, cut at word boundaries with "…", escaped, the matches
    marked; None when nothing in ``text`` matches."""
    marks = _marks(text, language, query.terms(), query.compounds())
    if not marks:
        return None
    first = min(marks)[0]
    start = 0 if first < LEAD_IN else text.rfind(" ", 0, first - LEAD_IN // 2) + 1
    end = start + length
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > first else end
    else:
        end = len(text)
    html = _render(text, marks, start, end)
    # "…" where the text goes on, but not after the end of a sentence.
    more = end < len(text) and not text[:end].rstrip().endswith((".", "!", "?"))
    html = ("…" if start > 0 else "") + html + ("…" if more else "")
    return mark_safe(html)  # noqa: S308 (escaped in _render)
