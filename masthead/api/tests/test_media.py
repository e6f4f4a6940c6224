"""Images: readers' images to anyone, the library to a token whose member
may browse it; uploads validated as the desk's, with their renditions."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from masthead.articles.tests.pictures import image_bytes, make_image
from masthead.media import renditions
from masthead.media.models import Image

pytestmark = pytest.mark.django_db


def upload(client, headers, content=None, **fields):
    data = {"language": "de", "alt": "Der Ratssaal", "credit": "Anna Berg", **fields}
    data["file"] = SimpleUploadedFile("rat.jpg", content or image_bytes(400, 300), "image/jpeg")
    return client.post("/api/v1/media", data, **headers)


def test_anonymous_callers_see_only_images_of_public_articles(client, make_article):
    shown, hidden = make_image("gezeigt.jpg"), make_image("intern.jpg")
    make_article(lead_image=shown)
    make_article("Entwurf", status="draft", age=None, lead_image=hidden)
    assert [i["id"] for i in client.get("/api/v1/media").json()["results"]] == [shown.pk]
    assert client.get(f"/api/v1/media/{hidden.pk}").status_code == 404


def test_a_picture_still_to_be_fetched_is_in_no_answer(client, bearer, reporter, make_article):
    """An imported picture whose file is not there yet has no address to
    give: no image in the lists, and the article's lead image is null."""
    pending = Image.objects.create(source_address="https://old.example/uploads/a.jpg")
    story = make_article(lead_image=pending)
    assert client.get("/api/v1/media").json()["results"] == []
    assert client.get(f"/api/v1/media/{pending.pk}").status_code == 404
    assert client.get(f"/api/v1/articles/{story.pk}").json()["lead_image"] is None
    assert client.get("/api/v1/articles").json()["results"][0]["lead_image"] is None
    library = client.get("/api/v1/media", **bearer(reporter, "media:write")).json()
    assert pending.pk not in [i["id"] for i in library["results"]]


def test_an_image_has_its_renditions_and_their_sizes(client, make_article):
    image = make_image(width=800, height=450)
    renditions.make_renditions(image)
    make_article(lead_image=image)
    data = client.get(f"/api/v1/media/{image.pk}").json()
    assert (data["width"], data["height"]) == (800, 450)
    assert data["alt"]["de"] == "Der Ratssaal"
    assert data["renditions"]
    for rendition in data["renditions"]:
        assert rendition["url"].startswith("http://testserver/")
        assert rendition["width"] > 0 and rendition["height"] > 0 and rendition["file_size"] > 0
    article = client.get("/api/v1/articles").json()["results"][0]
    assert article["lead_image"]["renditions"] == data["renditions"]


def test_it_uploads_an_image(client, bearer, reporter):
    response = upload(client, bearer(reporter, "media:write"))
    assert response.status_code == 201, response.content
    image = Image.objects.get(pk=response.json()["id"])
    assert image.uploaded_by == reporter
    assert image.alt == {"de": "Der Ratssaal"}
    assert (image.width, image.height) == (400, 300)


def test_it_refuses_what_the_desk_refuses(client, bearer, reporter, settings):
    headers = bearer(reporter, "media:write")
    response = upload(client, headers, content=b"<?php echo 1; ?>")
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "file"
    settings.MAX_UPLOAD_BYTES = 100
    response = upload(client, headers)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "file"
    settings.MAX_UPLOAD_BYTES = 10_000_000
    assert upload(client, headers, alt="").status_code == 422
    assert upload(client, headers, alt="   ").status_code == 422
    assert upload(client, headers, language="xx").status_code == 422
    assert not Image.objects.exists()


def test_uploading_needs_the_scope_and_the_right(client, bearer, reporter, translator):
    assert upload(client, bearer(reporter, "read:drafts")).status_code == 403
    # Translators may not upload in the desk: not over the API either.
    assert upload(client, bearer(translator, "media:write")).status_code == 403
    assert upload(client, {}).status_code == 401
    assert not Image.objects.exists()


def test_an_upload_only_token_reads_its_own_uploads_not_the_library(
    client, bearer, reporter, editor
):
    from masthead.articles.tests.pictures import make_image

    someone_elses = make_image()
    Image.objects.filter(pk=someone_elses.pk).update(uploaded_by=editor)
    headers = bearer(reporter, "media:write")
    mine = upload(client, headers).json()["id"]
    listed = {image["id"] for image in client.get("/api/v1/media", **headers).json()["results"]}
    assert mine in listed
    assert someone_elses.pk not in listed
    assert client.get(f"/api/v1/media/{someone_elses.pk}", **headers).status_code == 404
