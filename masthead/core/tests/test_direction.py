"""Right-to-left languages: every page says its direction, and the
stylesheets lay out by start and end, never by left and right, so that a
page in Arabic mirrors as a whole."""

import re
from pathlib import Path

import pytest
from django.conf import settings

STYLESHEETS = sorted((Path(settings.BASE_DIR) / "static" / "masthead").glob("*.css"))
PHYSICAL = re.compile(
    r"(?<![\w-])(?:(?:margin|padding|border)-(?:left|right)[\w-]*|left|right)\s*:"
)


@pytest.fixture
def arabic(settings):
    settings.LANGUAGES = [("de", "Deutsch"), ("en", "English"), ("ar", "العربية")]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path, direction",
    [("/ar/", "rtl"), ("/ar/no-such-page/", "rtl"), ("/de/", "ltr"), ("/en/no-such-page/", "ltr")],
)
def test_every_reader_page_says_its_direction(client, arabic, path, direction):
    page = client.get(path).content.decode()
    language = path.split("/")[1]
    assert f'<html lang="{language}" dir="{direction}">' in page


@pytest.mark.django_db
def test_the_error_pages_without_a_database_say_it_too(client, arabic):
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override("ar"):
        assert 'dir="rtl"' in render_to_string("500.html")
        assert 'dir="rtl"' in render_to_string("503.html")


@pytest.mark.parametrize("stylesheet", STYLESHEETS, ids=lambda p: p.name)
def test_the_stylesheets_lay_out_by_start_and_end(stylesheet):
    assert STYLESHEETS
    rules = re.sub(r"/\*.*?\*/", "", stylesheet.read_text(), flags=re.S)
    found = PHYSICAL.findall(rules)
    # One exception: resetting the editor package's own "right" (desk.css).
    assert found in ([], ["padding-right:", "right:"]), found
