"""MASTHEAD_URL_WORDS: the words of a language's addresses where they
should not be its catalog's ("fr:article=billet" gives /fr/billet/…), read
once by masthead/settings.py, which refuses what could not work."""

import runpy

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured


@pytest.fixture
def configured(monkeypatch, tmp_path):
    """``configured("fr:article=billet")``: settings.URL_WORDS as
    masthead/settings.py makes it from that value, on a site in German,
    English and French."""
    monkeypatch.setenv("MASTHEAD_VAR_DIR", str(tmp_path))
    monkeypatch.setenv("MASTHEAD_LANGUAGES", "de,en,fr")

    def read(value: str | None) -> dict:
        if value is None:
            monkeypatch.delenv("MASTHEAD_URL_WORDS", raising=False)
        else:
            monkeypatch.setenv("MASTHEAD_URL_WORDS", value)
        return runpy.run_path(str(django_settings.BASE_DIR / "settings.py"))["URL_WORDS"]

    return read


def test_the_catalogs_words_are_used_unless_the_setting_names_others(configured):
    assert configured(None) == {}
    assert configured("") == {}


def test_it_reads_the_words_per_language(configured):
    words = configured("fr:article=billet, fr:section=rubrique,de:topic=schlagwort")

    assert words == {
        "fr": {"article": "billet", "section": "rubrique"},
        "de": {"topic": "schlagwort"},
    }


def test_a_word_may_be_in_any_script_and_hyphenated(configured):
    assert configured("fr:corrections=rectificatifs-et-precisions,de:article=übersicht") == {
        "fr": {"corrections": "rectificatifs-et-precisions"},
        "de": {"article": "übersicht"},
    }


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("fr:article", "Write MASTHEAD_URL_WORDS as language:page=word"),
        ("article=billet", "Write MASTHEAD_URL_WORDS as language:page=word"),
        ("fr:=billet", "Write MASTHEAD_URL_WORDS as language:page=word"),
        ("fr:article=", "Write MASTHEAD_URL_WORDS as language:page=word"),
        ("sw:article=makala", "only name languages of MASTHEAD_LANGUAGES, not 'sw'"),
        ("fr:tag=billet", "'tag' is no page with a word of its own; the words are article, "),
        ("fr:feed=flux", "'feed' is no page with a word of its own"),
        ("fr:article=Billet", "'Billet' \\(fr:article\\) cannot begin an address"),
        ("fr:article=bil/let", "cannot begin an address"),
        ("fr:article=bil let", "cannot begin an address"),
        ("fr:article=bil_let", "cannot begin an address"),
        ("fr:article=-billet", "cannot begin an address"),
        ("fr:article=billet-", "cannot begin an address"),
        ("fr:article=bil--let", "cannot begin an address"),
        ("fr:article=billet.html", "cannot begin an address"),
        ("fr:article=%C3%A9", "cannot begin an address"),
        ("fr:article=feed", "'feed' \\(fr:article\\) begins other addresses already"),
        ("fr:article=billet,fr:article=papier", "names fr:article twice"),
        (
            "fr:article=billet,fr:section=billet",
            "gives fr:article and fr:section the same word 'billet'",
        ),
    ],
)
def test_it_refuses_what_cannot_work(configured, value, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        configured(value)


def test_one_word_may_serve_one_page_in_two_languages(configured):
    assert configured("fr:article=billet,de:article=billet") == {
        "fr": {"article": "billet"},
        "de": {"article": "billet"},
    }
