"""The media library in the newsroom: the grid, its search and filters,
paging, uploading, describing an image per language, and deleting one that
no article uses."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from masthead.audit.models import AuditEntry
from masthead.desk import media
from masthead.media.models import Image

from .conftest import make_png


def grid(response) -> list[int]:
    return [image.pk for image in response.context["page"].object_list]


@pytest.fixture
def library(make_image, reporter, editor):
    """Four pictures: two by ron the reporter, two by eda the editor."""
    return {
        "rathaus": make_image(
            1200,
            675,
            name="rathaus-2026.png",
            user=reporter,
            alt={"de": "Das Rathaus im Schnee", "en": "The town hall in the snow"},
            caption={"de": "Winter im Zentrum"},
            credit="Jana Berger",
        ),
        "portrait": make_image(
            300, 600, name="buergermeisterin.png", user=reporter, alt={"en": "The mayor"}
        ),
        "square": make_image(500, 500, name="logo.png", user=editor, credit="Stadtarchiv"),
        "hafen": make_image(
            800, 400, name="hafen.png", user=editor, caption={"en": "The harbour at dawn"}
        ),
    }


def test_it_shows_every_image_newest_first(editor_client, library):
    response = editor_client.get(reverse("desk:media"))
    assert response.status_code == 200
    assert grid(response) == [i.pk for i in reversed(list(library.values()))]
    page = response.content.decode()
    assert 'aria-current="page"' in page and reverse("desk:media") in page
    rathaus = library["rathaus"]
    assert f'src="{rathaus.file.url}" width="1200" height="675"' in page
    assert 'alt="Das Rathaus im Schnee"' in page


@pytest.mark.parametrize(
    "query, found",
    [
        ("schnee", ["rathaus"]),  # German alt text
        ("SNOW", ["rathaus"]),  # English alt text, any case
        ("Zentrum", ["rathaus"]),  # caption
        ("harbour", ["hafen"]),  # English caption
        ("archiv", ["square"]),  # credit
        ("buergermeisterin", ["portrait"]),  # file name
        ("de", []),  # a language code is no text
        ("nirgends", []),
    ],
)
def test_it_searches_descriptions_captions_credits_and_names(editor_client, library, query, found):
    response = editor_client.get(reverse("desk:media"), {"q": query})
    assert sorted(grid(response)) == sorted(library[key].pk for key in found)
    if not found:
        assert "Keine Bilder passen zu diesen Filtern." in response.content.decode()


def test_it_filters_by_uploader(client, reporter, library):
    client.force_login(reporter)
    response = client.get(reverse("desk:media"), {"uploaded": "me"})
    assert sorted(grid(response)) == sorted([library["rathaus"].pk, library["portrait"].pk])


def test_it_filters_used_and_unused(editor_client, library, make_article):
    make_article(lead_image=library["hafen"])
    used = editor_client.get(reverse("desk:media"), {"use": "used"})
    assert grid(used) == [library["hafen"].pk]
    unused = editor_client.get(reverse("desk:media"), {"use": "unused"})
    assert library["hafen"].pk not in grid(unused)
    assert len(grid(unused)) == 3


@pytest.mark.parametrize(
    "orientation, keys",
    [("landscape", ["rathaus", "hafen"]), ("portrait", ["portrait"]), ("square", ["square"])],
)
def test_it_filters_by_orientation(editor_client, library, orientation, keys):
    response = editor_client.get(reverse("desk:media"), {"orientation": orientation})
    assert sorted(grid(response)) == sorted(library[k].pk for k in keys)


def test_it_pages_by_cursor_and_keeps_the_filters(editor_client, make_image, monkeypatch):
    monkeypatch.setattr(media, "PER_PAGE", 2)
    now = timezone.now()
    images = []
    for n in range(5):
        image = make_image(40, 30, name=f"bild-{n}.png", credit="Agentur")
        Image.objects.filter(pk=image.pk).update(uploaded_at=now - timedelta(minutes=n))
        images.append(image.pk)
    first = editor_client.get(reverse("desk:media"), {"q": "Agentur"})
    assert grid(first) == images[:2]
    older = first.context["page"].older
    assert "q=Agentur" in older
    second = editor_client.get(reverse("desk:media") + older)
    assert grid(second) == images[2:4]
    third = editor_client.get(reverse("desk:media") + second.context["page"].older)
    assert grid(third) == images[4:]
    assert editor_client.get(reverse("desk:media"), {"before": "kaputt"}).status_code == 404


def test_it_says_when_the_library_is_empty(editor_client):
    page = editor_client.get(reverse("desk:media")).content.decode()
    assert "In der Mediathek sind noch keine Bilder." in page


# Uploading


def test_it_uploads_one_image_with_its_description(editor_client, editor):
    response = editor_client.post(
        reverse("desk:media_upload"),
        {
            "files": [make_png(name="Rathaus Nacht.png")],
            "alt_de": "Das Rathaus bei Nacht",
            "alt_en": "The town hall at night",
            "caption_de": "Nachts im Zentrum",
            "caption_en": "",
            "credit": "Foto: Jana Berger",
            "source": "Eigene Aufnahme",
            "licence": "CC BY 4.0",
        },
    )
    image = Image.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("desk:media_edit", args=[image.pk])
    assert image.alt == {"de": "Das Rathaus bei Nacht", "en": "The town hall at night"}
    assert image.caption == {"de": "Nachts im Zentrum"}
    assert image.credit == "Jana Berger"  # the page adds "Foto:"
    assert (image.source, image.licence) == ("Eigene Aufnahme", "CC BY 4.0")
    assert image.original_name == "Rathaus Nacht.png"
    assert image.uploaded_by == editor
    assert (image.width, image.height) == (40, 30)
    assert image.file_size == image.file.size


def test_it_uploads_several_images_at_once(editor_client):
    response = editor_client.post(
        reverse("desk:media_upload"),
        {"files": [make_png(name=f"{n}.png") for n in range(3)], "credit": "Agentur"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("desk:media")
    assert Image.objects.filter(credit="Agentur").count() == 3
    assert "3 Bilder wurden der Mediathek hinzugefügt." in response.content.decode()


def test_it_asks_for_a_file(editor_client):
    response = editor_client.post(reverse("desk:media_upload"), {"credit": "Agentur"})
    assert response.status_code == 200
    assert "files" in response.context["form"].errors
    assert not Image.objects.exists()


# One image: its page


def test_the_image_page_tells_everything_about_it(editor_client, library, make_article):
    image = library["rathaus"]
    article = make_article("Der Winter kommt", lead_image=image)
    page = editor_client.get(reverse("desk:media_edit", args=[image.pk])).content.decode()
    assert "1200 × 675 Pixel" in page
    assert "rathaus-2026.png" in page
    assert "ron" in page  # the uploader
    assert reverse("desk:article_edit", args=[article.pk]) in page
    assert "Der Winter kommt" in page
    assert 'name="alt_de" value="Das Rathaus im Schnee"' in page
    assert 'name="alt_en" value="The town hall in the snow"' in page
    assert 'name="focal_x"' in page and 'name="focal_y"' in page
    assert "desk-media.js" in page


def test_it_saves_the_description_per_language_and_the_focal_point(editor_client, library):
    image = library["hafen"]
    response = editor_client.post(
        reverse("desk:media_edit", args=[image.pk]),
        {
            "alt_de": "Der Hafen im Morgengrauen",
            "alt_en": "",
            "caption_de": "",
            "caption_en": "The harbour at dawn",
            "credit": "Foto: Lea Sommer",
            "source": "",
            "licence": "",
            "focal_x": "0.25",
            "focal_y": "0.8",
        },
    )
    assert response.status_code == 302
    image.refresh_from_db()
    assert image.alt == {"de": "Der Hafen im Morgengrauen"}
    assert image.caption == {"en": "The harbour at dawn"}
    assert image.credit == "Lea Sommer"
    assert (image.focal_x, image.focal_y) == (0.25, 0.8)


@pytest.mark.parametrize("value", ["1.5", "-0.1", "nan", "links"])
def test_it_refuses_a_focal_point_outside_the_picture(editor_client, library, value):
    image = library["hafen"]
    response = editor_client.post(
        reverse("desk:media_edit", args=[image.pk]),
        {"focal_x": value, "focal_y": "0.5", "credit": ""},
    )
    assert response.status_code == 200
    assert "focal_x" in response.context["form"].errors
    image.refresh_from_db()
    assert image.focal_x == 0.5


# Deleting


def test_an_image_an_article_uses_is_not_deleted(editor_client, library, make_article, settings):
    image = library["rathaus"]
    make_article("Der Winter kommt", lead_image=image)
    make_article("Schnee bis April", slug="schnee", lead_image=image)
    response = editor_client.post(reverse("desk:media_delete", args=[image.pk]), follow=True)
    page = response.content.decode()
    assert "Das Bild wurde nicht gelöscht: 2 Artikel verwenden es" in page
    assert "„Der Winter kommt“" in page and "„Schnee bis April“" in page
    assert Image.objects.filter(pk=image.pk).exists()
    assert (settings.MEDIA_ROOT / image.file.name).is_file()
    assert not AuditEntry.objects.filter(action="image_delete").exists()


def test_an_unused_image_is_deleted_with_its_file(
    editor_client, library, settings, django_capture_on_commit_callbacks
):
    image = library["square"]
    path = settings.MEDIA_ROOT / image.file.name
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(reverse("desk:media_delete", args=[image.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("desk:media")
    assert "„logo.png“ wurde aus der Mediathek gelöscht." in response.content.decode()
    assert not Image.objects.filter(pk=image.pk).exists()
    assert not path.exists()
    entry = AuditEntry.objects.get(action="image_delete")
    assert entry.actor_name == "eda"
    assert entry.details == {"image": image.pk, "name": "logo.png"}


def test_deleting_needs_a_post(editor_client, library):
    response = editor_client.get(reverse("desk:media_delete", args=[library["square"].pk]))
    assert response.status_code == 405


def test_an_unknown_image_is_not_found(editor_client):
    assert editor_client.get(reverse("desk:media_edit", args=[999])).status_code == 404
    assert editor_client.post(reverse("desk:media_delete", args=[999])).status_code == 404


def test_the_audit_log_shows_the_deletion(
    editor_client, library, django_capture_on_commit_callbacks
):
    image = library["square"]
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(reverse("desk:media_delete", args=[image.pk]))
    page = editor_client.get(reverse("desk:audit")).content.decode()
    assert "hat ein Bild aus der Mediathek gelöscht" in page
    assert "Dateiname" in page and "logo.png" in page
