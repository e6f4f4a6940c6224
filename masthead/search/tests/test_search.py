"""Search on the database in use (the suite runs on SQLite and on
PostgreSQL: both engines must pass the same tests)."""

import threading
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import transaction

from masthead.articles import services
from masthead.articles.models import Article
from masthead.search.analysis import analyzer, fold, split
from masthead.search.backends import engine
from masthead.search.indexing import index_articles, queued
from masthead.search.query import MAX_LENGTH, parse
from masthead.testing import run_jobs


def test_words_are_folded_and_stemmed_in_their_language():
    german = analyzer("de")
    assert german.terms("Grüße Gruesse grusse GRÜSSE") == ["gruss"] * 4
    assert german.terms("Verträge Vertrag") == ["vertrag", "vertrag"]
    assert analyzer("en").terms("Councils voted") == ["council", "vote"]
    # A language with a Snowball stemmer, and one without: folded words.
    assert analyzer("fr").terms("Élections élection") == ["elect", "elect"]
    assert analyzer("sw").terms("Habari ZA") == ["habari", "za"]
    assert fold("Ærø Straße") == "ærø strasse"


def test_each_thread_has_its_own_analyzers():
    """A server worker runs requests in several threads, and PyStemmer's
    stemmers must not be shared between them."""
    german = analyzer("de")
    assert analyzer("de") is german
    found = {}
    thread = threading.Thread(target=lambda: found.update(de=analyzer("de")))
    thread.start()
    thread.join()
    assert found["de"] is not german
    assert found["de"].terms("Verträge") == german.terms("Verträge") == ["vertrag"]


@pytest.mark.parametrize(
    "word, part",
    [
        ("Arbeitsverträge", "vertrag"),
        ("Verteidigungsklausel", "verteid"),
        ("Verteidigungsklausel", "klausel"),
        ("Bundesregierung", "regier"),
        ("Fußballweltmeisterschaft", "weltmeisterschaft"),
        ("Flüchtlingskrise", "fluchtling"),
    ],
)
def test_german_compounds_have_their_parts(word, part):
    (analysed,) = analyzer("de").words(word)
    assert part in [term for _, _, term in analysed.parts]


def test_words_that_are_not_compounds_stay_whole():
    for word in ("Regierung", "Österreich", "Sicherheit", "Unternehmen", "Meisterschaft"):
        assert split(word) == [], word
    # English compounds are not split.
    assert analyzer("en").words("Firefighters")[0].parts == ()


def test_the_examples_in_the_analysis_module_hold():
    import doctest

    from masthead.search import analysis

    assert doctest.testmod(analysis).failed == 0


def test_parts_next_to_each_other_have_one_key():
    (analysed,) = analyzer("de").words("Tarifarbeitsverträge")
    # Split as "Tarifarbeit" + "verträge": "Arbeit" and "Vertrag" still stand
    # next to each other.
    assert "arbeit0vertrag" in analysed.keys
    assert "tarif0vertrag" not in analysed.keys


def test_parts_know_where_they_are_in_the_word():
    word = "Fußballweltmeisterschaft"
    assert [word[a:b] for a, b in split(word)][:2] == ["Fußball", "weltmeisterschaft"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "x" * 2000,
        "...!!!",
        '"unbalanced',
        "NEAR(a b, 2) * : & | ! ( ) {x} ^",
        "a\x00b\x07c\u200b",
        "Привет мир 東京 مرحبا",
        "-",
        '""',
        "-alles",
    ],
)
def test_any_input_gives_a_query(text):
    query = parse(text, ["de", "en"], prefix=True)
    assert len(query.text) <= MAX_LENGTH
    for item in (*query.words, *query.phrases):
        for form in item.forms:
            assert all(term.isalnum() for term in form)


def test_quotes_and_minus():
    query = parse('Haushalt "im Rat" -Streik', ["de"])
    assert [w.forms for w in query.words] == [(("haus", "halt"), ("haushalt",))]
    assert [p.forms for p in query.phrases] == [(("im", "rat"),)]
    assert query.excluded == ["streik"]


def found(text, language="de", among=None, prefix=False):
    query = parse(text, [language], prefix=prefix)
    among = among if among is not None else Article.objects.all()
    return [
        Article.objects.get(pk=pk).headline for pk, _ in engine().ranked(query, among, limit=10)
    ]


@pytest.mark.django_db
def test_compound_parts_inflections_and_umlauts_are_found(indexed):
    indexed("Neue Arbeitsverträge für Pflegekräfte", body="<p>Die Gewerkschaft verhandelt.</p>")
    indexed("Streit um die Verteidigungsklausel", body="<p>Die NATO berät.</p>")
    indexed("Grüße aus Wien", body="<p>Ein Brief.</p>")
    indexed("Der Rat beschließt den Haushalt")
    indexed("Tarifarbeitsverträge laufen aus")
    indexed("Arbeitsmarkt: Mietvertrag gekündigt")
    # "Arbeitsmarkt" and "Mietvertrag" have the parts, not next to each other.
    assert sorted(found("Arbeitsvertrag")) == [
        "Neue Arbeitsverträge für Pflegekräfte",
        "Tarifarbeitsverträge laufen aus",
    ]
    assert sorted(found("Vertrag")) == [
        "Arbeitsmarkt: Mietvertrag gekündigt",
        "Neue Arbeitsverträge für Pflegekräfte",
        "Tarifarbeitsverträge laufen aus",
    ]
    assert sorted(found("verträge")) == sorted(found("Vertrag"))
    assert found("Verteidigung") == ["Streit um die Verteidigungsklausel"]
    assert found("Gruesse") == found("grusse") == found("GRÜSSE") == ["Grüße aus Wien"]
    assert found("Arbeitsvertrag Pflegekraft") == ["Neue Arbeitsverträge für Pflegekräfte"]
    assert found("Vertrag -Pflegekräfte -Tarif -Mietvertrag") == []
    assert found('"um die Verteidigungsklausel"') == ["Streit um die Verteidigungsklausel"]
    assert found('"die um"') == []
    assert found("Regierung") == []


@pytest.mark.django_db
def test_headline_outranks_body_and_recent_outranks_old(indexed):
    indexed("Wahl in Wien", body="<p>Es wurde gewählt.</p>", age=timedelta(days=400))
    indexed("Ein Tag im Park", body="<p>Nach der Wahl in Wien gingen alle spazieren.</p>")
    assert found("Wahl")[0] == "Wahl in Wien"
    indexed("Wahl in Graz", body="<p>Es wurde gewählt.</p>", age=timedelta(hours=2))
    assert found("Wahl")[:2] == ["Wahl in Graz", "Wahl in Wien"]


@pytest.mark.django_db
def test_the_index_follows_edits_unpublishing_and_deletion(
    indexed, django_capture_on_commit_callbacks
):
    article = indexed("Der Rat beschließt den Haushalt", body="<p>Am Dienstag.</p>", slug="rat")
    assert found("Haushalt", among=Article.objects.public()) == [article.headline]

    article.headline = "Der Rat vertagt die Sitzung"
    with django_capture_on_commit_callbacks(execute=True):
        services.save_article(article, authors=article.byline_authors)
    assert found("Haushalt") == []
    assert found("Sitzung") == ["Der Rat vertagt die Sitzung"]

    with django_capture_on_commit_callbacks(execute=True):
        services.unpublish(article)
    assert found("Sitzung", among=Article.objects.public()) == []
    assert found("Sitzung") == ["Der Rat vertagt die Sitzung"]  # the desk still finds it

    with django_capture_on_commit_callbacks(execute=True):
        article.delete()
    assert engine().count() == 0


@pytest.mark.django_db
def test_drafts_are_found_by_a_word_of_their_body(indexed, reporter):
    indexed(
        "Arbeitstitel",
        status=Article.Status.DRAFT,
        age=None,
        user=reporter,
        body="<p>Der Gemeinderat stritt über die Kanalsanierung.</p>",
    )
    assert found("Kanal") == ["Arbeitstitel"]
    assert found("Kanal", among=Article.objects.public()) == []


@pytest.mark.django_db
def test_bylines_tags_and_section_are_searched(indexed, make_tag, make_author):
    indexed("Ein Bericht", authors=[make_author("Kai Unterberger")], tags=[make_tag("Klimaschutz")])
    assert found("Unterberger") == found("Klimaschutz") == found("Welt") == ["Ein Bericht"]


@pytest.mark.django_db
def test_type_ahead_finds_headlines_by_the_beginning_of_a_word(indexed):
    indexed("Die Bundesregierung tagt")
    assert found("Bundesreg", prefix=True) == ["Die Bundesregierung tagt"]
    assert found("die Bundesr", prefix=True) == ["Die Bundesregierung tagt"]
    assert found("Bundeswehr", prefix=True) == []


@pytest.mark.django_db
def test_imports_are_indexed_by_the_job_queue(tmp_path, django_capture_on_commit_callbacks):
    corpus = tmp_path / "news.csv"
    corpus.write_text(
        "Inland;'Neue Arbeitsverträge für das Land. Wien – Der Nationalrat hat beschlossen.'\n"
        "Sport;'Rapid gewinnt das Derby. Wien – Ein spätes Tor entschied.'\n",
        encoding="utf-8",
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_german_news", "--no-progress", "--path", str(corpus))
    assert found("Vertrag") == []  # queued, not yet done
    run_jobs()
    assert found("Vertrag") == ["Neue Arbeitsverträge für das Land"]
    assert found("Derby") == ["Rapid gewinnt das Derby"]


@pytest.mark.django_db
def test_the_command_rebuilds_the_index(indexed, capsys):
    indexed("Der Rat beschließt den Haushalt")
    indexed("Wahl in Wien", body="<p>Gewählt wird am Sonntag.</p>")
    engine().clear()
    assert found("Haushalt") == []
    call_command("search_index", "--no-progress")
    assert "2 articles in the search index." in capsys.readouterr().out
    assert found("Haushalt") == ["Der Rat beschließt den Haushalt"]


@pytest.mark.django_db
def test_index_articles_removes_what_is_gone(indexed):
    article = indexed("Wahl in Wien")
    # Deleted in a transaction whose commit never indexed (a crash, a
    # restore): indexing the id again takes it out. (On PostgreSQL the
    # row's foreign key takes it out at once.)
    Article.objects.filter(pk=article.pk).delete()
    index_articles([article.pk])
    assert engine().count() == 0


@pytest.mark.django_db
def test_a_phrase_beyond_the_newest_candidates_is_found(indexed, monkeypatch):
    """The ranking looks at the newest candidates first (backends.CANDIDATES;
    for a phrase, the newest articles with its words anywhere): when fewer
    than a page of them have the phrase, every match is ranked."""
    from masthead.search import backends

    monkeypatch.setattr(backends, "CANDIDATES", 3)
    indexed("Die Europäische Union berät", age=timedelta(days=30))
    for n in range(5):
        indexed(f"Union und Rat {n}", body="<p>Europäische Länder beraten.</p>")
    assert found('"Europäische Union"') == ["Die Europäische Union berät"]
    loose = found("Europäische Union")
    assert "Die Europäische Union berät" in loose and len(loose) == 6


@pytest.mark.django_db
def test_saves_inside_queued_are_indexed_by_the_job_queue(
    make_article, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic(), queued():
            make_article("Neue Arbeitsverträge für das Land")
    assert found("Vertrag") == []  # queued, not yet done
    run_jobs()
    assert found("Vertrag") == ["Neue Arbeitsverträge für das Land"]


@pytest.mark.django_db
def test_nothing_is_queued_when_the_transaction_rolls_back(
    make_article, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic(), queued():
            make_article("Neue Arbeitsverträge für das Land")
            raise RuntimeError
    assert callbacks == []
