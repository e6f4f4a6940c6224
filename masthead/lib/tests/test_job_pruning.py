"""Finished jobs do not fill the table forever: those that succeeded (and
the tries that were followed by another) go after JOBS_KEEP_DAYS; jobs
that failed for good stay until asked; waiting and running ones always."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from masthead.lib import jobs
from masthead.testing import run_jobs

from .jobs import always_fail, write


def age_everything(days: int) -> None:
    then = timezone.now() - timedelta(days=days)
    DBTaskResult.objects.update(enqueued_at=then, finished_at=then)


def make_one_of_each(tmp_path) -> None:
    write.enqueue(str(tmp_path / "a.txt"), "fertig")
    always_fail.enqueue("kaputt")  # two tries retried, one failed for good
    run_jobs()
    write.enqueue(str(tmp_path / "b.txt"), "wartet")
    running = write.enqueue(str(tmp_path / "c.txt"), "läuft")
    DBTaskResult.objects.filter(pk=running.id).update(status=TaskResultStatus.RUNNING)


def statuses() -> list[str]:
    return sorted(DBTaskResult.objects.values_list("status", flat=True))


def test_it_deletes_finished_jobs_older_than_the_days_kept(db, tmp_path):
    make_one_of_each(tmp_path)
    age_everything(days=15)

    assert jobs.prune(14) == 3  # one successful job, two retried tries

    assert statuses() == ["FAILED", "READY", "RUNNING"]
    assert jobs.failed().count() == 1


def test_it_keeps_the_recent_ones(db, tmp_path):
    make_one_of_each(tmp_path)
    age_everything(days=13)
    assert jobs.prune(14) == 0
    assert DBTaskResult.objects.count() == 6


def test_it_deletes_jobs_that_failed_for_good_only_when_asked(db, tmp_path):
    make_one_of_each(tmp_path)
    age_everything(days=30)
    call_command("prune_jobs", "--failed", verbosity=0)
    assert statuses() == ["READY", "RUNNING"]


def test_the_command_keeps_jobs_keep_days(db, tmp_path, settings, capsys):
    make_one_of_each(tmp_path)
    age_everything(days=8)
    call_command("prune_jobs")  # JOBS_KEEP_DAYS: 14
    assert "Deleted 0 finished jobs." in capsys.readouterr().out
    call_command("prune_jobs", "--days", "7")
    assert "Deleted 3 finished jobs." in capsys.readouterr().out
    assert statuses() == ["FAILED", "READY", "RUNNING"]
