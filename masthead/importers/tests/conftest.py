"""A small corpus file in the 10kGNAD format (``label;'text'``), written
for each test. Its texts are invented; the real corpus is only read from
../shared (see test_real_corpus.py)."""

from pathlib import Path

import pytest

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
