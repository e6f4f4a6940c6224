"""What readers of a translation are told, and what the source's
corrections do to its translations."""

import json
import re

from django.db import connection
from django.utils import translation

from masthead.articles import services as articles
from masthead.articles.models import Correction
from masthead.people.models import Author
from masthead.translations import services
from masthead.translations.models import Segment


def _jsonld(page: str) -> dict:
    return json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)[1]
    )


def _translate_all(spanish, user):
    translation_work = spanish.translation_work
    changes = {
        s.pk: services.Change(f"ES {s.source}")
        for s in translation_work.segments.all()
        if s.pending
    }
    services.save_segments(translation_work, changes, user)
    spanish.refresh_from_db()
    return spanish


def test_a_translation_names_its_original_and_its_translator(
    english_source, translator, editor, client, settings
):
    Author.objects.create(name="Teodoro Ruiz", slug="teodoro-ruiz", user=translator)
    spanish = services.start(english_source, "es", translator)
    spanish.translation_work.provider = "apertium"
    spanish.translation_work.save()
    spanish = _translate_all(spanish, translator)
    articles.publish(spanish, editor)
    with translation.override("en"):
        source_url = english_source.get_absolute_url()
    with translation.override("es"):
        page = spanish_page = client.get(spanish.get_absolute_url()).content.decode()
    assert f'<a href="{source_url}" hreflang="en">' in page
    assert "Teodoro Ruiz" in page
    data = _jsonld(page)
    assert data["translationOfWork"] == {
        "@type": "NewsArticle",
        "@id": f"http://testserver{source_url}",
        "inLanguage": "en",
    }
    assert data["translator"]["name"] == "Teodoro Ruiz"
    assert spanish.machine_assisted
    # The original names its translation.
    page = client.get(source_url).content.decode()
    assert _jsonld(page)["workTranslation"][0]["inLanguage"] == "es"

    # The newsroom may leave the machine's part unsaid.
    settings.SHOW_MACHINE_ASSISTANCE = False
    with translation.override("es"):
        quiet = client.get(spanish.get_absolute_url()).content.decode()
    said, unsaid = _note(spanish_page), _note(quiet)
    assert 'hreflang="en"' in unsaid and "Teodoro Ruiz" in unsaid
    assert len(said) > len(unsaid)  # one sentence more


def _note(page: str) -> str:
    return re.search(r'<p class="article__translation"[^>]*>(.*?)</p>', page, re.S)[1]


def test_a_correction_of_the_original_is_flagged_on_every_translation(
    english_source, translator, editor
):
    spanish = _translate_all(services.start(english_source, "es", translator), translator)
    articles.publish(spanish, editor)
    correction = articles.add_correction(english_source, "The vote was on Tuesday.", editor)
    connection.translations_pending()  # the commit
    segment = Segment.objects.get(translation__article=spanish, key=f"correction:{correction.pk}")
    assert (segment.state, segment.source) == (Segment.State.NEW, "The vote was on Tuesday.")
    assert services.pending(spanish) == 1
    services.save_segments(
        spanish.translation_work,
        {segment.pk: services.Change("La votación fue el martes.")},
        translator,
    )
    translated = Correction.objects.get(article=spanish)
    assert (translated.text, translated.translation_of) == (
        "La votación fue el martes.",
        correction,
    )
