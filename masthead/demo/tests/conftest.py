import pytest

from masthead.media import samples

FOUR_LANGUAGES = [("de", "Deutsch"), ("en", "English"), ("fr", "Français"), ("ar", "العربية")]


@pytest.fixture
def four_languages(settings):
    """The site's content languages as `masthead demo --languages de,en,fr,ar`
    sets them."""
    settings.LANGUAGES = FOUR_LANGUAGES


@pytest.fixture
def quick_pictures(monkeypatch):
    """The showcase's photos drawn at a quarter of their size: drawing them
    takes most of a load (14 of its 19 seconds)."""
    real = samples.photo_jpeg
    monkeypatch.setattr(
        samples, "photo_jpeg", lambda width, height, seed: real(width // 4, height // 4, seed=seed)
    )
