"""What a newsroom uploads by mistake, or from a camera nobody expected:
each file gets a clear message in the editor's language (or is taken as
the image it is), nothing is half-stored, and no file is left behind
without its row – in the media library's upload and in the article form."""

from io import BytesIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError
from django.urls import reverse
from PIL import Image as PillowImage

from masthead.articles.models import Article
from masthead.audit.models import AuditEntry
from masthead.lib.tests.test_images import PDF, image_bytes, png_header_only
from masthead.media import services as media_services
from masthead.media.models import Image


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def cmyk_jpeg() -> bytes:
    buffer = BytesIO()
    PillowImage.new("CMYK", (40, 30), (0, 80, 80, 10)).save(buffer, "JPEG")
    return buffer.getvalue()


def animated_gif() -> bytes:
    frames = [PillowImage.new("P", (40, 30), colour) for colour in (1, 50, 100)]
    buffer = BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    return buffer.getvalue()


def png_16_bit() -> bytes:
    buffer = BytesIO()
    PillowImage.new("I;16", (40, 30), 40000).save(buffer, "PNG")
    return buffer.getvalue()


def truncated_jpeg() -> bytes:
    return image_bytes("JPEG", size=(200, 200), quality=95)[:-400]


def stored_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def post_upload(client, *files, **fields):
    return client.post(reverse("desk:media_upload"), {"files": list(files), **fields})


REFUSED = {
    "not-an-image": (lambda: upload("bericht.jpg", PDF), "unsupported_image_format"),
    "30000x30000": (
        lambda: upload("riesig.png", png_header_only(30_000, 30_000)),
        "image_too_large",
    ),
    "truncated": (lambda: upload("halb.jpg", truncated_jpeg()), "damaged_image"),
}

ACCEPTED = {
    "cmyk-jpeg": (lambda: upload("druck.jpg", cmyk_jpeg()), ".jpg"),
    "animated-gif": (lambda: upload("bewegt.gif", animated_gif()), ".gif"),
    "16-bit-png": (lambda: upload("tief.png", png_16_bit()), ".png"),
}


# The media library's upload


@pytest.mark.parametrize("case", list(REFUSED))
def test_the_library_refuses_with_a_message(editor_client, settings, case):
    make, _code = REFUSED[case]
    response = post_upload(editor_client, make())
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()["files"]
    assert errors[0].code == "file_refused"
    page = response.content.decode()
    assert "Es wurde nichts hochgeladen." in page
    assert not Image.objects.exists()
    assert stored_files(settings) == []


def test_the_messages_are_in_the_editors_language(editor_client):
    german = post_upload(editor_client, upload("bericht.jpg", PDF)).content.decode()
    assert "„bericht.jpg“: Diese Datei ist kein Bild" in german
    editor_client.post(reverse("set_language"), {"language": "en"})
    english = post_upload(editor_client, upload("bericht.jpg", PDF)).content.decode()
    assert "“bericht.jpg”: This file is not an image" in english
    assert "Upload a JPEG, PNG, GIF, WebP" in english


@pytest.mark.parametrize("case", list(ACCEPTED))
def test_the_library_takes_real_images_of_every_kind(editor_client, case):
    make, extension = ACCEPTED[case]
    response = post_upload(editor_client, make())
    assert response.status_code == 302
    image = Image.objects.get()
    assert image.file.name.endswith(extension)
    assert (image.width, image.height) == (40, 30)
    assert image.file_size == image.file.size > 0


def test_one_bad_file_among_several_stores_none(editor_client, settings):
    from .conftest import make_png

    response = post_upload(editor_client, make_png(name="gut.png"), upload("schlecht.jpg", PDF))
    assert response.status_code == 200
    assert "„schlecht.jpg“" in response.content.decode()
    assert not Image.objects.exists()
    assert stored_files(settings) == []


@pytest.mark.parametrize(
    "name, kept",
    [
        ("../../etc/x.jpg", "x.jpg"),
        ("C:\\x\\y.jpg", "y.jpg"),
        ("a" * 296 + ".jpg", "a" * 251 + ".jpg"),
    ],
    ids=["relative-path", "windows-path", "300-characters"],
)
def test_a_name_with_a_path_or_300_characters_is_stored_harmlessly(
    editor_client, settings, name, kept
):
    content = image_bytes("JPEG")
    response = post_upload(editor_client, SimpleUploadedFile(name, content))
    assert response.status_code == 302
    image = Image.objects.get()
    assert image.original_name in (kept, kept[-255:])
    assert len(image.original_name) <= 255
    stored = Path(settings.MEDIA_ROOT) / image.file.name
    assert stored.is_file()
    assert stored.resolve().is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert image.file.name.startswith("images/")
    assert len(image.file.name) <= 255
    assert "\\" not in image.file.name and ".." not in image.file.name


def test_the_service_takes_the_name_apart_itself(db):
    """Django's uploads drop folders already; a file from an importer or the
    shell may not have."""
    assert media_services.original_name("../../etc/x.jpg") == "x.jpg"
    assert media_services.original_name("C:\\x\\y.jpg") == "y.jpg"
    assert len(media_services.original_name("b" * 300 + ".jpeg")) == 255
    assert media_services.original_name("b" * 300 + ".jpeg").endswith(".jpeg")
    assert media_services.original_name("..") == "image"


def test_a_failed_database_write_leaves_no_file(editor_client, settings, monkeypatch):
    from .conftest import make_png

    def fail(*args, **kwargs):
        raise DatabaseError("the disk is full")

    # The row is written, then the save fails (as a full disk would).
    monkeypatch.setattr(Image, "full_clean", fail)
    # The database failing, the newsroom gets the "come back soon" page.
    response = post_upload(editor_client, make_png(name="a.png"), make_png(name="b.png"))
    assert response.status_code == 503
    assert not Image.objects.exists()
    assert stored_files(settings) == []


def test_a_failure_after_the_first_of_several_files_leaves_no_file(db, settings, monkeypatch):
    from .conftest import make_png

    calls = []
    real = media_services.add_image

    def second_fails(file, user=None, **metadata):
        calls.append(file)
        if len(calls) == 2:
            raise DatabaseError("the connection broke")
        return real(file, user, **metadata)

    monkeypatch.setattr(media_services, "add_image", second_fails)
    with pytest.raises(DatabaseError):
        media_services.add_images([make_png(name="a.png"), make_png(name="b.png")])
    assert not Image.objects.exists()
    assert stored_files(settings) == []


# The article form's upload


@pytest.mark.parametrize("case", list(REFUSED))
def test_the_article_form_refuses_with_a_message(post_article, settings, case):
    make, code = REFUSED[case]
    response = post_article(lead_image_file=make(), lead_image_alt="Ein Bild")
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["lead_image_file"]
    assert form.errors.as_data()["lead_image_file"][0].code == code
    assert not Article.objects.exists()
    assert not Image.objects.exists()
    assert stored_files(settings) == []


@pytest.mark.parametrize("case", list(ACCEPTED))
def test_the_article_form_takes_real_images_of_every_kind(post_article, case):
    make, extension = ACCEPTED[case]
    response = post_article(lead_image_file=make(), lead_image_alt="Ein Bild")
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.lead_image.file.name.endswith(extension)
    assert article.lead_image.alt == {"de": "Ein Bild"}


def test_a_failed_article_save_leaves_no_image_behind(post_article, settings, monkeypatch):
    """The image is stored, then the article's save fails: neither the row
    nor the file stays."""
    from masthead.articles import services

    from .conftest import make_png

    def fail(*args, **kwargs):
        raise DatabaseError("the connection broke")

    monkeypatch.setattr(services, "_keep_revision", fail)
    response = post_article(lead_image_file=make_png(), lead_image_alt="Ein Bild")
    assert response.status_code == 503
    assert not Article.objects.exists()
    assert not Image.objects.exists()
    assert stored_files(settings) == []


def test_a_refused_publish_leaves_no_image_behind(post_article, settings, monkeypatch):
    """The article and its image are saved, then publishing refuses (a
    validation error from the service): the page shows the error, and the
    uploaded file goes with the rolled-back rows."""
    from django.core.exceptions import ValidationError

    from masthead.articles import services

    from .conftest import make_png

    def refuse(*args, **kwargs):
        raise ValidationError("Nicht jetzt.")

    monkeypatch.setattr(services, "publish", refuse)
    response = post_article(lead_image_file=make_png(), lead_image_alt="Ein Bild")
    assert response.status_code == 200
    assert "Nicht jetzt." in response.content.decode()
    assert not Article.objects.exists()
    assert not Image.objects.exists()
    assert stored_files(settings) == []
    assert not AuditEntry.objects.filter(action__in=["create", "publish"]).exists()
