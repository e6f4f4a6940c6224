"""A job that raises is tried again later, each time after twice the wait,
up to JOBS_ATTEMPTS tries; the last failure stays, with its reason, for an
administrator to see and send back to the queue."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from masthead.lib import jobs
from masthead.testing import run_jobs

from .jobs import always_fail, fail_later, fail_until


def rows():
    return list(DBTaskResult.objects.order_by("enqueued_at"))


def test_a_job_that_fails_twice_then_succeeds(db, tmp_path):
    fail_until.enqueue(str(tmp_path / "count"), 2)
    run_jobs()

    first, second, third = rows()
    for failed_try in (first, second):
        assert failed_try.status == TaskResultStatus.FAILED
        assert failed_try.exception_class_path == "masthead.lib.jobs.RetryScheduled"
        # The real error is in the try's traceback, under the retry notice.
        assert "ConnectionError: The image store did not answer" in failed_try.traceback
    assert "Try 1 of 5 failed; try 2 is job" in first.traceback
    assert [jobs.attempt_of(row) for row in (first, second, third)] == [1, 2, 3]
    assert third.status == TaskResultStatus.SUCCESSFUL
    assert third.return_value == 3
    assert third.args_kwargs["args"] == [str(tmp_path / "count"), 2]
    # Nothing is left for an administrator to look at.
    assert list(jobs.failed()) == []


def test_a_job_that_always_fails_ends_failed_with_its_reason(db):
    always_fail.enqueue("Das Bild ist beschädigt.")
    run_jobs()

    *retried, last = rows()
    assert len(retried) == 2  # attempts=3
    assert last.status == TaskResultStatus.FAILED
    assert last.exception_class_path == "builtins.ValueError"
    assert "ValueError: Das Bild ist beschädigt." in last.traceback
    assert "RetryScheduled" not in last.traceback
    assert jobs.attempt_of(last) == 3
    assert list(jobs.failed()) == [last]
    assert list(jobs.waiting()) == []


def test_it_waits_twice_as_long_after_each_failure(db, settings):
    settings.JOBS_RETRY_SECONDS = 30
    fail_later.enqueue("kaputt")
    for expected_wait in (30, 60):
        before = timezone.now()
        run_jobs()
        wait = jobs.waiting().get().run_after - before
        assert timedelta(seconds=expected_wait) <= wait < timedelta(seconds=expected_wait + 5)
        # Not due yet: a worker leaves it alone.
        assert jobs.run_due_jobs() == 0
        # Time passes.
        jobs.waiting().update(run_after=timezone.now())
    run_jobs()
    assert jobs.failed().get().exception_class_path == "builtins.ValueError"
    assert DBTaskResult.objects.count() == 3


def test_retry_delays():
    assert jobs.retry_delay(1, 30) == timedelta(seconds=30)
    assert jobs.retry_delay(2, 30) == timedelta(seconds=60)
    assert jobs.retry_delay(4, 30) == timedelta(seconds=240)


def test_an_administrator_sends_a_failed_job_back_to_the_queue(db):
    always_fail.enqueue("Der Speicher war voll.")
    run_jobs()
    failed = jobs.failed().get()

    assert jobs.retry(str(failed.pk)) is True

    failed.refresh_from_db()
    assert failed.status == TaskResultStatus.READY
    assert failed.traceback == failed.exception_class_path == ""
    assert failed.args_kwargs == {"args": ["Der Speicher war voll."], "kwargs": {}}
    assert jobs.attempt_of(failed) == 1
    # Not twice.
    assert jobs.retry(str(failed.pk)) is False
    # It gets all its tries again.
    run_jobs()
    assert jobs.attempt_of(jobs.failed().get()) == 3
    assert DBTaskResult.objects.count() == 5


@pytest.mark.parametrize("status", ["SUCCESSFUL", "READY", "RUNNING"])
def test_only_a_job_that_failed_for_good_can_be_retried(db, tmp_path, status):
    result = fail_until.enqueue(str(tmp_path / "count"), 0)
    DBTaskResult.objects.filter(pk=result.id).update(status=status)
    assert jobs.retry(result.id) is False


def test_a_try_that_was_followed_by_another_is_not_retried(db):
    always_fail.enqueue("kaputt")
    run_jobs()
    first = rows()[0]
    assert jobs.retry(str(first.pk)) is False
