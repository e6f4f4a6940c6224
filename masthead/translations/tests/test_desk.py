"""The translation desk's page, as translators and editors use it."""

import re

import pytest
from django.urls import reverse

from masthead.articles import services as articles
from masthead.articles.models import Article
from masthead.testing import client_for, run_jobs
from masthead.translations import services
from masthead.translations.models import Segment


def _start(client, source, **data):
    response = client.post(reverse("desk:article_translate", args=[source.pk, "es"]), data)
    spanish = Article.objects.get(translation_key=source.translation_key, language="es")
    assert response.status_code == 302
    assert response["Location"] == reverse("desk:translation", args=[spanish.pk])
    return spanish


def _form(page: str) -> dict:
    """The form's fields as the browser would send them."""
    data = {}
    for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page):
        data[name] = (
            value.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", '"')
            .replace("&amp;", "&")
        )
    return data


def test_translate_opens_the_segments_side_by_side(english_source, translator):
    client = client_for(translator, "de")
    spanish = _start(client, english_source)
    page = client.get(reverse("desk:translation", args=[spanish.pk])).content.decode()
    assert "Übersetzung: Spanisch" in page
    assert "8 Segmente sind noch zu prüfen" in page
    assert '<p class="segment__text" lang="en">The <b>mayor</b> said' in page
    assert "Für dieses Sprachpaar ist keine maschinelle Übersetzung eingerichtet" in page


def test_saving_and_submitting_segments(english_source, translator):
    client = client_for(translator, "en")
    spanish = _start(client, english_source)
    url = reverse("desk:translation", args=[spanish.pk])
    page = client.get(url).content.decode()
    data = _form(page)
    segments = list(Segment.objects.filter(translation__article=spanish))
    first = segments[0]
    data[f"s{first.pk}-text"] = "Ayuntamiento"
    data["_action"] = "submit"
    response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"] == f"{url}#segment-{segments[1].pk}"
    page = client.get(url).content.decode()
    assert "1 segment saved." in page
    assert "7 segments of the translation are not reviewed yet" in page
    spanish.refresh_from_db()
    assert spanish.status == Article.Status.DRAFT and spanish.kicker == "Ayuntamiento"

    data = _form(page)
    for segment in segments[1:]:
        data[f"s{segment.pk}-text"] = f"ES {segment.source}"
    data["_action"] = "submit"
    client.post(url, data)
    spanish.refresh_from_db()
    assert spanish.status == Article.Status.REVIEW


def test_someone_elses_save_is_kept(english_source, translator, editor):
    client = client_for(translator, "en")
    spanish = _start(client, english_source)
    url = reverse("desk:translation", args=[spanish.pk])
    data = _form(client.get(url).content.decode())
    headline = Segment.objects.get(translation__article=spanish, key="headline")
    services.save_segments(
        headline.translation, {headline.pk: services.Change("Texto de Eda")}, editor
    )
    data[f"s{headline.pk}-text"] = "Texto de Theo"
    response = client.post(url, data, follow=True)
    assert "Someone else saved 1 segment" in response.content.decode()
    headline.refresh_from_db()
    assert headline.text == "Texto de Eda"


@pytest.mark.needs_program("apertium", package="apertium-eng-spa")
def test_machine_translation_from_the_desk(
    english_source, translator, settings, django_capture_on_commit_callbacks
):
    settings.MACHINE_TRANSLATION = {"en:es": "apertium"}
    client = client_for(translator, "en")
    with django_capture_on_commit_callbacks(execute=True):
        spanish = _start(client, english_source, machine="1")
    run_jobs()
    page = client.get(reverse("desk:translation", args=[spanish.pk])).content.decode()
    assert "machine assistance: Apertium" in page
    assert "8 machine translations not reviewed." in page
    assert "&lt;b&gt;alcalde&lt;/b&gt;" in page  # the markup, to keep in the text box


def test_the_source_changed_is_shown_with_its_difference(english_source, translator, editor):
    client = client_for(translator, "en")
    spanish = _start(client, english_source)
    url = reverse("desk:translation", args=[spanish.pk])
    data = _form(client.get(url).content.decode())
    for segment in Segment.objects.filter(translation__article=spanish):
        data[f"s{segment.pk}-text"] = f"ES {segment.source}"
    client.post(url, data)
    english_source.standfirst = "The vote was very close."
    articles.save_article(english_source, authors=english_source.byline_authors, user=editor)
    page = client.get(url).content.decode()
    assert "The original changed in 1 segment." in page
    assert (
        '<ins class="diff-ins"><span class="visually-hidden">inserted: </span>very </ins>' in page
    )
