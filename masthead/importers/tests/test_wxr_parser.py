"""Reading WordPress exports: every real file of ../shared read or refused
with a clear reason, hostile files refused before anything is expanded."""

import doctest
from collections import Counter
from datetime import UTC, datetime

import pytest

from masthead.importers.wordpress import phpserial
from masthead.importers.wordpress.wxr import MAX_CONTENT, WXRError, parse_bytes, parse_file

from .conftest import WXR, needs_wxr, wxr_document, wxr_item

pytestmark = [needs_wxr, pytest.mark.usefixtures("english_terminal")]

# The files the importer must refuse, and a word of the reason it gives.
REFUSED = {
    "wordpress-importer/phpunit-data/malformed.xml": "line 90, column 11",
    "wordpress-importer/phpunit-data/malformed-simple.xml": "line 14",
    "wordpress-importer/phpunit-data/crazy-cdata.xml": "line 18, column 70",
    "wordpress-importer/phpunit-data/namespace-edge-cases.xml": "not well-formed",
    "wordpress-importer/phpunit-data/invalid-version-tag.xml": "“abc”",
    "wordpress-importer/phpunit-data/missing-version-tag.xml": "no WXR version",
    # Ghost's fixtures with a raw "&" in image addresses.
    "ghost-migrate/sample.xml": "line 109, column 106",
    "ghost-migrate/sample-no-slug.xml": "line 109, column 106",
    "ghost-migrate/multiple/attachments-only.xml": "line 11, column 106",
}
# Items by post type, as the corpus's README counts them.
COUNTS = {
    "themeunittestdata.wordpress.xml": {"post": 58, "page": 21, "attachment": 37,
                                        "nav_menu_item": 70},
    "64-block-test-data.xml": {"post": 61, "page": 1, "wp_navigation": 1, "attachment": 9},
    "theme-preview.xml": {"post": 7},
    "pelican/wordpressexport.xml": {"post": 11, "page": 2, "attachment": 4, "custom1": 2,
                                    "custom2": 1},
    "wordpress-importer/phpunit-data/small-export.xml": {"post": 6, "page": 5},
    "wordpress-importer/phpunit-data/valid-wxr-1.0.xml": {"post": 3, "page": 3},
}  # fmt: skip
FILES = sorted(str(p.relative_to(WXR)) for p in WXR.rglob("*.xml")) if WXR.is_dir() else []


def test_the_examples_in_the_docstrings_hold():
    assert doctest.testmod(phpserial).failed == 0


@pytest.mark.parametrize("name", FILES)
def test_it_reads_every_export_or_refuses_it_clearly(name):
    if name in REFUSED:
        with pytest.raises(WXRError) as refused:
            parse_file(WXR / name)
        assert REFUSED[name] in str(refused.value)
        assert name.rpartition("/")[2] in str(refused.value)
        return
    export = parse_file(WXR / name)
    assert export.site.version in ("1.0", "1.1", "1.2")
    if name in COUNTS:
        assert Counter(item.post_type for item in export.items) == COUNTS[name]


def test_it_reads_the_theme_unit_test_data():
    export = parse_file(WXR / "themeunittestdata.wordpress.xml")
    assert export.site.link == "https://wpthemetestdata.wordpress.com"
    assert export.site.language == "en"
    assert {a.login for a in export.authors} == {"themedemos", "themereviewteam"}
    categories = {t.slug: t for t in export.terms_of("category")}
    assert categories["grandchild-category"].parent == "child-category-03"
    assert categories["child-category-03"].parent == "parent-category"
    assert len(export.terms_of("post_tag")) == 110
    items = {item.id: item for item in export.items}
    scheduled = items[1153]
    assert scheduled.status == "future"
    # The site's local time, naive as the file gives it.
    assert scheduled.date == datetime(2030, 1, 1, 12, 0, 18)  # noqa: DTZ001
    assert scheduled.date_gmt == datetime(2030, 1, 1, 19, 0, 18, tzinfo=UTC)
    assert items[1241].sticky
    assert items[1168].password == "enter"
    assert sum(item.comments for item in export.items) == 33


def test_it_decodes_serialized_meta():
    export = parse_file(
        WXR / "wordpress-importer/phpunit-data/test-serialized-postmeta-no-cdata.xml"
    )
    values = [v for item in export.items for vs in item.meta.values() for v in vs]
    assert any(isinstance(value, (dict, list)) for value in values)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('s:5:"été";', "été"),
        ("i:-3;", -3),
        ("d:0.5;", 0.5),
        ("b:0;", False),
        ("N;", None),
        ('a:2:{i:0;s:1:"a";i:1;s:1:"b";}', ["a", "b"]),
        ('a:1:{s:5:"sizes";a:1:{s:5:"thumb";i:150;}}', {"sizes": {"thumb": 150}}),
        ('O:8:"stdClass":1:{s:1:"x";i:1;}', {"x": 1}),
    ],
)
def test_it_decodes_php_values(text, value):
    assert phpserial.loads(text) == value


@pytest.mark.parametrize(
    "text", ['s:3:"été";', "a:2:{i:0;i:1;}", "i:x;", 'a:1:{i:0;s:1:"a";}junk', "a:1:{" * 100]
)
def test_it_refuses_php_values_that_do_not_add_up(text):
    with pytest.raises(phpserial.SerializedError):
        phpserial.loads(text)


def test_a_meta_value_that_does_not_decode_stays_text():
    document = wxr_document(
        wxr_item(1, "Eins", extra="<wp:postmeta><wp:meta_key>x</wp:meta_key>"
                 '<wp:meta_value><![CDATA[a:1:{i:0;s:9:"kaputt";}]]></wp:meta_value></wp:postmeta>')
    )  # fmt: skip
    assert parse_bytes(document.encode()).items[0].meta["x"] == ['a:1:{i:0;s:9:"kaputt";}']


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
"""


def test_it_refuses_a_billion_laughs(tmp_path):
    document = wxr_document(wxr_item(1, "&lol9;")).replace(
        '<?xml version="1.0" encoding="UTF-8" ?>\n', BILLION_LAUGHS
    )
    path = tmp_path / "laughs.xml"
    path.write_text(document)
    with pytest.raises(WXRError, match="declares a document type or entities"):
        parse_file(path)


def test_it_refuses_an_external_entity(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("the password")
    document = wxr_document(wxr_item(1, "&xxe;")).replace(
        '<?xml version="1.0" encoding="UTF-8" ?>\n',
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>\n',
    )
    with pytest.raises(WXRError, match="declares a document type"):
        parse_bytes(document.encode())


def test_it_refuses_a_doctype_it_finds_only_after_the_first_bytes(tmp_path):
    # Past the bytes looked at before parsing: the parser's own record of it.
    document = wxr_document(wxr_item(1, "Eins")).replace(
        '<?xml version="1.0" encoding="UTF-8" ?>\n',
        '<?xml version="1.0"?>\n' + "<!-- padding -->\n" * 5000 + "<!DOCTYPE rss>\n",
    )
    with pytest.raises(WXRError, match="declares a document type"):
        parse_bytes(document.encode())


def test_an_undeclared_entity_is_not_well_formed():
    with pytest.raises(WXRError, match=r"not well-formed XML.*line \d+, column \d+"):
        parse_bytes(wxr_document(wxr_item(1, "&nbsp;Eins")).encode())


def test_it_refuses_a_100_mb_body_without_reading_it_into_an_article(tmp_path):
    path = tmp_path / "huge.xml"
    head, tail = wxr_document(wxr_item(1, "Eins", content="@")).split("@")
    with path.open("w") as out:
        out.write(head)
        chunk = "<p>" + "x" * 1_000_000 + "</p>\n"
        for _ in range(100):
            out.write(chunk)
        out.write(tail)
    with pytest.raises(WXRError, match="too long"):
        parse_file(path)


def test_it_refuses_a_body_over_its_own_limit():
    document = wxr_document(wxr_item(1, "Eins", content="x" * (MAX_CONTENT + 1)))
    with pytest.raises(WXRError, match="2,000,001 characters long"):
        parse_bytes(document.encode())


def test_it_refuses_what_is_not_an_export():
    with pytest.raises(WXRError, match="no RSS channel"):
        parse_bytes(b"<html><body>Hello</body></html>")
    with pytest.raises(WXRError, match="no WXR version"):
        parse_bytes(wxr_document().replace("<wp:wxr_version>1.2</wp:wxr_version>", "").encode())
    with pytest.raises(WXRError, match="“2.0”"):
        parse_bytes(wxr_document(version="2.0").encode())


def test_it_reads_wxr_1_0_1_1_and_1_2():
    for version in ("1.0", "1.1", "1.2"):
        export = parse_bytes(wxr_document(wxr_item(7, "Sieben"), version=version).encode())
        assert export.site.version == version
        assert [(i.id, i.title, i.content) for i in export.items] == [(7, "Sieben", "<p>Text.</p>")]


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(WXRError, match="cannot be read"):
        parse_file(tmp_path / "nowhere.xml")
