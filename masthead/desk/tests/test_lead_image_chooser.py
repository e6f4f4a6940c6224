"""The article form chooses its lead image from the media library (or
uploads one into it), shows the picture itself, and asks for its alt text
in the article's language; translations, revisions and the conflict view
follow the chosen image."""

import pytest
from django.urls import reverse

from masthead.articles import services
from masthead.articles.models import Article, Revision
from masthead.media.models import Image
from masthead.testing import form_data


@pytest.fixture
def rathaus(make_image):
    return make_image(
        alt={"de": "Das Rathaus im Schnee"}, caption={"de": "Winter"}, credit="Jana Berger"
    )


def edit_url(article):
    return reverse("desk:article_edit", args=[article.pk])


def test_it_chooses_an_image_from_the_library(post_article, rathaus, client):
    response = post_article(
        lead_image=rathaus.pk,
        lead_image_alt="Das Rathaus im Schnee",
        lead_image_caption="Winter am Markt",
        lead_image_credit="Jana Berger",
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.lead_image == rathaus
    rathaus.refresh_from_db()
    assert rathaus.caption == {"de": "Winter am Markt"}
    assert Image.objects.count() == 1  # chosen, not copied
    page = client.get(article.get_absolute_url()).content.decode()
    assert 'alt="Das Rathaus im Schnee"' in page
    assert "Winter am Markt" in page
    assert "Foto: <bdi>Jana Berger</bdi>" in page


def test_the_form_shows_the_picture_and_no_bare_file_name(editor_client, make_article, rathaus):
    article = make_article(lead_image=rathaus)
    page = editor_client.get(edit_url(article)).content.decode()
    assert f'<img src="{rathaus.file.url}" width="1200" height="675"' in page
    assert 'name="lead_image_remove"' in page
    assert 'type="checkbox" name="lead_image_file-clear"' not in page  # no "Clear" box
    assert f'value="{rathaus.pk}" id="id_lead_image_{rathaus.pk}" checked' in page
    assert 'value="Das Rathaus im Schnee"' in page  # the alt text field


def test_the_alt_text_in_the_articles_language_is_required(post_article, make_image):
    english_only = make_image(alt={"en": "The town hall"})
    response = post_article(lead_image=english_only.pk, lead_image_alt="")
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["lead_image_alt"]
    assert "Beschreiben Sie das Bild auf Deutsch" in response.content.decode()
    assert not Article.objects.exists()


def test_the_alt_text_is_kept_per_language(post_article, make_image):
    image = make_image(alt={"en": "The town hall"})
    post_article(lead_image=image.pk, lead_image_alt="Das Rathaus")
    image.refresh_from_db()
    assert image.alt == {"en": "The town hall", "de": "Das Rathaus"}


def test_an_upload_from_the_form_goes_into_the_library(post_article, editor):
    from .conftest import make_png

    post_article(lead_image_file=make_png(name="markt.png"), lead_image_alt="Der Markt")
    image = Article.objects.get().lead_image
    assert image.original_name == "markt.png"
    assert image.uploaded_by == editor
    assert image.alt == {"de": "Der Markt"}


def test_the_remove_button_removes_the_lead_image(editor_client, make_article, rathaus):
    article = make_article(lead_image=rathaus)
    data = form_data(article, lead_image_remove="1")
    del data["_action"]  # the button sends only its own name
    response = editor_client.post(edit_url(article), data)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.lead_image is None
    assert Image.objects.filter(pk=rathaus.pk).exists()  # still in the library


def test_the_search_shows_pictures_without_saving(editor_client, make_article, make_image):
    article = make_article()
    harbour = make_image(name="hafen.png", alt={"de": "Der Hafen"})
    make_image(name="markt.png", alt={"de": "Der Markt"})
    response = editor_client.post(
        edit_url(article),
        form_data(article, headline="", lead_image_q="hafen", _action="find_images"),
    )
    assert response.status_code == 200
    assert [image.pk for image in response.context["chooser_images"]] == [harbour.pk]
    page = response.content.decode()
    assert 'class="form-errors"' not in page  # nothing was checked yet
    assert 'name="headline"' in page
    article.refresh_from_db()
    assert article.version == 1


def test_the_chooser_fragment_searches_for_the_script(editor_client, make_image):
    harbour = make_image(name="hafen.png", alt={"de": "Der Hafen", "en": "The harbour"})
    make_image(name="markt.png")
    response = editor_client.get(reverse("desk:media_choose"), {"q": "harbour", "language": "en"})
    assert response.status_code == 200
    page = response.content.decode()
    assert f'value="{harbour.pk}"' in page
    assert 'data-alt="The harbour"' in page
    assert "markt.png" not in page


def test_a_translation_keeps_the_picture_and_asks_for_its_alt_text(
    editor_client, make_article, rathaus, editor
):
    article = make_article(lead_image=rathaus)
    english = services.translate(article, "en", editor)
    assert english.lead_image == rathaus
    page = editor_client.get(edit_url(english)).content.decode()
    assert 'id="id_lead_image_alt" maxlength="300"' in page or 'name="lead_image_alt"' in page
    response = editor_client.post(edit_url(english), form_data(english, headline="The budget"))
    assert list(response.context["form"].errors) == ["lead_image_alt"]
    response = editor_client.post(
        edit_url(english),
        form_data(english, headline="The budget", lead_image_alt="The town hall in the snow"),
    )
    assert response.status_code == 302
    rathaus.refresh_from_db()
    assert rathaus.alt == {"de": "Das Rathaus im Schnee", "en": "The town hall in the snow"}


def test_revisions_keep_the_lead_image_and_old_ones_still_restore(
    make_article, rathaus, make_image, editor
):
    article = make_article(lead_image=rathaus)
    assert Revision.objects.get(article=article).fields["lead_image_id"] == rathaus.pk
    other = make_image(alt={"de": "Anderes Bild"})
    article.lead_image = other
    services.save_article(article, authors=article.byline_authors)
    first = article.revisions.get(number=1)
    services.restore_revision(first, editor)
    article.refresh_from_db()
    assert article.lead_image == rathaus

    # A revision from before the media library: its image fields are left out.
    Revision.objects.filter(pk=first.pk).update(
        fields={
            "slug": article.slug,
            "excerpt": "",
            "section_id": article.section_id,
            "image_alt": "Altes Bild",
            "image_caption": "",
            "image_credit": "",
            "tags": [],
            "authors": [a.pk for a in article.byline_authors],
        },
        headline="Alte Fassung",
    )
    first.refresh_from_db()
    services.restore_revision(first, editor)
    article.refresh_from_db()
    assert article.headline == "Alte Fassung"
    assert article.lead_image == rathaus


def test_a_revision_whose_image_was_deleted_restores_without_it(make_article, make_image, editor):
    image = make_image(alt={"de": "Bald weg"})
    article = make_article(lead_image=image)
    article.lead_image = None
    services.save_article(article, authors=article.byline_authors)
    image.delete()
    services.restore_revision(article.revisions.get(number=1), editor)
    article.refresh_from_db()
    assert article.lead_image is None


def test_the_conflict_view_keeps_the_chosen_picture(
    editor_client, make_article, make_image, rathaus
):
    article = make_article()
    stale = form_data(article, lead_image=rathaus.pk, lead_image_alt="Das Rathaus im Schnee")
    article.headline = "Ein Kollege war schneller"
    services.save_article(article, authors=article.byline_authors)
    response = editor_client.post(edit_url(article), stale)
    assert response.status_code == 409
    assert response.context["chosen_image"] == rathaus
    assert f'value="{rathaus.pk}" id="id_lead_image_{rathaus.pk}" checked' in (
        response.content.decode()
    )


def test_an_upload_refused_by_a_conflict_leaves_no_file(editor_client, make_article, settings):
    from .conftest import make_png
    from .test_media_bad_input import stored_files

    article = make_article()
    stale = form_data(article, lead_image_file=make_png(), lead_image_alt="Ein Bild", lead_image="")
    article.headline = "Ein Kollege war schneller"
    services.save_article(article, authors=article.byline_authors)
    response = editor_client.post(edit_url(article), stale)
    assert response.status_code == 409
    assert not Image.objects.exists()
    assert stored_files(settings) == []


def test_a_translator_chooses_but_does_not_upload(client, translator, make_article, rathaus):
    from .conftest import make_png

    article = make_article(lead_image=rathaus)
    english = services.translate(article, "en", translator)
    client.force_login(translator)
    page = client.get(edit_url(english)).content.decode()
    assert 'name="lead_image_file"' not in page
    assert f'value="{rathaus.pk}"' in page
    response = client.post(
        edit_url(english),
        form_data(english, lead_image_alt="The town hall", lead_image_file=make_png()),
    )
    assert response.status_code == 302
    english.refresh_from_db()
    assert english.lead_image == rathaus
    assert Image.objects.count() == 1
