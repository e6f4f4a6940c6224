"""Publish times: post_date_gmt when the file has it, else post_date in the
old site's time zone."""

from datetime import UTC, datetime
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from masthead.articles.models import Article

from .conftest import wxr_document, wxr_item

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_terminal")]


def run(tmp_path, items: str, *args):
    path = tmp_path / "export.xml"
    path.write_text(wxr_document(items))
    call_command("import_wxr", str(path), "--no-progress", *args, stdout=StringIO())


def test_it_takes_the_utc_time(tmp_path):
    run(tmp_path, wxr_item(1, "Eins", date="2024-05-02 12:00:00", date_gmt="2024-05-02 10:00:00"))
    assert Article.objects.get().publish_at == datetime(2024, 5, 2, 10, 0, tzinfo=UTC)


def test_without_it_the_local_time_in_the_site_s_zone(tmp_path):
    item = wxr_item(1, "Eins", date="2024-05-02 12:00:00", date_gmt="0000-00-00 00:00:00")
    run(tmp_path, item, "--time-zone", "America/New_York")
    assert Article.objects.get().publish_at == datetime(2024, 5, 2, 16, 0, tzinfo=UTC)


def test_a_scheduled_post_goes_live_at_its_time(tmp_path, client):
    noon = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    with time_machine.travel(noon, tick=False) as clock:
        run(tmp_path, wxr_item(1, "Später", status="future", date="2026-03-10 12:30:00"))
        story = Article.objects.get()
        assert story.status == Article.Status.PUBLISHED
        assert client.get(story.get_absolute_url()).status_code == 404
        clock.move_to(datetime(2026, 3, 10, 12, 31, tzinfo=UTC))
        assert client.get(story.get_absolute_url()).status_code == 200


def test_a_draft_has_no_publish_time(tmp_path):
    run(tmp_path, wxr_item(1, "Entwurf", status="draft") + wxr_item(2, "Prüfen", status="pending"))
    assert set(Article.objects.values_list("status", "publish_at")) == {
        ("draft", None),
        ("review", None),
    }
