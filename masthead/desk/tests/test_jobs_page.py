"""Administrators see the background jobs at /desk/jobs/: how many wait,
run and failed, what each failed job was called with and why it failed,
and they send a failed job back to the queue. Nobody else sees the page."""

import lxml.html
import pytest
from django.urls import reverse
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from masthead.lib import jobs
from masthead.lib.tests.jobs import always_fail, write
from masthead.testing import client_for, run_jobs

URL = "/desk/jobs/"


def text(response) -> str:
    return " ".join(lxml.html.fromstring(response.content).text_content().split())


def failed_rows(response) -> list[str]:
    root = lxml.html.fromstring(response.content)
    return [
        " ".join(row.text_content().split())
        for row in root.xpath('//section[@aria-labelledby="jobs-failed"]//tbody/tr')
    ]


@pytest.fixture
def some_jobs(db, tmp_path):
    always_fail.enqueue("Die Datei ist abgeschnitten.")
    run_jobs()  # three tries: the last one failed for good
    write.enqueue(str(tmp_path / "später.txt"), "Grüße")
    running = write.enqueue(str(tmp_path / "jetzt.txt"), "läuft")
    DBTaskResult.objects.filter(pk=running.id).update(status=TaskResultStatus.RUNNING)
    return jobs.failed().get()


def test_an_administrator_sees_what_waits_runs_and_failed_and_why(administrator, some_jobs):
    response = client_for(administrator).get(URL)
    assert response.status_code == 200
    page = text(response)
    assert "1 job waiting · 1 running · 1 failed" in page
    assert "write(" in page and '"Grüße")' in page and '"läuft")' in page
    # The tries that were followed by another are not failures to look at.
    (failed,) = failed_rows(response)
    assert failed.startswith('always_fail("Die Datei ist abgeschnitten.") try 3')
    assert "ValueError: Die Datei ist abgeschnitten. Traceback" in failed
    assert "Traceback (most recent call last)" in failed


def test_it_sends_a_failed_job_back_to_the_queue(administrator, some_jobs):
    client = client_for(administrator)
    response = client.post(reverse("desk:job_retry", args=[some_jobs.pk]), follow=True)
    assert "The job is back in the queue" in text(response)
    some_jobs.refresh_from_db()
    assert some_jobs.status == TaskResultStatus.READY
    assert "2 jobs waiting · 1 running · 0 failed" in text(response)
    assert "No job has failed." in text(response)
    # Twice: nothing to do the second time.
    response = client.post(reverse("desk:job_retry", args=[some_jobs.pk]), follow=True)
    assert "This job has not failed (any more)" in text(response)


def test_retrying_takes_a_post(administrator, some_jobs):
    response = client_for(administrator).get(reverse("desk:job_retry", args=[some_jobs.pk]))
    assert response.status_code == 405
    some_jobs.refresh_from_db()
    assert some_jobs.status == TaskResultStatus.FAILED


@pytest.mark.parametrize("role", ["editor", "reporter", "contributor", "translator"])
def test_only_administrators_see_the_page(persona, some_jobs, role):
    client = client_for(persona(role))
    assert client.get(URL).status_code == 403
    assert client.post(reverse("desk:job_retry", args=[some_jobs.pk])).status_code == 403
    some_jobs.refresh_from_db()
    assert some_jobs.status == TaskResultStatus.FAILED
    assert URL not in client.get("/desk/").content.decode()


def test_the_menu_leads_administrators_there(administrator, db):
    page = client_for(administrator).get("/desk/").content.decode()
    assert f'href="{URL}"' in page


def test_it_speaks_german(administrator, some_jobs):
    page = text(client_for(administrator, "de").get(URL))
    assert "Hintergrundaufgaben" in page
    assert "1 Aufgabe wartet · 1 läuft · 1 fehlgeschlagen" in page
    assert "Erneut versuchen" in page


def test_with_immediate_jobs_there_is_nothing_to_show(administrator, db, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    page = text(client_for(administrator).get(URL))
    assert "Jobs run at once" in page
