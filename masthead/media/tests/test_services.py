"""The media library's write path (masthead/media/services.py): a stored
file and its row live or die together, an image in use is not deleted, and
descriptions are kept per language."""

import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from masthead.lib.tests.test_images import PDF, image_bytes
from masthead.media import services
from masthead.media.models import Image


def files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_it_stores_the_file_under_its_real_format(db, editor):
    image = services.add_image(
        ContentFile(image_bytes("WEBP"), name="../../etc/passwd.pdf"),
        editor,
        alt={"de": "Ein Bild", "en": ""},
        credit="Foto: Jana Berger",
    )
    # images/2026/12/passwd-1f2e3d4c.webp: a random part, so that the name
    # never names other bytes, not even after the image is deleted.
    assert re.fullmatch(r"images/\d{4}/\d{2}/passwd-[0-9a-f]{8}\.webp", image.file.name)
    assert image.original_name == "passwd.pdf"
    assert image.alt == {"de": "Ein Bild"}  # empty languages are left out
    assert image.credit == "Jana Berger"
    assert image.uploaded_by == editor
    assert image.file_size == len(image_bytes("WEBP"))


def test_it_refuses_what_is_not_an_image_and_stores_nothing(db, settings):
    with pytest.raises(ValidationError):
        services.add_image(ContentFile(PDF, name="x.jpg"))
    assert not Image.objects.exists()
    assert files(settings) == []


def test_a_row_that_cannot_be_saved_takes_its_file_along(db, settings):
    with pytest.raises(ValidationError):
        services.add_image(ContentFile(image_bytes("PNG"), name="x.png"), credit="x" * 201)
    assert not Image.objects.exists()
    assert files(settings) == []


def test_an_image_in_use_is_not_deleted(db, make_image, make_article, settings):
    image = make_image()
    first = make_article("Eins", lead_image=image)
    second = make_article("Zwei", slug="zwei", lead_image=image)
    with pytest.raises(services.ImageInUse) as refused:
        services.delete_image(image)
    assert refused.value.users == [first, second]
    assert Image.objects.filter(pk=image.pk).exists()
    assert (Path(settings.MEDIA_ROOT) / image.file.name).is_file()


def test_a_deleted_images_file_goes_once_the_deletion_is_committed(
    db, make_image, settings, django_capture_on_commit_callbacks
):
    image = make_image()
    path = Path(settings.MEDIA_ROOT) / image.file.name
    with django_capture_on_commit_callbacks() as callbacks:
        services.delete_image(image)
        assert path.is_file()  # not yet: the transaction could still roll back
    for callback in callbacks:
        callback()
    assert not path.exists()


def test_describing_in_one_language_keeps_the_others(db, make_image):
    image = make_image(alt={"de": "Das Rathaus", "en": "The town hall"}, caption={"en": "Snow"})
    services.describe_image(image, "de", alt="Das alte Rathaus", caption="")
    image.refresh_from_db()
    assert image.alt == {"de": "Das alte Rathaus", "en": "The town hall"}
    assert image.caption == {"en": "Snow"}


def test_orientation(db, make_image):
    assert make_image(1200, 675).orientation == "landscape"
    assert make_image(300, 600).orientation == "portrait"
    assert make_image(500, 500).orientation == "square"
