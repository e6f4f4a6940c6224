"""Media on this machine's disk are cached as long as files in a bucket
(a year, immutable: a stored name never gets other bytes), whether Django
serves them (SERVE_MEDIA) or the nginx front end does; with media in a
bucket, neither serves /media/."""

import re

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command

A_YEAR = "public, max-age=31536000, immutable"


@pytest.mark.django_db
def test_django_serves_an_upload_with_a_years_cache(client, png_file):
    name = default_storage.save("images/2026/01/x.png", png_file(4, 3))
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == A_YEAR
    again = client.get(f"/media/{name}", headers={"if-modified-since": response["Last-Modified"]})
    assert again.status_code == 304
    assert again["Cache-Control"] == A_YEAR


@pytest.mark.django_db
def test_the_cache_time_is_a_setting(client, settings, png_file):
    settings.MEDIA_CACHE_SECONDS = 600
    name = default_storage.save("images/x.png", png_file(4, 3))
    assert client.get(f"/media/{name}")["Cache-Control"] == "public, max-age=600, immutable"


def media_location(config: str) -> str | None:
    found = re.search(r"location /media/ \{.*?\n    \}", config, re.S)
    return found[0] if found else None


def test_the_front_end_serves_media_from_disk_with_a_years_cache(settings, tmp_path, capsys):
    settings.PAGE_FILES_DIR = tmp_path / "pages"
    call_command("frontend_config")
    location = media_location(capsys.readouterr().out)
    assert location is not None
    assert f"alias {settings.MEDIA_ROOT.resolve()}/;" in location
    assert f'add_header Cache-Control "{A_YEAR}";' in location


def test_the_front_end_leaves_media_in_a_bucket_to_the_bucket(settings, tmp_path, capsys):
    settings.PAGE_FILES_DIR = tmp_path / "pages"
    settings.MEDIA_STORAGE = "s3"
    settings.MEDIA_URL = "https://media.example.test/"
    call_command("frontend_config")
    config = capsys.readouterr().out
    assert media_location(config) is None
    assert str(settings.MEDIA_ROOT) not in config
