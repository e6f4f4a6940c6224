"""Jobs wait in the database until a worker runs them (MASTHEAD_JOBS=database,
the default, which the tests use too); ``run_jobs()`` is that worker, in
the test's own process. tests/test_worker.py runs a real one."""

from django.db import transaction
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from masthead.lib import jobs
from masthead.testing import run_jobs

from .jobs import write


def test_it_keeps_a_job_in_the_database_until_a_worker_runs_it(db, tmp_path):
    path = tmp_path / "out.txt"
    result = write.enqueue(str(path), "Guten Morgen")
    row = DBTaskResult.objects.get()
    assert str(row.id) == result.id
    assert row.status == TaskResultStatus.READY
    assert row.task_path == "masthead.lib.tests.jobs.write"
    assert row.args_kwargs == {"args": [str(path), "Guten Morgen"], "kwargs": {}}
    assert not path.exists()

    run_jobs()

    assert path.read_text() == "Guten Morgen"
    row.refresh_from_db()
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert row.return_value == "Guten Morgen"
    assert list(jobs.waiting()) == []


def test_it_runs_jobs_enqueued_when_the_transaction_commits(
    db, tmp_path, django_capture_on_commit_callbacks
):
    path = tmp_path / "out.txt"
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            transaction.on_commit(lambda: write.enqueue(str(path), "nach dem Speichern"))
        assert not DBTaskResult.objects.exists()
    assert DBTaskResult.objects.get().status == TaskResultStatus.READY
    run_jobs()
    assert path.read_text() == "nach dem Speichern"


def test_it_runs_every_due_job_in_order_of_enqueueing(db, tmp_path):
    for number in range(3):
        write.enqueue(str(tmp_path / f"{number}.txt"), str(number))
    assert jobs.run_due_jobs() == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["0.txt", "1.txt", "2.txt"]
    assert jobs.run_due_jobs() == 0


def test_the_immediate_backend_runs_a_job_at_once(db, tmp_path, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    path = tmp_path / "out.txt"
    result = write.enqueue(str(path), "sofort")
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert path.read_text() == "sofort"
    assert not DBTaskResult.objects.exists()
    assert jobs.run_due_jobs() == 0
