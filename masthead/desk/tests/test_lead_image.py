"""A lead image needs a description, and large files are refused."""

from django.test import override_settings
from django.urls import reverse

from masthead.articles.models import Article
from masthead.testing import form_data

from .conftest import make_png


def test_it_saves_an_image_with_its_description(post_article, client):
    response = post_article(
        lead_image_file=make_png(),
        lead_image_alt="Der Ratssaal am Dienstag",
        lead_image_caption="Der Rat tagt.",
        lead_image_credit="Jana Foto",
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.lead_image.file.name.startswith("images/")
    assert (article.lead_image.width, article.lead_image.height) == (40, 30)
    page = client.get(article.get_absolute_url()).content.decode()
    assert 'alt="Der Ratssaal am Dienstag"' in page


def test_a_portrait_photo_from_a_phone_keeps_its_shown_size(post_article, client):
    """A phone held upright stores its photo sideways with EXIF orientation
    6; browsers turn it upright, so the page must reserve a portrait box."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from masthead.lib.tests.test_images import photo_from_a_phone

    photo = SimpleUploadedFile("IMG_0001.jpg", photo_from_a_phone(6, size=(60, 40)))
    response = post_article(lead_image_file=photo, lead_image_alt="Das Rathaus, hochkant")
    assert response.status_code == 302
    article = Article.objects.get()
    assert (article.lead_image.width, article.lead_image.height) == (40, 60)
    article.refresh_from_db()
    assert (article.lead_image.width, article.lead_image.height) == (40, 60)
    page = client.get(article.get_absolute_url()).content.decode()
    assert 'width="40" height="60"' in page
    assert '<meta property="og:image:width" content="40">' in page


def test_it_asks_for_a_description_of_the_image(post_article):
    response = post_article(lead_image_file=make_png(), lead_image_alt="  ", headline="Mit Bild")
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["lead_image_alt"]
    page = response.content.decode()
    assert 'id="id_lead_image_alt_error"' in page
    # A browser does not send the file again; the page says so.
    assert 'class="notice"' in page
    assert not Article.objects.exists()


def test_it_refuses_an_image_larger_than_allowed(post_article):
    image = make_png(width=60, height=60, noise=True)
    assert image.size > 2000
    with override_settings(MAX_UPLOAD_BYTES=2000):
        response = post_article(lead_image_file=image, lead_image_alt="Rauschen")
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["lead_image_file"]
    assert form.errors.as_data()["lead_image_file"][0].code == "file_too_large"
    assert 'id="id_lead_image_file_error"' in response.content.decode()
    assert not Article.objects.exists()


def test_it_refuses_a_file_that_is_not_an_image(post_article):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = post_article(
        lead_image_file=SimpleUploadedFile("lead.png", b"not an image", content_type="image/png"),
        lead_image_alt="Kaputt",
    )
    assert list(response.context["form"].errors) == ["lead_image_file"]


def test_it_keeps_the_image_when_editing_other_fields(post_article, editor_client):
    post_article(lead_image_file=make_png(), lead_image_alt="Ein Bild")
    article = Article.objects.get()
    name = article.lead_image.file.name
    response = editor_client.post(
        reverse("desk:article_edit", args=[article.pk]), form_data(article, headline="Neu")
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.lead_image.file.name == name


def test_it_asks_for_a_description_when_an_existing_image_lacks_one(post_article, editor_client):
    post_article(lead_image_file=make_png(), lead_image_alt="Ein Bild")
    article = Article.objects.get()
    response = editor_client.post(
        reverse("desk:article_edit", args=[article.pk]), form_data(article, lead_image_alt="")
    )
    assert list(response.context["form"].errors) == ["lead_image_alt"]


def test_it_removes_the_image_when_asked(post_article, editor_client):
    post_article(lead_image_file=make_png(), lead_image_alt="Ein Bild")
    article = Article.objects.get()
    response = editor_client.post(
        reverse("desk:article_edit", args=[article.pk]),
        form_data(article, lead_image_alt="", **{"lead_image_remove": "1"}),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.lead_image is None


def test_a_credit_typed_with_its_prefix_shows_it_once(post_article, client):
    response = post_article(
        lead_image_file=make_png(),
        lead_image_alt="Der Ratssaal",
        lead_image_credit="Foto: Jana Berger",
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.lead_image.credit == "Jana Berger"
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Foto: <bdi>Jana Berger</bdi>" in page
    assert "Foto: Foto:" not in page
