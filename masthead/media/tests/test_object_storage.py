"""Media in an S3-compatible bucket (MEDIA_STORAGE=s3, masthead/lib/storage.py),
against moto's S3 server started by the tests (the ``s3_media`` fixture in
conftest.py): uploads land in the bucket, checked as on disk, with the
type of their real format and a year's cache, and readers get them from
the media host."""

from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from PIL import Image as Picture

from masthead.media.models import Image

pytestmark = [pytest.mark.s3, pytest.mark.django_db]

A_YEAR = "public, max-age=31536000, immutable"


def image_bytes(kind="PNG", size=(40, 30)) -> bytes:
    buffer = BytesIO()
    Picture.new("RGB", size, (200, 40, 40)).save(buffer, kind)
    return buffer.getvalue()


def upload(name="Rathaus.png", data=None, content_type="image/png"):
    return SimpleUploadedFile(name, image_bytes() if data is None else data, content_type)


def test_it_stores_an_uploaded_image_in_the_bucket(s3_media, reporter):
    # The browser's word for the type counts for nothing: the bytes do.
    image = Image.objects.create(
        file=upload("Rathaus.pdf", content_type="text/html"), uploaded_by=reporter
    )
    (key,) = s3_media.keys()
    assert key == image.file.name
    assert key.startswith("images/") and key.endswith("/Rathaus.png")
    stored = s3_media.head(key)
    assert stored["ContentType"] == "image/png"
    assert stored["CacheControl"] == A_YEAR
    assert s3_media.read(key) == image_bytes()
    assert (image.width, image.height) == (40, 30)


def test_an_upload_is_written_once_and_not_read_back(s3_media):
    """Its width and height come from the bytes in hand: reading them back
    would download the whole image again in the request."""
    calls = []
    events = default_storage.connection.meta.client.meta.events
    events.register("before-call.s3", lambda model, **kwargs: calls.append(model.name))
    Image.objects.create(file=upload())
    # HeadObject: is the name free?
    assert calls == ["HeadObject", "PutObject"]


def test_readers_get_it_from_the_media_host(s3_media):
    image = Image.objects.create(file=upload())
    assert image.file.url == f"https://media.example.test/{image.file.name}"
    # Plain addresses that do not expire: pages are cached whole.
    assert "?" not in image.file.url


def test_a_name_in_use_is_never_overwritten(s3_media):
    first = Image.objects.create(file=upload())
    other = image_bytes(size=(20, 20))
    second = Image.objects.create(file=upload(data=other))
    assert first.file.name != second.file.name
    assert s3_media.read(first.file.name) == image_bytes()
    assert s3_media.read(second.file.name) == other


def test_a_file_that_is_not_an_image_is_refused_by_the_bucket_too(s3_media):
    with pytest.raises(ValidationError) as refused, transaction.atomic():
        Image.objects.create(file=upload("Rathaus.png", data=b"<html><script>alert(1)"))
    assert refused.value.code == "unsupported_image_format"
    with pytest.raises(ValidationError):
        default_storage.save("renditions/x.webp", ContentFile(b"%PDF-1.7"))
    assert s3_media.keys() == []
    assert not Image.objects.exists()


def test_a_truncated_image_is_refused(s3_media):
    with pytest.raises(ValidationError) as refused:
        whole = image_bytes("JPEG", size=(400, 300))
        default_storage.save("images/cut.jpg", ContentFile(whole[: len(whole) // 2]))
    assert refused.value.code == "damaged_image"
    assert s3_media.keys() == []


def test_deleting_removes_the_file_from_the_bucket(s3_media):
    image = Image.objects.create(file=upload())
    name = image.file.name
    assert default_storage.exists(name)
    image.file.delete()
    assert not default_storage.exists(name)
    assert s3_media.keys() == []


@pytest.mark.parametrize(
    ("kind", "name", "media_type"),
    [("WEBP", "x.webp", "image/webp"), ("JPEG", "x.jpeg", "image/jpeg")],
)
def test_files_written_through_the_storage_api_land_in_the_bucket(s3_media, kind, name, media_type):
    """As renditions are written: default_storage.save() with the bytes."""
    saved = default_storage.save(f"renditions/7/{name}", ContentFile(image_bytes(kind)))
    assert s3_media.keys() == [saved]
    stored = s3_media.head(saved)
    assert stored["ContentType"] == media_type
    assert stored["CacheControl"] == A_YEAR
    with default_storage.open(saved) as f:
        assert f.read() == image_bytes(kind)
    assert default_storage.url(saved) == f"https://media.example.test/{saved}"


def test_files_can_be_made_public_by_an_acl_where_the_bucket_wants_one(s3_media, settings):
    """S3_ACL=public-read for providers that use per-file ACLs instead of a
    bucket policy (README.md, "Media in a bucket")."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            **settings.STORAGES["default"],
            "OPTIONS": {**settings.STORAGES["default"]["OPTIONS"], "default_acl": "public-read"},
        },
    }
    saved = default_storage.save("images/open.png", ContentFile(image_bytes()))
    grants = s3_media.client.get_object_acl(Bucket=s3_media.name, Key=saved)["Grants"]
    assert any(
        grant["Grantee"].get("URI") == "http://acs.amazonaws.com/groups/global/AllUsers"
        and grant["Permission"] == "READ"
        for grant in grants
    )


def test_without_a_media_host_readers_get_files_from_the_bucket(s3_media, settings, s3_server):
    """As a browser would, with the bucket policy README.md ("Media in a
    bucket") tells operators to set: the plain address answers with the
    image, its type and a year's cache."""
    import json
    from urllib.request import urlopen

    read_by_anyone = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "PublicRead",
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{s3_media.name}/*",
            }
        ],
    }
    s3_media.client.put_bucket_policy(Bucket=s3_media.name, Policy=json.dumps(read_by_anyone))
    settings.MEDIA_URL = f"{s3_server}/{s3_media.name}/"
    settings.STORAGES = {**settings.STORAGES}  # a new storage, reading MEDIA_URL
    image = Image.objects.create(file=upload())
    assert image.file.url == f"{s3_server}/{s3_media.name}/{image.file.name}"
    with urlopen(image.file.url, timeout=10) as response:
        assert response.headers["Content-Type"] == "image/png"
        assert response.headers["Cache-Control"] == A_YEAR
        assert response.read() == image_bytes()
