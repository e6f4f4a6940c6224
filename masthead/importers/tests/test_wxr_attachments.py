"""Attachments become library images fetched from their address; one
whose address is no web address is skipped, and the import goes on."""

from io import StringIO

import pytest
from django.core.management import call_command

from masthead.articles.models import Article
from masthead.media.models import Image

from .conftest import wxr_document, wxr_item

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_terminal")]


def attachment(post_id: int, address: str, parent: int = 1) -> str:
    return wxr_item(
        post_id,
        f"Bild {post_id}",
        post_type="attachment",
        status="inherit",
        parent=str(parent),
        link=f"https://news.example.org/bild-{post_id}/",
        extra=f"<wp:attachment_url>{address}</wp:attachment_url>",
    )


def test_a_featured_image_is_the_lead_image_and_a_bad_address_is_skipped(tmp_path, monkeypatch):
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    thumbnail = (
        "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
        "<wp:meta_value><![CDATA[5]]></wp:meta_value></wp:postmeta>"
    )
    items = (
        wxr_item(1, "Mit Bild", extra=thumbnail)
        + attachment(5, "https://news.example.org/wp-content/uploads/rathaus.jpg")
        + attachment(6, "file:///etc/passwd")
    )
    path = tmp_path / "export.xml"
    path.write_text(wxr_document(items))
    out = StringIO()
    call_command("import_wxr", str(path), "--no-progress", stdout=out)
    image = Image.objects.get()
    assert image.source_address == "https://news.example.org/wp-content/uploads/rathaus.jpg"
    assert Article.objects.get().lead_image == image
    assert "attachments without a web address their file can be fetched from: 1" in out.getvalue()
