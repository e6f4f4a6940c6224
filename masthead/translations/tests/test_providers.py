"""The three providers for real: Apertium on this machine, and DeepL's and
LibreTranslate's APIs as local servers speak them; how each failure
reaches the desk, and what is counted."""

import pytest

from masthead.translations import providers, services
from masthead.translations.models import GlossaryTerm, MachineUsage, Segment, Translation

from .provider_servers import ProviderServer

State = Segment.State


@pytest.fixture
def deepl(settings):
    with ProviderServer("deepl") as server:
        settings.DEEPL_API_KEY, settings.DEEPL_API_URL = "secret-key", server.url
        settings.MACHINE_TRANSLATION = {"en:es": "deepl"}
        yield server


@pytest.fixture
def libretranslate(settings):
    with ProviderServer("libretranslate") as server:
        settings.LIBRETRANSLATE_URL = server.url
        settings.MACHINE_TRANSLATION = {"en:es": "libretranslate"}
        yield server


@pytest.fixture
def quick_retries(settings):
    settings.MACHINE_TRANSLATION_RETRY_SECONDS = 0
    settings.MACHINE_TRANSLATION_TIMEOUT = 1


def _machine(source, user, language="en"):
    spanish = services.start(source, "es", user)
    translation = spanish.translation_work
    services.request_machine(translation, user)
    services.translate_with_machine.call(translation.pk, False, language)
    translation.refresh_from_db()
    return translation


def test_deepl_translates_every_segment_with_its_markup(english_source, translator, deepl):
    translation = _machine(english_source, translator)
    assert translation.machine_state == Translation.Machine.DONE
    assert translation.machine_done == translation.machine_total == 8
    request = deepl.requests[0]["json"]
    assert request["source_lang"] == "EN" and request["target_lang"] == "ES"
    assert request["tag_handling"] == "html"
    mayor = translation.segments.get(source__startswith="The <b>mayor</b>")
    assert mayor.text == "THE <b>MAYOR</b> SAID THE CITY WILL BUILD THE BRIDGE."
    assert mayor.state == State.MACHINE
    usage = MachineUsage.objects.get(provider="deepl")
    assert usage.requests == 1 and usage.characters == sum(len(t) for t in request["text"])


def test_libretranslate_translates_every_segment(english_source, translator, libretranslate):
    translation = _machine(english_source, translator)
    assert translation.machine_state == Translation.Machine.DONE
    assert libretranslate.requests[0]["json"]["format"] == "html"
    assert translation.segments.get(key="headline").text == "THE COUNCIL APPROVES THE BUDGET"
    assert translation.article.headline == "THE COUNCIL APPROVES THE BUDGET"


@pytest.mark.parametrize(
    ("failure", "message"),
    [
        ("403", "DeepL refused the key in the settings"),
        ("456", "The quota of DeepL is used up for now"),
        ("garbage", "DeepL answered with something that is not a translation"),
    ],
)
def test_failures_that_retrying_cannot_mend(
    english_source, translator, deepl, failure, message, quick_retries
):
    deepl.answer = [failure]
    translation = _machine(english_source, translator)
    assert translation.machine_state == Translation.Machine.FAILED
    assert message in translation.machine_error
    assert len(deepl.requests) == 1  # not tried again
    assert translation.segments.filter(state=State.NEW).count() == 8
    assert MachineUsage.objects.get(provider="deepl").failures == 1


@pytest.mark.parametrize("failure", ["429", "503", "timeout"])
def test_passing_failures_are_tried_again(
    english_source, translator, deepl, failure, quick_retries
):
    deepl.answer = [failure]
    translation = _machine(english_source, translator)
    assert translation.machine_state == Translation.Machine.DONE
    assert len(deepl.requests) == 2


def test_a_failure_keeps_the_batches_already_done(
    english_source, translator, deepl, quick_retries, monkeypatch
):
    monkeypatch.setattr(providers.DeepL, "batch", 3)
    deepl.answer = ["", "456"]
    translation = _machine(english_source, translator)
    assert translation.machine_state == Translation.Machine.FAILED
    assert translation.machine_done == 3
    assert translation.segments.filter(state=State.MACHINE).count() == 3
    assert translation.segments.filter(state=State.NEW).count() == 5


def test_failures_speak_the_desks_language(english_source, translator, deepl, quick_retries):
    from django.utils import translation as i18n

    deepl.answer = ["403"]
    with i18n.override("en"):  # the worker's; the translator's desk is in German
        translation = _machine(english_source, translator, "de")
    assert "DeepL" in translation.machine_error
    assert "refused the key" not in translation.machine_error


@pytest.mark.needs_program("apertium", package="apertium-eng-spa")
def test_the_glossary_keeps_names_and_terms(english_source, translator, settings):
    settings.MACHINE_TRANSLATION = {"en:es": "apertium"}
    GlossaryTerm.objects.create(source_language="en", target_language="es", term="City hall")
    GlossaryTerm.objects.create(
        source_language="en",
        target_language="es",
        term="budget",
        translation="presupuesto municipal",
    )
    translation = _machine(english_source, translator)
    assert translation.segments.get(key="kicker").text == "City hall"
    assert "presupuesto municipal" in translation.segments.get(key="headline").text


def test_apertium_that_is_not_installed_says_so(english_source, translator, settings):
    settings.MACHINE_TRANSLATION = {"en:es": "apertium"}
    settings.APERTIUM_COMMAND = "/nonexistent/apertium"
    translation = _machine(english_source, translator)
    assert translation.machine_state == Translation.Machine.FAILED
    assert "Apertium is not installed on this server" in translation.machine_error
