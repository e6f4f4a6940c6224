"""Where media are kept and where readers get them from, as the environment
says (README.md, "Media storage"): on disk by default, in an S3-compatible
bucket with MEDIA_STORAGE=s3, from a media host (a CDN) with MEDIA_HOST;
the Content-Security-Policy lets pages show images from there."""

import runpy

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured

MEDIA_VARIABLES = (
    "MEDIA_STORAGE", "MEDIA_HOST", "MEDIA_CACHE_SECONDS", "SERVE_MEDIA", "S3_BUCKET",
    "S3_ENDPOINT_URL", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_ACL",
    "S3_ADDRESSING_STYLE",
)  # fmt: skip


@pytest.fixture
def configured(monkeypatch, tmp_path):
    """``configured(NAME=value, …)``: the settings masthead/settings.py makes
    from that environment, read afresh."""
    monkeypatch.setenv("MASTHEAD_VAR_DIR", str(tmp_path))

    def read(**env) -> dict:
        for name in MEDIA_VARIABLES:
            monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        return runpy.run_path(str(django_settings.BASE_DIR / "settings.py"))

    return read


def img_src(configuration) -> list[str]:
    return configuration["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"]


def test_media_are_on_this_machines_disk_by_default(configured):
    default = configured()
    assert default["STORAGES"]["default"] == {"BACKEND": "masthead.lib.images.ImageStorage"}
    assert default["MEDIA_URL"] == "/media/"
    assert default["SERVE_MEDIA"] is True
    assert img_src(default) == ["'self'", "data:", "https:"]


def test_a_media_host_in_front_of_the_disk(configured):
    cdn = configured(MEDIA_HOST="https://cdn.example.org", SERVE_MEDIA="false")
    assert cdn["MEDIA_URL"] == "https://cdn.example.org/media/"
    assert "https://cdn.example.org" in img_src(cdn)


def test_media_in_a_bucket_are_read_from_the_media_host(configured):
    bucket = configured(
        MEDIA_STORAGE="s3",
        S3_BUCKET="kurier-media",
        S3_ENDPOINT_URL="https://fsn1.your-objectstorage.com",
        S3_REGION="fsn1",
        S3_ACCESS_KEY_ID="key",
        S3_SECRET_ACCESS_KEY="secret",
        MEDIA_HOST="https://media.kurier.example",
    )
    storage = bucket["STORAGES"]["default"]
    assert storage["BACKEND"] == "masthead.lib.storage.S3ImageStorage"
    assert storage["OPTIONS"] == {
        "bucket_name": "kurier-media",
        "endpoint_url": "https://fsn1.your-objectstorage.com",
        "region_name": "fsn1",
        "access_key": "key",
        "secret_key": "secret",
        "default_acl": None,
        "addressing_style": None,
    }
    assert bucket["MEDIA_URL"] == "https://media.kurier.example/"
    # The bucket serves them, not the site.
    assert bucket["SERVE_MEDIA"] is False
    assert "https://media.kurier.example" in img_src(bucket)


def test_without_a_media_host_readers_get_them_from_the_bucket(configured):
    minio = configured(MEDIA_STORAGE="s3", S3_BUCKET="media", S3_ENDPOINT_URL="http://minio:9000")
    assert minio["MEDIA_URL"] == "http://minio:9000/media/"
    # An http address is not covered by "https:": it is named.
    assert "http://minio:9000" in img_src(minio)
    aws = configured(MEDIA_STORAGE="s3", S3_BUCKET="media", S3_REGION="eu-central-1")
    assert aws["MEDIA_URL"] == "https://media.s3.eu-central-1.amazonaws.com/"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"MEDIA_STORAGE": "s3"}, "S3_BUCKET"),
        ({"MEDIA_STORAGE": "ftp"}, "MEDIA_STORAGE must be local or s3"),
        ({"MEDIA_HOST": "cdn.example.org"}, "MEDIA_HOST must be like https://example.org"),
        ({"MEDIA_HOST": "https://example.org/media"}, "MEDIA_HOST must be like"),
    ],
)
def test_a_wrong_setting_is_named(configured, env, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        configured(**env)


@pytest.mark.django_db
def test_reader_pages_may_show_images_from_the_media_host(client, settings, configured):
    settings.CONTENT_SECURITY_POLICY = configured(MEDIA_HOST="http://media.example.test:9000")[
        "CONTENT_SECURITY_POLICY"
    ]
    policy = client.get("/de/")["Content-Security-Policy"]
    (directive,) = [d for d in policy.split(";") if d.strip().startswith("img-src")]
    assert "http://media.example.test:9000" in directive.split()
