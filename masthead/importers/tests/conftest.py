"""A small corpus file in the 10kGNAD format (``label;'text'``), written
for each test. Its texts are invented; the real corpus is only read from
../shared (see test_real_corpus.py)."""

from pathlib import Path

import pytest
from django.utils import translation

ROOT = Path(__file__).resolve().parents[3]
REAL_CORPUS = ROOT.parent / "shared" / "corpora" / "german-news" / "10kGNAD-test.csv"

# (label, text): a lead, then the body, mostly with a dateline.
ROWS = [
    (
        "Inland",
        "Die Regierung legt einen neuen Plan für die Pflege vor. Die Opposition spricht von "
        "einem Wahlkampfmanöver. Wien – Die Bundesregierung hat am Dienstag ein Paket für "
        "die Pflege beschlossen. Es soll 2027 in Kraft treten. Die Länder sollen mitzahlen, "
        "sagte der Minister. Kritik kam von den Grünen, die von einem Tropfen auf den heißen "
        "Stein sprachen. Die Gemeinden verlangen mehr Geld für mobile Dienste. Der "
        "Städtebund rechnet mit Kosten von 400 Millionen Euro im Jahr. Ob das reicht, ist "
        "offen: Der Bedarf steigt mit jedem Jahr, in dem mehr Menschen älter als 80 werden. "
        "Eine Arbeitsgruppe soll bis zum Herbst Vorschläge machen.",
    ),
    (
        "Sport",
        "Der Titelverteidiger gewinnt nach einem späten Tor in der Nachspielzeit das Derby "
        "gegen den Tabellenzweiten und baut damit seinen Vorsprung an der Spitze auf sechs "
        "Punkte aus. Graz – Lange sah es nach einem Remis aus. Dann traf der eingewechselte "
        "Stürmer in der 93. Minute. Die Fans feierten bis spät in die Nacht.",
    ),
    (
        "Web",
        "Eine Lücke im Browser erlaubt fremden Code. San Francisco – Sicherheitsforscher "
        "haben gezeigt, wie eine Seite <script>alert(1)</script> ausführen kann. Die Seite "
        "zeigte <b>fett</b> gesetzte Warnungen & Hinweise. Der Hersteller rät zum Update.",
    ),
    (
        "Kultur",
        "Das Festival 'Neue Bilder' zeigt heuer 40 Filme aus 12 Ländern. Die Eröffnung ist "
        "am 3. Mai im Gartenbaukino. Karten gibt es ab Montag, sagte die Leiterin.",
    ),
    (
        "Inland",
        "Linz – Der Landtag hat das Budget beschlossen. Die Debatte dauerte zehn Stunden.",
    ),
]


def write_corpus(path: Path, rows) -> Path:
    """Rows as the corpus has them: ``label;'text'``, a quote in the text doubled."""
    lines = [f"{label};'{text.replace(chr(39), chr(39) * 2)}'\n" for label, text in rows]
    path.write_text("".join(lines), encoding="utf-8")
    return path


@pytest.fixture
def small_corpus(tmp_path):
    return write_corpus(tmp_path / "news.csv", ROWS)


# The WordPress exports of other projects (see its README), read from
# ../shared beside the repository.
WXR = ROOT.parent / "shared" / "corpora" / "wxr"
THEME_UNIT_TEST = WXR / "themeunittestdata.wordpress.xml"
BLOCK_TEST = WXR / "64-block-test-data.xml"

needs_wxr = pytest.mark.skipif(
    not THEME_UNIT_TEST.is_file(), reason=f"the WordPress exports in {WXR} are missing"
)


def wxr_document(items: str = "", *, version: str = "1.2", channel: str = "") -> str:
    """A small WXR file around ``items`` (``<item>`` elements)."""
    return f"""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
    xmlns:excerpt="http://wordpress.org/export/{version}/excerpt/"
    xmlns:content="http://purl.org/rss/1.0/modules/content/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:wp="http://wordpress.org/export/{version}/">
<channel>
    <title>Kleine Zeitung</title>
    <link>https://news.example.org</link>
    <language>de-AT</language>
    <wp:wxr_version>{version}</wp:wxr_version>
    <wp:base_site_url>https://news.example.org</wp:base_site_url>
    <wp:base_blog_url>https://news.example.org</wp:base_blog_url>
    {channel}
    {items}
</channel>
</rss>
"""


def wxr_item(post_id: int, title: str, **fields) -> str:
    """An ``<item>``: a published post unless ``fields`` say otherwise
    (status, post_type, post_name, content, excerpt, date, link, extra)."""
    values = {
        "status": "publish",
        "post_type": "post",
        "post_name": f"story-{post_id}",
        "content": "<p>Text.</p>",
        "excerpt": "",
        "date": "2024-05-02 10:00:00",
        "link": f"https://news.example.org/2024/05/story-{post_id}/",
        "extra": "",
        "sticky": "0",
        "parent": "0",
        "creator": "hanna",
    } | fields
    gmt = values.get("date_gmt", values["date"])
    return f"""<item>
    <title>{title}</title>
    <link>{values["link"]}</link>
    <dc:creator><![CDATA[{values["creator"]}]]></dc:creator>
    <content:encoded><![CDATA[{values["content"]}]]></content:encoded>
    <excerpt:encoded><![CDATA[{values["excerpt"]}]]></excerpt:encoded>
    <wp:post_id>{post_id}</wp:post_id>
    <wp:post_date>{values["date"]}</wp:post_date>
    <wp:post_date_gmt>{gmt}</wp:post_date_gmt>
    <wp:post_name>{values["post_name"]}</wp:post_name>
    <wp:status>{values["status"]}</wp:status>
    <wp:post_parent>{values["parent"]}</wp:post_parent>
    <wp:post_type>{values["post_type"]}</wp:post_type>
    <wp:is_sticky>{values["sticky"]}</wp:is_sticky>
    {values["extra"]}
</item>"""


@pytest.fixture
def english_terminal(monkeypatch):
    """The commands speak the language of the terminal (LC_ALL, LANG), and
    the parser the active language; the tests read their English, whatever
    the machine's locale. A test that wants another language sets it."""
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    with translation.override("en"):
        yield
