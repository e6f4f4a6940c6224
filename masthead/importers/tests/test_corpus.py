"""Shaping a corpus text: sentences, lead and body, headline, paragraphs."""

import doctest

import pytest

from masthead.importers import corpus
from masthead.importers.corpus import headline_from, paragraphs, sentences, split_lead


def test_the_examples_in_the_docstrings_hold():
    assert doctest.testmod(corpus).failed == 0


@pytest.mark.parametrize(
    "text",
    [
        "Am 21. August spielte Rapid 2:1. Danach ging es nach St. Pölten.",
        "Dr. K. Müller sprach u.a. über Geld, z. B. über 3,5 Mio. Euro. Dann ging er.",
        "Die Firma lehnt das ab. Sie will mehr Zeit.",
    ],
)
def test_abbreviations_ordinals_and_initials_do_not_end_a_sentence(text):
    assert len(sentences(text)) == 2


@pytest.mark.parametrize(
    ("text", "lead", "body_start"),
    [
        ("Ein Satz. Noch einer. Wien – Der Text.", "Ein Satz. Noch einer.", "Wien – "),
        ("Ein Satz. Rio de Janeiro – Der Text.", "Ein Satz.", "Rio de Janeiro – "),
        ("Ein Satz. Salzburg/Wien – Der Text.", "Ein Satz.", "Salzburg/Wien – "),
        ("Ein Satz. Breslau (Wroclaw) – Der Text.", "Ein Satz.", "Breslau (Wroclaw) – "),
        ("Ein Satz. Zweiter Satz. Dritter Satz.", "Ein Satz.", "Zweiter Satz."),
        ("Wien – Ein Satz. Zweiter Satz.", "Ein Satz.", "Wien – Ein Satz."),
    ],
)
def test_the_body_starts_at_the_dateline(text, lead, body_start):
    found_lead, body = split_lead(text)
    assert found_lead == lead
    assert body.startswith(body_start)


def test_a_dash_inside_the_lead_is_no_dateline():
    lead, body = split_lead("Franzosen verteidigen Führung – Kritik am Trainer. Paris – Text.")
    assert lead == "Franzosen verteidigen Führung – Kritik am Trainer."
    assert body == "Paris – Text."


def test_a_long_headline_is_cut_at_a_dash_or_between_words():
    at_dash = "Der Rat beschließt das Budget nach langer Debatte im Plenum – " + "x " * 50
    assert headline_from(at_dash) == "Der Rat beschließt das Budget nach langer Debatte im Plenum"
    long = "Der Rat beschließt " + "sehr " * 30 + "viel."
    headline = headline_from(long)
    assert len(headline) <= 110
    assert headline.endswith("sehr…")


def test_a_question_keeps_its_question_mark():
    assert headline_from("Wer zahlt die Pflege? Die Länder streiten.") == "Wer zahlt die Pflege?"


def test_paragraphs_hold_whole_sentences():
    body = " ".join(f"Satz Nummer {n} hat ein paar Wörter mehr als nötig." for n in range(1, 21))
    parts = paragraphs(body, length=200)
    assert len(parts) > 3
    assert all(p.endswith(".") for p in parts)
    assert " ".join(parts) == body
