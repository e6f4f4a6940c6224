"""``wpautop`` gives the paragraphs WordPress shows for a classic post: the
cases of WordPress's own tests (tests/phpunit/tests/formatting/wpAutop.php),
with the output WordPress expects."""

import pytest

from masthead.importers.wordpress.body import wpautop


def test_it_makes_paragraphs_of_blank_lines_and_breaks_of_single_newlines():
    assert wpautop("Hello\nWorld\n\nAgain") == "<p>Hello<br />\nWorld</p>\n<p>Again</p>\n"


def test_it_leaves_nothing_of_nothing():
    assert wpautop("") == wpautop(" \n\n ") == ""


def test_it_skips_pre_elements():
    code = "function a() {\n\n  return 1;\n}\n\n\nvar b = a();"
    assert wpautop(f"<pre>{code}</pre>").strip() == f"<pre>{code}</pre>"
    before = f"Some code:\n\n<pre>{code}</pre>\n\nAfter it."
    assert wpautop(before).strip() == f"<p>Some code:</p>\n<pre>{code}</pre>\n<p>After it.</p>"


def test_it_skips_input_elements():
    text = (
        'Username: <input type="text" id="username" name="username" /><br />'
        'Password: <input type="password" id="password1" name="password1" />'
    )
    assert wpautop(text).strip() == f"<p>{text}</p>"


def test_it_skips_select_option_elements():
    text = (
        'Country: <select id="state" name="state"><option value="1">Alabama</option>'
        '<option value="2">Alaska</option><option value="3">Arizona</option></select>'
    )
    assert wpautop(text).strip() == f"<p>{text}</p>"


BLOCKS = [
    "table", "thead", "tfoot", "caption", "col", "colgroup", "tbody", "tr", "td", "th",
    "div", "dl", "dd", "dt", "ul", "ol", "li", "pre", "form", "map", "area", "address",
    "style", "p", "h1", "h2", "h3", "h4", "h5", "h6", "fieldset", "legend", "section",
    "article", "aside", "hgroup", "header", "footer", "nav", "figure", "details", "menu",
    "summary",
]  # fmt: skip


def test_it_treats_block_level_elements_as_blocks():
    content = [f"<{block}>foo</{block}>" for block in BLOCKS]
    assert wpautop("\n\n".join(content)).strip() == "\n".join(content)
    # Whitespace around them counts for nothing.
    spaced = [f"\n<{block}>foo</{block}>\n" for block in BLOCKS]
    assert wpautop("\n\n".join(spaced)).strip() == "\n".join(content)


INLINES = [
    "a", "abbr", "acronym", "b", "big", "button", "cite", "code", "del", "dfn", "em",
    "font", "i", "ins", "kbd", "label", "q", "s", "samp", "select", "small", "span",
    "strike", "strong", "sub", "sup", "textarea", "tt", "u", "var",
]  # fmt: skip


def test_it_treats_inline_elements_as_inline():
    content = [f"<{inline}>foo</{inline}>" for inline in INLINES]
    expected = [f"<p><{inline}>foo</{inline}></p>" for inline in INLINES]
    assert wpautop("\n\n".join(content)).strip() == "\n".join(expected)


def test_it_does_not_wrap_blockquotes_but_their_contents():
    assert wpautop("<blockquote>foo</blockquote>").strip() == "<blockquote><p>foo</p></blockquote>"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hello <a\nhref='world'>", "<p>Hello <a\nhref='world'></p>\n"),
        ("Hello <!-- a\nhref='world' -->", "<p>Hello <!-- a\nhref='world' --></p>\n"),
        (
            "Hello <!-- <object>\n<param>\n<param>\n<embed>\n</embed>\n</object>\n -->",
            "<p>Hello <!-- <object>\n<param>\n<param>\n<embed>\n</embed>\n</object>\n --></p>\n",
        ),
        (
            "Hello <!-- <object>\n<param/>\n<param/>\n<embed>\n</embed>\n</object>\n -->",
            "<p>Hello <!-- <object>\n<param/>\n<param/>\n<embed>\n</embed>\n</object>\n --></p>\n",
        ),
    ],
)
def test_newlines_inside_tags_and_comments_stay_as_they_are(text, expected):
    assert wpautop(text) == expected


def test_it_adds_no_break_after_a_break():
    text = "line 1<br>\nline 2<br/>\nline 3<br />\nline 4\nline 5"
    expected = "<p>line 1<br />\nline 2<br />\nline 3<br />\nline 4<br />\nline 5</p>"
    assert wpautop(text).strip() == expected


def test_two_breaks_make_a_new_paragraph():
    text = "line 1<br>\n<br/>\nline 2<br/>\n<br />\n"
    assert wpautop(text).strip() == "<p>line 1</p>\n<p>line 2</p>"


def test_text_before_a_block_gets_a_paragraph():
    assert wpautop("a<div>b</div>").strip() == "<p>a</p>\n<div>b</div>"


def test_the_hr_is_not_in_a_paragraph():
    assert wpautop("paragraph1<hr>paragraph2").strip() == (
        "<p>paragraph1</p>\n<hr>\n<p>paragraph2</p>"
    )


def test_a_figure_gets_no_extra_paragraph():
    one_line = '<figure><img src="example.jpg" /><figcaption>Caption</figcaption></figure>'
    assert wpautop(one_line).strip() == one_line
    lines = '<figure>\n<img src="example.jpg" />\n<figcaption>Caption</figcaption>\n</figure>'
    assert wpautop(lines).strip() == (
        '<figure>\n<img src="example.jpg" /><figcaption>Caption</figcaption></figure>'
    )


def test_windows_line_ends_count_as_newlines():
    assert wpautop("a\r\n\r\nb") == "<p>a</p>\n<p>b</p>\n"


def test_newlines_in_scripts_and_styles_are_not_breaks():
    text = "<script>var a = 1;\nvar b = 2;</script>"
    assert "<br />" not in wpautop(text)


def test_the_examples_in_the_docstrings_hold():
    import doctest

    from masthead.importers.wordpress import body

    assert doctest.testmod(body).failed == 0
