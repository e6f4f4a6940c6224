"""Invisible control characters: line breaks in disguise become line breaks
(or spaces in one-line text), the rest is removed, and what XML, HTML and
typesetting use on purpose is kept."""

import pytest

from masthead.lib.html import sanitize
from masthead.lib.text import clean_data, clean_line, clean_text

# Every character XML 1.0 forbids, and those it merely discourages that
# HTML calls parse errors (DEL and the C1 controls).
FORBIDDEN_IN_XML = [
    *(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"),
    "\ud800",  # a lone high surrogate
    "\udfff",  # a lone low surrogate
    "\ufffe",
    "\uffff",
]
DISCOURAGED = [chr(c) for c in range(0x7F, 0xA0)]
LINE_BREAKS_IN_DISGUISE = ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85"]


@pytest.mark.parametrize("char", FORBIDDEN_IN_XML + DISCOURAGED, ids=lambda c: f"U+{ord(c):04X}")
def test_it_leaves_no_control_character_in_text_or_in_a_line(char):
    for clean in (clean_text, clean_line):
        result = clean(f"Der Rat{char}beschließt")
        assert result in ("Der Ratbeschließt", "Der Rat beschließt", "Der Rat\nbeschließt")
        assert char not in result
        # The result can be written as UTF-8 (a lone surrogate cannot).
        result.encode("utf-8")


@pytest.mark.parametrize("char", LINE_BREAKS_IN_DISGUISE, ids=lambda c: f"U+{ord(c):04X}")
def test_it_turns_a_line_break_in_disguise_into_a_line_break_or_a_space(char):
    # Word's manual line break (Shift+Enter) is a vertical tab.
    assert clean_text(f"Erste Zeile{char}zweite Zeile") == "Erste Zeile\nzweite Zeile"
    assert clean_line(f"Erste Zeile{char}zweite Zeile") == "Erste Zeile zweite Zeile"


def test_it_keeps_tabs_and_line_breaks_in_text_but_not_in_a_line():
    text = "Absatz eins\r\n\r\nAbsatz zwei\n\tEingerückt"
    assert clean_text(text) == text
    assert clean_line("Titel\r\nmit\nUmbruch\tund Tab") == "Titel mit Umbruch und Tab"


def test_it_keeps_what_typesetting_uses_on_purpose():
    # No-break space, soft hyphen, zero-width space and joiner, byte order
    # mark, right-to-left mark, the Unicode line and paragraph separators,
    # emoji: all valid XML (and JSON-LD escapes what a script needs).
    text = "10\u00a0km Donau\u00addampf\u00adschiff\u200b\u200d\ufeff\u200f\u2028\u2029 مرحبا 👩‍💻"
    assert clean_text(text) == text
    assert clean_line(text) == text


def test_it_returns_clean_and_empty_text_unchanged():
    assert clean_line("") == ""
    assert clean_text(None) is None
    text = "Ein ganz normaler Satz."
    assert clean_line(text) is text


def test_it_cleans_every_string_in_json_data():
    data = {"de": "Welt\x0b", "en\x01": ["a\x02", {"x": "b\x85c"}], "n": 3, "t": ("\x7f",)}
    assert clean_data(data) == {"de": "Welt ", "en": ["a", {"x": "b c"}], "n": 3, "t": ("",)}
    assert clean_data(data, clean_text)["en"][1] == {"x": "b\nc"}


def test_the_sanitised_body_holds_no_control_character():
    # Also not when written as character references, which the HTML parser
    # turns into the characters themselves.
    body = sanitize(
        '<p>Der&#1; <abbr title="a&#11;b">Rat</abbr>\x0b tagt\x01.&#x7f;</p><p>X\x85Y</p>'
    )
    assert body == '<p>Der <abbr title="a\nb">Rat</abbr>\n tagt.</p><p>X\nY</p>'
