"""Uploads are stored under the extension of the format their bytes are in,
refused when they are no image the site shows, and served as images that
browsers never sniff or run – on every path that stores one."""

import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from masthead.articles.models import Article
from masthead.lib.tests.test_images import EPS, HTML, PDF, SVG, image_bytes

from .conftest import make_png


def as_upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@pytest.mark.parametrize("name", ["x.pdf", "x.ps"])
def test_a_png_named_otherwise_is_stored_and_served_as_png(post_article, client, name):
    response = post_article(lead_image_file=make_png(name=name), lead_image_alt="Ein Bild")
    assert response.status_code == 302
    article = Article.objects.get()
    assert re.search(r"/x-[0-9a-f]{8}\.png$", article.lead_image.file.name)
    assert (article.lead_image.width, article.lead_image.height) == (40, 30)

    client.logout()
    served = client.get(article.lead_image.file.url)
    assert served.status_code == 200
    assert served["Content-Type"] == "image/png"
    assert served["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in served["Content-Security-Policy"]
    assert b"".join(served.streaming_content).startswith(b"\x89PNG")


@pytest.mark.parametrize("content", [PDF, EPS, SVG, HTML], ids=["pdf", "postscript", "svg", "html"])
@pytest.mark.parametrize("language", ["de", "en"])
def test_a_document_named_like_an_image_is_refused(post_article, content, language, settings):
    settings.LANGUAGE_CODE = language
    with translation.override(language):
        response = post_article(
            lead_image_file=as_upload("x.png", content), lead_image_alt="Kein Bild"
        )
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["lead_image_file"]
    assert 'id="id_lead_image_file_error"' in response.content.decode()
    assert not Article.objects.exists()


def test_the_message_names_the_formats_in_the_editors_language(post_article, editor_client):
    response = post_article(lead_image_file=as_upload("x.png", EPS), lead_image_alt="Kein Bild")
    page = response.content.decode()
    assert "Laden Sie ein Bild im Format JPEG, PNG, GIF, WebP" in page
    editor_client.post(reverse("set_language"), {"language": "en"})
    response = post_article(lead_image_file=as_upload("x.png", EPS), lead_image_alt="No image")
    assert "Upload a JPEG, PNG, GIF, WebP" in response.content.decode()


def test_a_truncated_image_is_refused(post_article):
    content = image_bytes("JPEG", size=(200, 200), quality=95)
    response = post_article(
        lead_image_file=as_upload("x.jpg", content[:-400]), lead_image_alt="Halb"
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["lead_image_file"]
    assert not Article.objects.exists()


def test_the_admin_points_at_a_library_image(admin_client, make_article, make_image):
    """The admin chooses the lead image by its number; uploads go through
    the media library, which checks them."""
    article = make_article("Mit Bild", slug="mit-bild")
    image = make_image(alt={"de": "Ein Bild"})
    data = {
        "headline": article.headline,
        "slug": article.slug,
        "standfirst": "",
        "body": "<p>Text</p>",
        "excerpt": "",
        "section": article.section_id,
        "lead_image": image.pk,
        "corrections-TOTAL_FORMS": "0",
        "corrections-INITIAL_FORMS": "0",
    }
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = admin_client.post(url, data)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.lead_image == image


def test_a_save_outside_any_form_renames_and_refuses(db):
    """Importers, the demo loader and the shell save the model directly."""
    from django.core.exceptions import ValidationError

    from masthead.media.models import Image

    image = Image()
    image.file.save("import.pdf", ContentFile(image_bytes("WEBP")), save=False)
    assert image.file.name.endswith("/import.webp")
    other = Image(file=ContentFile(PDF, name="import.png"))
    with pytest.raises(ValidationError):
        other.save()


def test_a_file_stored_under_another_name_is_only_a_download(client, settings):
    """Files saved before uploads were checked are never shown as a page."""
    folder = settings.MEDIA_ROOT / "articles" / "2026" / "01"
    folder.mkdir(parents=True)
    (folder / "old.pdf").write_bytes(make_png().read())
    served = client.get("/media/articles/2026/01/old.pdf")
    assert served.status_code == 200
    assert served["Content-Type"] == "application/octet-stream"
    assert served["Content-Disposition"] == "attachment"
    assert served["X-Content-Type-Options"] == "nosniff"
