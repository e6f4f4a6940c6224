"""The demo loader saves through the models, so what it stores is cleaned of
invisible control characters like everything else."""

import copy

import pytest

from masthead.core.textcleanup import MODELS, suspects
from masthead.demo import content
from masthead.demo.load import load_demo

# Keys whose values (or whose per-language values) are text readers see.
TEXT_KEYS = {"name", "bio", "headline", "standfirst", "body", "de", "en", "fr", "ar"}


def dirty(value, key=None):
    """``value`` with a vertical tab and a U+0001 in every text."""
    if isinstance(value, dict):
        # Slugs ({"de": "welt"}) stay as they are.
        return {k: dirty(v, "slug" if key == "slug" else k) for k, v in value.items()}
    if isinstance(value, list):
        return [dirty(v, key) for v in value]
    if isinstance(value, str) and key in TEXT_KEYS:
        return value.replace(" ", "\x0b", 1) + "\x01"
    return value


@pytest.mark.django_db
def test_the_demo_loader_stores_no_control_characters(monkeypatch, four_languages):
    for name in ("SECTIONS", "AUTHORS", "TAGS", "STORIES"):
        monkeypatch.setattr(content, name, dirty(copy.deepcopy(getattr(content, name))))
    assert "\x01" in content.STORIES[0]["versions"]["de"]["headline"]

    load_demo()

    for model in MODELS:
        assert model.objects.exists(), model
        assert not [obj.pk for obj in suspects(model) if obj.clean_text_fields()], model
