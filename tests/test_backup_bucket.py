"""`masthead backup` and `masthead restore` on a site whose media are in a
bucket (MEDIA_STORAGE=s3, here moto's S3 server): the archive holds the
database and says the media are in the bucket; a restore brings the
database back and leaves the bucket as it is, and the restored site's
images are there. On SQLite."""

import json
import os
import tarfile
import uuid

import pytest

from tests.test_backup import _run
from tests.test_cli import _shell

pytestmark = pytest.mark.s3

UPLOAD = """
from io import BytesIO
from PIL import Image as Picture
from django.core.files.uploadedfile import SimpleUploadedFile
from masthead.media.models import Image
buffer = BytesIO()
Picture.new("RGB", (40, 30), (200, 40, 40)).save(buffer, "PNG")
image = Image.objects.create(file=SimpleUploadedFile("Rathaus.png", buffer.getvalue()))
print(image.file.name)
"""

LOOK = """
import json
from django.core.files.storage import default_storage
from masthead.media.models import Image
print(json.dumps([
    [i.file.name, i.file.url, default_storage.exists(i.file.name)] for i in Image.objects.all()
]))
"""


@pytest.fixture
def bucket_site(s3_server, tmp_path):
    """``bucket_site(name)``: the environment of a fresh site on SQLite whose
    media are in one bucket (the same for every site of the test)."""
    import boto3

    bucket = f"backup-{uuid.uuid4().hex[:12]}"
    boto3.client(
        "s3", endpoint_url=s3_server, region_name="us-east-1",
        aws_access_key_id="test", aws_secret_access_key="test",
    ).create_bucket(Bucket=bucket)  # fmt: skip

    def new(name):
        var = tmp_path / name
        env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "MEDIA_ROOT")}
        return env | {
            "MASTHEAD_VAR_DIR": str(var),
            "DATABASE_URL": f"sqlite:///{var / 'site.sqlite3'}",
            "MEDIA_STORAGE": "s3",
            "S3_BUCKET": bucket,
            "S3_ENDPOINT_URL": s3_server,
            "S3_REGION": "us-east-1",
            "S3_ACCESS_KEY_ID": "test",
            "S3_SECRET_ACCESS_KEY": "test",
            "MEDIA_HOST": "https://media.example.test",
        }

    return new


def test_a_backup_leaves_media_in_the_bucket_and_a_restore_finds_them_there(bucket_site, tmp_path):
    source = bucket_site("source")
    assert _run(source, "migrate", "--verbosity=0").returncode == 0
    name = _shell(source, UPLOAD).strip()
    archive = tmp_path / "site.tar"
    result = _run(source, "backup", str(archive))
    assert result.returncode == 0, result.stderr
    assert "The media files are in the bucket" in result.stdout
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        names = tar.getnames()
    assert manifest["media_storage"] == "s3"
    assert not [n for n in names if n.startswith("media/")]
    assert manifest["missing_media"] == []

    target = bucket_site("restored")
    result = _run(target, "restore", str(archive))
    assert result.returncode == 0, result.stderr
    assert "a restore leaves as it is" in result.stdout
    assert json.loads(_shell(target, LOOK)) == [[name, f"https://media.example.test/{name}", True]]
