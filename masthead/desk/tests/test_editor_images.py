"""The body editor's JSON endpoints: searching the library, and uploading
a picture dropped or pasted into the text (masthead/desk/figures.py)."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from masthead.articles.tests.pictures import image_bytes, make_image
from masthead.media.models import Image
from masthead.testing import client_for

pytestmark = pytest.mark.django_db

SEARCH = reverse("desk:editor_image_search")
UPLOAD = reverse("desk:editor_image_upload")


def upload(client, content=None, name="rathaus.jpg", **fields):
    data = {
        "file": SimpleUploadedFile(name, image_bytes() if content is None else content),
        "language": "de",
        "alt": "Das Rathaus am Markt",
        "caption": "Das Rathaus",
        "credit": "Foto: Anna Berg",
        **fields,
    }
    return client.post(UPLOAD, data)


def files_under(path):
    return [p for p in path.rglob("*") if p.is_file()] if path.exists() else []


def test_a_reporter_uploads_a_picture_with_its_alt_text(reporter, settings):
    response = upload(client_for(reporter))
    assert response.status_code == 201
    data = response.json()
    image = Image.objects.get(pk=data["id"])
    assert image.alt == {"de": "Das Rathaus am Markt"}
    assert image.caption == {"de": "Das Rathaus"}
    assert image.credit == "Anna Berg"  # the page writes "Foto:" itself
    assert image.uploaded_by == reporter
    assert (image.width, image.height) == (1600, 900)
    assert data == {
        "id": image.pk,
        "thumbnail": image.file.url,
        "width": 1600,
        "height": 900,
        "alt": "Das Rathaus am Markt",
        "caption": "Das Rathaus",
        "credit": "Anna Berg",
        "name": "rathaus.jpg",
    }


def test_the_alt_text_is_required(reporter, settings):
    response = upload(client_for(reporter, "de"), alt="  ")
    assert response.status_code == 400
    assert response.json()["error"] == (
        "Bitte das Bild für Menschen beschreiben, die es nicht sehen können."
    )
    assert not Image.objects.exists()
    assert files_under(settings.MEDIA_ROOT) == []


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"%PDF-1.4 not an image", "bericht.pdf", "This file is not an image"),
        (image_bytes()[:2000], "abgeschnitten.jpg", "This image is damaged or incomplete"),
        (b"", "leer.jpg", "The file is empty"),
    ],
)
def test_bad_files_are_refused_with_a_clear_message(reporter, settings, content, name, message):
    response = upload(client_for(reporter), content, name)
    assert response.status_code == 400
    assert response.json()["error"].startswith(message)
    assert not Image.objects.exists()
    assert files_under(settings.MEDIA_ROOT) == []


def test_a_file_too_large_is_refused_in_the_editors_language(reporter, settings):
    settings.MAX_UPLOAD_BYTES = 1000
    response = upload(client_for(reporter, "de"))
    assert response.status_code == 400
    assert response.json()["error"].startswith("Diese Datei ist zu groß")


def test_a_path_in_the_file_name_is_dropped(reporter):
    response = upload(client_for(reporter), name="../../etc/" + "x" * 300 + ".jpg")
    assert response.status_code == 201
    image = Image.objects.get()
    assert "/" not in image.original_name and ".." not in image.original_name
    assert len(image.original_name) <= 255
    assert image.file.name.startswith("images/")


def test_a_translator_may_not_upload(translator, settings):
    response = upload(client_for(translator))
    assert response.status_code == 403
    assert not Image.objects.exists()


def test_an_upload_needs_the_csrf_token(reporter):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reporter)
    response = upload(client)
    assert response.status_code == 403
    assert not Image.objects.exists()


def test_an_upload_with_the_csrf_token_goes_through(reporter):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reporter)
    client.get(reverse("desk:article_create"))
    token = client.cookies["csrftoken"].value
    response = client.post(
        UPLOAD,
        {"file": SimpleUploadedFile("a.jpg", image_bytes()), "language": "de", "alt": "A"},
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 201


def test_signed_out_visitors_are_sent_to_sign_in(client):
    assert client.get(SEARCH).status_code == 302
    assert upload(client).status_code == 302


def test_a_search_finds_pictures_by_caption_alt_credit_and_name(reporter):
    council = make_image("rat.jpg", caption={"de": "Die Sitzung"}, credit="Anna Berg")
    harbour = make_image(
        "hafen.jpg", alt={"de": "Der Hafen", "en": "The harbour"}, caption={}, credit="dpa"
    )
    client = client_for(reporter)

    def ids(**query):
        return [found["id"] for found in client.get(SEARCH, query).json()["results"]]

    assert ids() == [harbour.pk, council.pk]  # newest first
    assert ids(q="sitzung") == [council.pk]
    assert ids(q="hafen") == [harbour.pk]
    assert ids(q="harbour", language="en") == [harbour.pk]
    assert ids(q="harbour", language="de") == []
    assert ids(q="berg") == [council.pk]
    assert ids(q="nichts") == []


def test_a_search_answers_in_the_articles_language(reporter):
    image = make_image(alt={"de": "Der Ratssaal", "en": "The council chamber"})
    data = client_for(reporter).get(SEARCH, {"language": "en"}).json()
    assert data["results"][0]["alt"] == "The council chamber"
    assert data["results"][0]["id"] == image.pk


def test_a_search_pages(reporter, settings):
    from masthead.desk import figures

    images = [make_image(f"{n}.jpg") for n in range(figures.PER_PAGE + 2)]
    client = client_for(reporter)
    first = client.get(SEARCH).json()
    assert len(first["results"]) == figures.PER_PAGE and first["next"] == 2
    second = client.get(SEARCH, {"page": 2}).json()
    assert [r["id"] for r in second["results"]] == [images[1].pk, images[0].pk]
    assert second["next"] is None


def test_the_editor_asks_for_the_pictures_it_shows_by_id(reporter):
    first, second, _other = make_image("a.jpg"), make_image("b.jpg"), make_image("c.jpg")
    client = client_for(reporter)
    response = client.get(SEARCH, {"ids": f"{first.pk},{second.pk},x,99999"})
    assert sorted(r["id"] for r in response.json()["results"]) == [first.pk, second.pk]


@pytest.mark.parametrize(
    "role", ["contributor", "reporter", "editor", "translator", "administrator"]
)
def test_everyone_in_the_newsroom_may_search(persona, role):
    make_image()
    response = client_for(persona(role)).get(SEARCH)
    assert response.status_code == 200
    assert len(response.json()["results"]) == 1


def test_a_gif_upload_is_kept_as_a_gif(reporter):
    buffer = BytesIO()
    from PIL import Image as PILImage

    PILImage.new("P", (10, 10)).save(buffer, "GIF")
    response = upload(client_for(reporter), buffer.getvalue(), "x.jpg")
    assert response.status_code == 201
    assert Image.objects.get().file.name.endswith(".gif")
