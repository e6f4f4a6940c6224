"""The rest of the translation desk: suggestions for changed segments, the
dashboard's list, the glossary and usage page, the editor and the API
leaving a segmented version's texts alone."""

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from masthead.api import services as api_services
from masthead.api.models import Scope
from masthead.articles import services as articles
from masthead.testing import client_for
from masthead.translations import services
from masthead.translations.models import GlossaryTerm, MachineUsage, Segment

from .provider_servers import ProviderServer


def _translated(source, user):
    spanish = services.start(source, "es", user)
    work = spanish.translation_work
    services.save_segments(
        work, {s.pk: services.Change(f"ES {s.source}") for s in work.segments.all()}, user
    )
    spanish.refresh_from_db()
    return spanish


def test_a_suggestion_is_offered_never_applied_unasked(
    english_source, translator, editor, settings
):
    spanish = _translated(english_source, translator)
    english_source.standfirst = "The vote was very close."
    articles.save_article(english_source, authors=english_source.byline_authors, user=editor)
    connection.translations_pending()
    with ProviderServer("libretranslate") as server:
        settings.LIBRETRANSLATE_URL = server.url
        settings.MACHINE_TRANSLATION = {"en:es": "libretranslate"}
        assert services.request_machine(spanish.translation_work, translator, suggestions=True)
        services.translate_with_machine.call(spanish.translation_work.pk, True, "en")
    segment = Segment.objects.get(translation__article=spanish, key="standfirst")
    assert segment.suggestion == "THE VOTE WAS VERY CLOSE."
    assert segment.text == "ES The vote was close."  # the translator's, untouched
    assert segment.source_changed
    # Used on request: the machine's text, to review.
    services.save_segments(
        spanish.translation_work,
        {segment.pk: services.Change(segment.text, use_suggestion=True)},
        translator,
    )
    segment.refresh_from_db()
    assert (segment.text, segment.state, segment.source_changed) == (
        "THE VOTE WAS VERY CLOSE.",
        Segment.State.MACHINE,
        False,
    )


def test_the_dashboard_lists_translations_to_update(english_source, translator, editor):
    spanish = _translated(english_source, translator)
    client = client_for(editor, "en")
    assert "No translation is waiting for an update." in client.get("/desk/").content.decode()
    english_source.headline = "The council approves the new budget"
    articles.save_article(english_source, authors=english_source.byline_authors, user=editor)
    connection.translations_pending()
    page = client.get("/desk/").content.decode()
    assert reverse("desk:translation", args=[spanish.pk]) in page
    assert "the original changed in 1 segment" in page
    # And the original's editor names the version.
    page = client.get(reverse("desk:article_edit", args=[english_source.pk])).content.decode()
    assert "The original changed in 1 segment of this version" in page


def test_the_editor_leaves_a_segmented_versions_texts_alone(english_source, translator):
    from masthead.testing import form_data

    spanish = _translated(english_source, translator)
    client = client_for(translator, "en")
    url = reverse("desk:article_edit", args=[spanish.pk])
    assert "Open the translation desk" in client.get(url).content.decode()
    client.post(url, form_data(spanish, headline="Cambiado aquí", slug="otra-direccion"))
    spanish.refresh_from_db()
    assert spanish.headline == "ES The council approves the budget"
    assert spanish.slug == "otra-direccion"  # the fields outside the segments change


def test_the_api_refuses_to_change_a_segmented_versions_texts(english_source, translator, editor):
    spanish = _translated(english_source, translator)
    _token, secret = api_services.create_token("CMS", editor, list(Scope.values))
    response = Client().patch(
        f"/api/v1/articles/{spanish.pk}",
        {"headline": "Cambiado", "version": spanish.version},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )
    assert response.status_code == 409
    assert "Übersetzungsansicht" in response.json()["detail"]  # the active language's


def test_the_glossary_and_the_usage(editor, administrator, client):
    client = client_for(editor, "en")
    url = reverse("desk:machine_translation")
    response = client.post(
        url, {"source_language": "en", "target_language": "de", "term": "Bundestag"}
    )
    assert response.status_code == 302
    assert GlossaryTerm.objects.get().replacement == "Bundestag"
    again = client.post(
        url, {"source_language": "en", "target_language": "de", "term": "Bundestag"}
    )
    assert again.status_code == 400
    assert "already" in again.content.decode()
    same = client.post(url, {"source_language": "en", "target_language": "en", "term": "X"})
    assert "Choose two different languages." in same.content.decode()
    MachineUsage.objects.create(provider="deepl", month="2026-12-01", characters=12345, requests=3)
    assert "12345" not in client.get(url).content.decode()  # editors: no usage
    page = client_for(administrator, "en").get(url).content.decode()
    assert "12345" in page
    client.post(url, {"remove": GlossaryTerm.objects.get().pk})
    assert not GlossaryTerm.objects.exists()


@pytest.mark.parametrize("role", ["contributor", "reporter", "translator"])
def test_only_editors_keep_the_glossary(persona, role):
    response = client_for(persona(role), "en").get(reverse("desk:machine_translation"))
    assert response.status_code == 403
