"""A content language without a catalog of its own: its pages take the
site's texts from its fallback (English unless MASTHEAD_UI_FALLBACKS says
otherwise), never silently from the default language, and say so with a
``lang`` attribute (lib/fallbacks.py)."""

import pytest
from django.test import override_settings
from django.utils import translation

from masthead.lib import fallbacks

THREE = [("de", "Deutsch"), ("en", "English"), ("sw", "Kiswahili")]
GERMAN = ["Zum Inhalt springen", "Korrekturen", "Durchsuchen", "Suche", "Sprache"]


@pytest.fixture
def swahili(settings):
    settings.LANGUAGES = THREE
    yield
    for code in ("sw", "rm", "fr", "de"):
        translation.trans_real._translations.pop(code, None)


def test_each_language_knows_where_its_texts_come_from(settings):
    assert fallbacks.ui_language("de") == "de"
    assert fallbacks.ui_language("fr") == "fr"  # Masthead ships French
    assert fallbacks.ui_language("pt-br") == "pt-br"  # its base language's catalog (pt)
    assert fallbacks.ui_language("sw") == "en"  # none: English, the source
    settings.UI_FALLBACKS = {"sw": "fr", "rm": "sw"}
    assert fallbacks.ui_language("sw") == "fr"
    assert fallbacks.ui_language("rm") == "fr"  # through sw
    settings.UI_FALLBACKS = {"sw": "rm", "rm": "sw"}
    assert fallbacks.ui_language("sw") == "en"  # a circle ends at the source


def test_a_missing_text_comes_from_the_fallback_not_the_default_language(swahili):
    fallbacks.install("sw")
    with translation.override("sw"):
        assert translation.gettext("Skip to content") == "Skip to content"
        assert translation.gettext("Corrections") == "Corrections"
    with translation.override("de"):
        assert translation.gettext("Skip to content") == "Zum Inhalt springen"


@pytest.mark.django_db
def test_a_page_in_a_language_without_a_catalog_marks_its_english_texts(client, swahili):
    page = client.get("/sw/").content.decode()
    assert '<html lang="sw" dir="ltr">' in page
    assert '<a class="skip-link" href="#main" lang="en">Skip to content</a>' in page
    assert '<footer class="site-footer" lang="en">' in page
    assert '<form class="site-search" lang="en"' in page
    for german in GERMAN:
        assert german not in page, german


@pytest.mark.django_db
def test_a_page_with_its_own_catalog_marks_nothing(client, swahili):
    page = client.get("/de/").content.decode()
    assert '<a class="skip-link" href="#main">Zum Inhalt springen</a>' in page
    assert ' lang="en">' not in page.replace('lang="en">English<', "")


@pytest.mark.django_db
@override_settings(UI_FALLBACKS={"sw": "fr"})
def test_the_fallback_is_a_setting(client, swahili):
    page = client.get("/sw/").content.decode()
    assert '<a class="skip-link" href="#main" lang="fr">Aller au contenu</a>' in page


@pytest.mark.django_db
@override_settings(UI_FALLBACKS={"sw": "rm", "rm": "fr"})
def test_a_fallbacks_own_fallback_follows_not_the_default_language(client, swahili):
    """Swahili falls back to Romansh, which Masthead has no catalog for
    either, and Romansh to French: the page is French, as its ``lang`` says,
    not German (Django's own translation of Romansh would take the default
    language's texts)."""
    assert fallbacks.fallback_chain("sw") == ["sw", "rm", "fr", "en"]
    page = client.get("/sw/").content.decode()
    assert '<a class="skip-link" href="#main" lang="fr">Aller au contenu</a>' in page
    for german in GERMAN:
        assert german not in page, german


@override_settings(UI_FALLBACKS={"sw": "rm", "rm": "sw"})
def test_a_circle_of_fallbacks_ends_at_the_source(swahili):
    assert fallbacks.fallback_chain("sw") == ["sw", "rm", "en"]
    fallbacks.install("sw")
    with translation.override("sw"):
        assert translation.gettext("Skip to content") == "Skip to content"
