"""Segments: started from the source, filled by Apertium, reviewed, and
following the source when it changes without losing a translator's work."""

import pytest
from django.db import connection

from masthead.articles import services as articles
from masthead.articles.models import Article
from masthead.translations import services
from masthead.translations.models import Segment, Translation

State = Segment.State


def _segments(article):
    return list(Segment.objects.filter(translation__article=article).order_by("position"))


def test_a_translation_starts_with_one_segment_per_piece_of_text(english_source, translator):
    spanish = services.start(english_source, "es", translator)
    rows = [(s.key, s.block, s.source, s.state) for s in _segments(spanish)]
    assert rows == [
        ("kicker", "", "City hall", State.NEW),
        ("headline", "", "The council approves the budget", State.NEW),
        ("standfirst", "", "The vote was close.", State.NEW),
        ("body", "h2", "A long night", State.NEW),
        ("body", "p", "The <b>mayor</b> said the city will build the bridge.", State.NEW),
        ("body", "blockquote", "We kept our promise.", State.NEW),
        ("body", "li", "More buses", State.NEW),
        (
            "body",
            "li",
            'New <a href="https://example.org/" rel="noopener noreferrer">parks</a>',
            State.NEW,
        ),
    ]
    assert spanish.language == "es" and spanish.status == Article.Status.DRAFT
    assert services.pending(spanish) == 8
    # Started twice: the same version, the same segments.
    assert services.start(english_source, "es", translator) == spanish
    assert Segment.objects.filter(translation__article=spanish).count() == 8


def _save(translation, texts: dict, user, confirm=()):
    changes = {
        segment.pk: services.Change(
            texts.get(segment.source, segment.text), segment.source in confirm
        )
        for segment in translation.segments.all()
        if segment.source in texts or segment.source in confirm
    }
    return services.save_segments(translation, changes, user)


def test_a_translators_text_builds_the_article(english_source, translator):
    spanish = services.start(english_source, "es", translator)
    translation = spanish.translation_work
    _save(
        translation,
        {
            "The council approves the budget": "El consejo aprueba el presupuesto",
            "The <b>mayor</b> said the city will build the bridge.": (
                "El <b>alcalde</b> dijo que <script>x</script>la ciudad construirá el puente."
            ),
        },
        translator,
    )
    spanish.refresh_from_db()
    assert spanish.headline == "El consejo aprueba el presupuesto"
    assert "<p>El <b>alcalde</b> dijo que la ciudad construirá el puente.</p>" in spanish.body
    # What nobody translated yet still shows the source's text (a draft).
    assert "<h2>A long night</h2>" in spanish.body
    assert services.pending(spanish) == 6
    edited = Segment.objects.get(translation=translation, key="headline")
    assert (edited.state, edited.updated_by) == (State.EDITED, translator)
    # The revision keeps each segment's state and who acted on it.
    revision = spanish.revisions.order_by("-number").first()
    states = {(s["key"], s["state"], s["by"]) for s in revision.fields["segments"]}
    assert ("headline", "edited", translator.pk) in states


def test_unreviewed_segments_keep_a_translation_from_review(english_source, translator):
    spanish = services.start(english_source, "es", translator)
    error = services.unreviewed_error(spanish)
    assert error is not None and "8 Segmente" in error.messages[0]  # tests speak German
    texts = {s.source: f"ES {s.source}" for s in spanish.translation_work.segments.all()}
    _save(spanish.translation_work, texts, translator)
    assert services.unreviewed_error(spanish) is None


def _translated(english_source, translator):
    spanish = services.start(english_source, "es", translator)
    texts = {s.source: f"ES {s.source}" for s in spanish.translation_work.segments.all()}
    _save(spanish.translation_work, texts, translator)
    return spanish


def test_a_changed_paragraph_of_the_source_marks_that_segment_only(
    english_source, translator, editor
):
    spanish = _translated(english_source, translator)
    before = {s.pk: s.text for s in _segments(spanish)}
    english_source.body = english_source.body.replace(
        "will build the bridge", "will build two bridges"
    )
    articles.save_article(english_source, authors=english_source.byline_authors, user=editor)
    connection.translations_pending()  # the commit: its translations follow the source
    rows = _segments(spanish)
    changed = [s for s in rows if s.source_changed]
    assert [s.source for s in changed] == ["The <b>mayor</b> said the city will build two bridges."]
    assert changed[0].previous_source == "The <b>mayor</b> said the city will build the bridge."
    # Nothing a person wrote was replaced.
    assert {s.pk: s.text for s in rows} == before
    assert services.pending(spanish) == 1


def test_inserted_and_removed_paragraphs(english_source, translator, editor):
    spanish = _translated(english_source, translator)
    english_source.body = english_source.body.replace(
        "<blockquote><p>We kept our promise.</p></blockquote>", ""
    ).replace("</h2>", "</h2><p>A new paragraph.</p>")
    articles.save_article(english_source, authors=english_source.byline_authors, user=editor)
    assert services.sync(spanish.translation_work)
    rows = [(s.source, s.state, s.removed, s.text) for s in _segments(spanish) if s.key == "body"]
    assert ("A new paragraph.", State.NEW, False, "") in rows
    assert ("We kept our promise.", State.EDITED, True, "ES We kept our promise.") in rows
    # The frame is the source's new body: the translation fits it.
    spanish.translation_work.refresh_from_db()
    removed = next(s for s in _segments(spanish) if s.removed)
    services.save_segments(
        spanish.translation_work, {removed.pk: services.Change("", drop=True)}, translator
    )
    new = next(s for s in _segments(spanish) if s.source == "A new paragraph.")
    services.save_segments(
        spanish.translation_work, {new.pk: services.Change("Un párrafo nuevo.")}, translator
    )
    spanish.refresh_from_db()
    assert "<p>Un párrafo nuevo.</p>" in spanish.body
    assert "We kept" not in spanish.body
    assert services.pending(spanish) == 0


def test_a_public_translation_keeps_what_readers_have_until_the_work_is_done(
    english_source, translator, editor
):
    spanish = _translated(english_source, translator)
    articles.publish(spanish, editor)
    english_source.headline = "The council approves the new budget"
    articles.save_article(english_source, authors=english_source.byline_authors, user=editor)
    services.sync(spanish.translation_work)
    new = Segment.objects.get(translation__article=spanish, key="headline")
    assert new.source_changed
    body = next(s for s in _segments(spanish) if s.key == "body")
    services.save_segments(
        spanish.translation_work, {body.pk: services.Change("ES Una noche larga")}, translator
    )
    spanish.refresh_from_db()
    assert "Una noche larga" not in spanish.body  # readers keep the reviewed version
    services.save_segments(
        spanish.translation_work,
        {new.pk: services.Change("El consejo aprueba el nuevo presupuesto")},
        translator,
    )
    spanish.refresh_from_db()
    assert spanish.headline == "El consejo aprueba el nuevo presupuesto"
    assert "Una noche larga" in spanish.body


@pytest.mark.needs_program("apertium", package="apertium-eng-spa")
def test_apertium_fills_the_segments_keeping_markup(english_source, translator, settings):

    settings.MACHINE_TRANSLATION = {"en:es": "apertium"}
    spanish = services.start(english_source, "es", translator)
    translation = spanish.translation_work
    assert services.request_machine(translation, translator)
    from masthead.translations.services import translate_with_machine

    translate_with_machine.call(translation.pk)
    translation.refresh_from_db()
    assert translation.machine_state == Translation.Machine.DONE
    assert translation.provider == "apertium"
    rows = {s.source: s for s in _segments(spanish)}
    mayor = rows["The <b>mayor</b> said the city will build the bridge."]
    assert mayor.state == State.MACHINE
    assert "<b>alcalde</b>" in mayor.text
    assert rows["More buses"].text.lower().startswith("más")
    spanish.refresh_from_db()
    assert "<b>alcalde</b>" in spanish.body
    assert services.pending(spanish) == 8  # nothing reviewed yet
