"""Judged queries for measuring search relevance (MRR and recall@10).

Read by masthead/search/evaluation.py (``bench/search.py relevance``). Each query is judged
against the articles of one language:

- ``de``: the German news corpus, 10kGNAD test split (1,028 articles of DER STANDARD,
  /work/shared/corpora/german-news/10kGNAD-test.csv), one article per row as
  ``masthead import_german_news`` shapes it (headline and standfirst from the lead, the rest
  as the body). The corpus is licensed CC BY-NC-SA 4.0 and is never copied here: this file
  holds only short queries and patterns.
- ``en``: the English versions of the demo's stories (masthead/demo/content.py, STORIES and
  SHOWCASE).

Relevance is judged independently of any search engine: an article is relevant to a query
when ``re.search(relevant, text, re.IGNORECASE)`` finds something in its text, which is
``headline + "\\n" + standfirst + "\\n" + body`` as plain text. The patterns are written by
hand over the words as they appear (surface forms); none relies on an engine's stemming or
compound splitting. Patterns that must see several words anywhere in an article use
lookaheads, e.g. ``(?s)\\A(?=.*a)(?=.*b)``.

Kinds:

- ``known``: known-item search. A reader remembers one article and types a short paraphrase
  (2–6 words, inflected forms a reader would use); the pattern matches exactly that article.
  Every word of the query (after stemming, and after splitting compounds) occurs in it.
- ``compound``: one German word that the relevant articles contain only inside compounds
  ("Zaun" → Grenzzaun, Stacheldrahtzaun). The pattern matches the word preceded by letters,
  so an article relevant to it is found only by looking inside compounds. The other
  articles with a form of the word anywhere (on its own, inflected, at the start of a
  compound) are neutral (``neutral``): left out of the ranking before it is scored, since
  any engine with stemming finds them. What is scored is whether the compounds are found
  among the articles that do not have the word at all.
- ``inflected``: one inflected form ("Dörfer"); relevant are the articles with any form of
  the same word (Dorf, Dorfes, Dörfer, Dörfern), written out.
- ``umlaut``: a German word typed without umlauts or ß ("Kaernten", "Strasse"); relevant
  are the articles with the proper spelling.
- ``phrase``: a phrase in double quotes; relevant are the articles with those words next to
  each other, as written (any whitespace between them).

``python bench/search_queries.py`` checks the set against the corpus and the demo: each
known-item pattern must match exactly one article; the others as many as RANGES allows
(compound parts 2–25, inflected forms and umlauts 2–40, phrases 1–40; the counts are noted
below). It prints every query's count and exits non-zero when one is out of range.
"""

import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Judged:
    kind: str  # "known", "compound", "inflected", "umlaut", "phrase"
    language: str  # "de" (the corpus) or "en" (the demo's English articles)
    query: str  # what a reader types
    # A Python regular expression (re.IGNORECASE); an article is relevant when it matches the
    # article's text: headline + "\n" + standfirst + "\n" + body as plain text.
    relevant: str
    # Articles that match this one and are not relevant are neither right nor wrong: they are
    # left out of the ranking before it is scored (for a compound part, the articles with the
    # word on its own: any engine finds those, the score is about the others).
    neutral: str = ""


def compound(query: str, part: str, forms: str) -> "Judged":
    """A compound-part query: relevant are the articles with ``part`` inside a compound;
    neutral the others with any of the word's ``forms`` anywhere (on its own, inflected, at
    the start of a compound, or in a compound as another form: "Verteidiger" for
    "Verteidigung"), which an engine with stemming finds anyway."""
    return Judged("compound", "de", query, _IN + part, neutral=forms)


# Letters before a word part: the part inside a compound.
_IN = "[a-zäöüß]+"

KNOWN_DE = [
    Judged("known", "de", "Flamingo Nachwuchs Schönbrunn", r"flamingo-küken"),
    Judged(
        "known",
        "de",
        "Fusionsanlage Wendelstein erstes Plasma",
        r"(?s)\A(?=.*wendelstein)(?=.*helium)",
    ),
    Judged("known", "de", "Mädchen Betteln Strafe Dornbirn", r"(?s)\A(?=.*dornbirn)(?=.*bettel)"),
    Judged("known", "de", "George Hotz selbstfahrendes Auto", r"george hotz"),
    Judged("known", "de", "Studie Frauen sprechen tiefer", r"(?s)\A(?=.*oktave)(?=.*leipzig)"),
    Judged("known", "de", "Schauspieler Alex Rocco tot", r"alex rocco"),
    Judged(
        "known", "de", "Bub bekommt zwei neue Hände", r"(?s)\A(?=.*transplant)(?=.*philadelphia)"
    ),
    Judged(
        "known",
        "de",
        "Italien Rauchen im Auto Minderjährige",
        r"(?s)\A(?=.*minderjährig)(?=.*im auto zu rauchen)",
    ),
    Judged("known", "de", "Firma Häusle Kunststoff vergraben", r"häusle"),
    Judged("known", "de", "Harriet Tubman Dollarschein", r"harriet tubman"),
    Judged(
        "known",
        "de",
        "Football Thomas Schaffer Stanford",
        r"(?s)\A(?=.*thomas schaffer)(?=.*stanford)",
    ),
    Judged("known", "de", "Greiskraut neue Arten Alpen", r"greiskraut"),
    Judged("known", "de", "Adele Plattenvertrag Sony", r"(?s)\A(?=.*adele)(?=.*plattenvertrag)"),
    Judged("known", "de", "Bolt Gatlin WM-Finale Peking", r"(?s)\A(?=.*usain bolt)(?=.*gatlin)"),
    Judged("known", "de", "Windpark Handalm Steiermark", r"handalm"),
    Judged("known", "de", "Locky Trojaner Deutschland Frankreich", r"\blocky\b"),
    Judged(
        "known",
        "de",
        "Klosterneuburg Kennzeichen Tulln",
        r"(?s)\A(?=.*klosterneuburg)(?=.*kennzeichen)",
    ),
    Judged("known", "de", "DiCaprio erster Oscar Revenant", r"(?s)\A(?=.*dicaprio)(?=.*gewinner)"),
    Judged(
        "known", "de", "Steinzeit Hunde bestattet Sibirien", r"(?s)\A(?=.*steinzeit)(?=.*sibirien)"
    ),
    Judged("known", "de", "Nasa Feuer Raumkapsel Cygnus", r"(?s)\A(?=.*cygnus)(?=.*feuer)"),
    Judged("known", "de", "Geier Studie Aasfresser", r"\bgeier"),
    Judged("known", "de", "Tim Hunt sexistische Äußerungen", r"tim hunt"),
    Judged("known", "de", "Ai Weiwei Wohnung verwanzt", r"(?s)\A(?=.*ai weiwei)(?=.*verwanzt)"),
    Judged(
        "known",
        "de",
        "Papageien beschlagnahmt Weinviertel",
        r"(?s)\A(?=.*papagei)(?=.*beschlagnahm)",
    ),
    Judged(
        "known",
        "de",
        "Lebensmittelverschwendung Lkw VCÖ",
        r"(?s)\A(?=.*lebensmittelverschwendung)(?=.*\bvcö\b)",
    ),
    Judged("known", "de", "Heino verärgert über Tatort", r"(?s)\A(?=.*heino)(?=.*tatort)"),
    Judged("known", "de", "Independent nur noch online", r"independent on sunday"),
    Judged(
        "known",
        "de",
        "Dudamel dirigiert Neujahrskonzert",
        r"(?s)\A(?=.*dudamel)(?=.*neujahrskonzert)",
    ),
    Judged("known", "de", "Varoufakis neue Bewegung Europa", r"diem25"),
    Judged(
        "known",
        "de",
        "Mikl-Leitner Fußfesseln Terroristen",
        r"(?s)\A(?=.*fußfessel)(?=.*hausarrest)",
    ),
    Judged(
        "known", "de", "Maria Großbauer Opernball", r"(?s)\A(?=.*maria großbauer)(?=.*opernball)"
    ),
    Judged("known", "de", "Schimpansen Bonobos Werkzeug", r"(?s)\A(?=.*bonobo)(?=.*werkzeug)"),
    Judged("known", "de", "AlphaGo schlägt Lee Sedol", r"(?s)\A(?=.*alphago)(?=.*lee sedol)"),
]

KNOWN_EN = [
    Judged("known", "en", "thin snow cover mountain station", r"hochkamm"),
    Judged("known", "en", "heat pump grant doubled old houses", r"heat pump"),
    Judged("known", "en", "engineers twin town flood help", r"(?s)\A(?=.*twin town)(?=.*flood)"),
    Judged(
        "known",
        "en",
        "Wendeltal theatre festival tickets sold",
        r"(?s)\A(?=.*theatre festival)(?=.*advance)",
    ),
    Judged("known", "en", "supporters rescue FC Haldenau", r"fan cooperative"),
    Judged("known", "en", "cross-border train line reopens", r"border railway"),
    Judged("known", "en", "library lends drills sewing machines", r"sewing machine"),
    Judged("known", "en", "light solar panels old roofs", r"solar panel"),
    Judged("known", "en", "e-bike battery start-up funding", r"akkuhof"),
    Judged("known", "en", "school robot team Singapore", r"robotics"),
    Judged("known", "en", "Erasmus students housing Haldenau", r"exchange students"),
    Judged("known", "en", "old cinema becomes arts venue", r"capitol"),
    Judged("known", "en", "bee species green roofs", r"wild bee"),
    Judged("known", "en", "retired teacher sails around world alone", r"hannelore kast"),
    Judged("known", "en", "photo exhibition Haldenau old pictures", r"photo exhibition"),
]

# After each query: its number of relevant articles, and examples of the compounds.
COMPOUND = [
    # 24: Tarifvertrag, Mietverträge (not "umweltverträglich")
    compound("Vertrag", r"vertr[aä]g(?!lich)", r"vertr[aä]g"),
    compound("Verteidigung", r"verteidigung", r"verteidig"),  # 9: Titelverteidigung
    compound("Kraftwerk", r"kraftwerk", r"kraftwerk"),  # 5: Kohlekraftwerk, Kernkraftwerkes
    compound("Zaun", r"zaun", r"z[aä]un"),  # 9: Grenzzaun, Stacheldrahtzaun
    compound("Museum", r"museum", r"muse(um|en)"),  # 6: Weltmuseum, Nationalmuseum
    compound("Versicherung", r"versicherung", r"versicher"),  # 10: Sozialversicherung
    compound("Gipfel", r"gipfel", r"gipfel"),  # 10: Asylgipfel, Westbalkangipfel
    compound("Stadion", r"stadion", r"stadi(on|en)"),  # 7: Olympiastadion, Waldstadion
    compound("Pension", r"pension", r"pension"),  # 7: Frühpension, Korridorpension
    # 11: Terroranschlag, Bombenanschlag (not "veranschlagt", "Voranschlag")
    compound("Anschlag", r"(?<!ver)(?<!vor)anschlag", r"anschl[aä]g"),
    compound("Bahnhof", r"bahnhof", r"bahnh[oö]f"),  # 7: Westbahnhof, Hauptbahnhof
    compound("Unfall", r"unfall", r"unf[aä]ll"),  # 11: Verkehrsunfall, Arbeitsunfall
    compound("Niederlage", r"niederlage", r"niederlage"),  # 10: Heimniederlage
    compound("Gebühr", r"gebühr", r"geb[uü]hr"),  # 9: Studiengebühren, Grundgebühr
    compound("Verbot", r"verbot", r"verbot"),  # 18: Einreiseverbot, Berufsverbot
    compound("Wohnung", r"wohnung", r"wohnung"),  # 9: Sozialwohnung, Mietwohnung
]

INFLECTED = [
    # After each query: its number of relevant articles (the same in UMLAUT and PHRASE).
    Judged("inflected", "de", "Bäume", r"\bb(aum|aums|aumes|äume|äumen)\b"),  # 7
    Judged("inflected", "de", "Dörfer", r"\bd(orf|orfs|orfes|örfer|örfern)\b"),  # 15
    Judged("inflected", "de", "Flughäfen", r"\bflugh(afen|afens|äfen)\b"),  # 15
    Judged("inflected", "de", "Hunden", r"\bhund(e|en|es|s)?\b"),  # 11
    Judged("inflected", "de", "Bischöfe", r"\bbisch(of|ofs|ofes|öfe|öfen)\b"),  # 8
    Judged("inflected", "de", "Flüsse", r"\bfl(uss|usses|üsse|üssen)\b"),  # 6
    Judged("inflected", "de", "Ärzte", r"\b(arzt|arztes|arzts|ärzte|ärzten)\b"),  # 21
    Judged("inflected", "de", "Verbände", r"\bverb(and|andes|ands|ände|änden)\b"),  # 18
    Judged("inflected", "de", "Brücken", r"\bbrücken?\b"),  # 8
    Judged("inflected", "de", "Mäuse", r"\bm(aus|äuse|äusen)\b"),  # 9
    Judged("inflected", "en", "batteries", r"\bbatter(y|ies)\b"),  # 2
    Judged("inflected", "en", "students", r"\bstudents?\b"),  # 3
    Judged("inflected", "en", "roofs", r"\broofs?\b"),  # 2
]

UMLAUT = [
    Judged("umlaut", "de", "Strasse", r"\bstraße\b"),  # 30
    Judged("umlaut", "de", "Gruene", r"\bgrüne\b"),  # 38
    Judged("umlaut", "de", "Muenchen", r"\bmünchens?\b"),  # 27
    Judged("umlaut", "de", "Kaernten", r"\bkärntens?\b"),  # 17
    Judged("umlaut", "de", "Kuenstler", r"\bkünstler(in|innen|n|s)?\b"),  # 18
    Judged("umlaut", "de", "Schluessel", r"\bschlüssel(n|s)?\b"),  # 11
    Judged("umlaut", "de", "Fussballer", r"\bfußballer(in|innen|n|s)?\b"),  # 9
    Judged("umlaut", "de", "Geschaeftsfuehrer", r"\bgeschäftsführer(in|innen|n|s)?\b"),  # 27
    Judged("umlaut", "de", "Buergermeisterin", r"\bbürgermeisterin(nen)?\b"),  # 3
]

PHRASE = [
    Judged("phrase", "de", '"Europäische Union"', r"\beuropäische\s+union\b"),  # 11
    Judged("phrase", "de", '"Vereinten Nationen"', r"\bvereinten\s+nationen\b"),  # 10
    Judged("phrase", "de", '"Islamischer Staat"', r"\bislamischer\s+staat\b"),  # 19
    Judged("phrase", "de", '"Kalten Krieg"', r"\bkalten\s+krieg\b"),  # 2
    Judged("phrase", "de", '"Weißen Haus"', r"\bweißen\s+haus\b"),  # 4
    Judged("phrase", "de", '"Zweiten Weltkrieg"', r"\bzweiten\s+weltkrieg\b"),  # 6
    Judged("phrase", "de", '"Bank Austria"', r"\bbank\s+austria\b"),  # 7
    Judged("phrase", "en", '"green roofs"', r"\bgreen\s+roofs\b"),  # 1
    Judged("phrase", "en", '"twin town"', r"\btwin\s+town\b"),  # 1
]

QUERIES = [*KNOWN_DE, *KNOWN_EN, *COMPOUND, *INFLECTED, *UMLAUT, *PHRASE]


# Relevant articles each kind must have (known items: exactly one).
RANGES = {
    "known": (1, 1),
    "compound": (2, 25),
    "inflected": (2, 40),
    "umlaut": (2, 40),
    "phrase": (1, 40),
}
CORPUS = (
    Path(__file__).resolve().parents[2] / "shared" / "corpora" / "german-news" / "10kGNAD-test.csv"
)


def german_texts(path: Path = CORPUS) -> list[str]:
    """The corpus articles' texts, shaped as `masthead import_german_news` stores them."""
    from masthead.importers.corpus import read_corpus
    from masthead.lib.text import plain_text

    return [f"{a.headline}\n{a.lead}\n{plain_text(a.body_html)}" for a in read_corpus(path)]


def english_texts() -> list[str]:
    """The texts of the demo's English articles; drafts too, so that a known item is unique
    whether or not they are searched."""
    from masthead.demo import content
    from masthead.lib.text import plain_text

    texts = []
    for story in [*content.STORIES, content.SHOWCASE]:
        if version := story["versions"].get("en"):
            # The showcase's placeholders ({harbour}, {gallery}, …) become pictures: no text.
            body = plain_text(re.sub(r"\{\w+\}", " ", version["body"]))
            texts.append(f"{version['headline']}\n{version['standfirst']}\n{body}")
    return texts


def check() -> int:
    """Print each query's number of relevant articles; return the number out of range."""
    texts = {"de": german_texts(), "en": english_texts()}
    print(f"{len(texts['de'])} German articles, {len(texts['en'])} English articles")
    failures = 0
    for judged in QUERIES:
        pattern = re.compile(judged.relevant, re.IGNORECASE)
        count = sum(1 for text in texts[judged.language] if pattern.search(text))
        low, high = RANGES[judged.kind]
        ok = low <= count <= high
        failures += not ok
        print(f"{'  ' if ok else '!!'} {judged.kind:9} {judged.language} {count:4}  {judged.query}")
    kinds = Counter((judged.kind, judged.language) for judged in QUERIES)
    print("Queries:", ", ".join(f"{kind} {language} {n}" for (kind, language), n in kinds.items()))
    return failures


if __name__ == "__main__":
    if failed := check():
        sys.exit(f"{failed} judged queries are out of range")
    print(f"All {len(QUERIES)} judged queries are in range.")
