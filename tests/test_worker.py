"""`masthead worker` as an operator meets it: jobs enqueued by one process
are run by a worker in another, even after the first has gone (a restart);
the worker outlives the database going away; SIGTERM lets the job at hand
finish; a worker started beside a server stops with it. The jobs are those
of masthead/lib/tests/jobs.py."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.serving import MASTHEAD, shell

pytestmark = pytest.mark.own_site


@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    """An empty, migrated SQLite database, made once for these tests."""
    database = tmp_path_factory.mktemp("template") / "site.sqlite3"
    env = environment(database, database.parent)
    subprocess.run([MASTHEAD, "migrate", "-v0"], env=env, check=True, timeout=300)
    return database


@pytest.fixture
def site(migrated, tmp_path):
    """A site of its own, on a copy of that database; the environment to run it in."""
    # In a folder of its own, which the outage test takes away whole.
    (tmp_path / "db").mkdir()
    database = tmp_path / "db" / "site.sqlite3"
    shutil.copyfile(migrated, database)
    return environment(database, tmp_path)


def environment(database: Path, var: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    return env | {"MASTHEAD_VAR_DIR": str(var / "var"), "DATABASE_URL": f"sqlite:///{database}"}


def enqueue(env, call: str) -> None:
    """Enqueue ``call`` (a job of masthead/lib/tests/jobs.py) in a process of its own."""
    shell(env, f"from masthead.lib.tests import jobs\njobs.{call}")


def statuses(env) -> str:
    return shell(
        env,
        "from django_tasks_db.models import DBTaskResult\n"
        "print(','.join(DBTaskResult.objects.order_by('enqueued_at')"
        ".values_list('status', flat=True)))",
    )


def wait_for(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "gave up waiting"
        time.sleep(0.2)


def test_a_job_enqueued_before_a_restart_is_run_by_a_worker_after_it(site, tmp_path):
    out = tmp_path / "out.txt"
    # The process that enqueues the job ends (as a web server restarting would).
    enqueue(site, f"write.enqueue({str(out)!r}, 'Hallo')")
    assert statuses(site) == "READY"
    assert not out.exists()

    result = subprocess.run(
        [MASTHEAD, "worker", "--batch"], env=site, capture_output=True, text=True, timeout=120
    )

    assert result.returncode == 0, result.stderr
    assert out.read_text() == "Hallo"
    assert statuses(site) == "SUCCESSFUL"


def test_a_worker_retries_a_failing_job_until_it_succeeds(site, tmp_path):
    counter = tmp_path / "count"
    shell(
        site,
        f"from masthead.lib.tests.jobs import fail_until; fail_until.enqueue({str(counter)!r}, 2)",
    )
    subprocess.run([MASTHEAD, "worker", "--batch", "-v0"], env=site, check=True, timeout=120)
    assert counter.read_text() == "3"
    assert statuses(site) == "FAILED,FAILED,SUCCESSFUL"


def test_sigterm_lets_the_job_at_hand_finish(site, tmp_path):
    out = tmp_path / "out.txt"
    shell(
        site, f"from masthead.lib.tests.jobs import slow_write; slow_write.enqueue({str(out)!r}, 2)"
    )
    worker = subprocess.Popen(
        [MASTHEAD, "worker", "--interval", "0.2"],
        env=site,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for(lambda: out.exists())
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=60) == 0
    finally:
        worker.kill()
    assert out.read_text() == "finished"
    assert statuses(site) == "SUCCESSFUL"
    assert "shutting down gracefully" in worker.stdout.read()


def outage(site, tmp_path, *, before_start: bool) -> str:
    """Take the database's folder away (a PostgreSQL restart is the same to
    the worker) before or while a worker runs, bring it back once the
    worker has found it away, and check that the worker runs a job then.
    Returns the worker's output. Each step waits for what the worker says,
    not for a time: a worker can take seconds to start on a busy machine."""
    db = tmp_path / "db"
    log = tmp_path / "worker.log"
    if before_start:
        db.rename(tmp_path / "db-away")
    with log.open("w") as output:
        worker = subprocess.Popen(
            [MASTHEAD, "worker", "--interval", "0.2"],
            env=site,
            stdout=output,
            stderr=subprocess.STDOUT,
            text=True,
        )
    try:
        if not before_start:
            wait_for(lambda: "Starting worker" in log.read_text())
            db.rename(tmp_path / "db-away")
        wait_for(lambda: "The database is not there" in log.read_text())
        assert worker.poll() is None
        (tmp_path / "db-away").rename(db)
        out = tmp_path / "out.txt"
        enqueue(site, f"write.enqueue({str(out)!r}, 'wieder da')")
        wait_for(out.exists)
        assert out.read_text() == "wieder da"
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    return log.read_text()


def test_a_worker_outlives_the_database_going_away(site, tmp_path):
    """The database goes away under a running worker: it keeps trying, and
    runs the jobs once the database is back."""
    log = outage(site, tmp_path, before_start=False)
    assert log.index("The database is not there") < log.index("state=SUCCESSFUL")


def test_a_worker_started_while_the_database_is_away_waits_for_it(site, tmp_path):
    """Started while the database is away (beside a server on a busy
    machine, its start can take long enough for that), a worker waits for
    the database, as one already running does, instead of stopping."""
    log = outage(site, tmp_path, before_start=True)
    assert log.index("The database is not there") < log.index("state=SUCCESSFUL")


def test_an_idle_worker_stops_at_once_on_sigint(site, tmp_path):
    log = tmp_path / "worker.log"
    with log.open("w") as output:
        worker = subprocess.Popen(
            [MASTHEAD, "worker"], env=site, stdout=output, stderr=subprocess.STDOUT
        )
    try:
        # Started, and waiting for work: what it says, not a time (a busy
        # machine takes seconds).
        wait_for(lambda: "Starting worker" in log.read_text())
        assert worker.poll() is None
        worker.send_signal(signal.SIGINT)
        assert worker.wait(timeout=30) == 0
    finally:
        worker.kill()


def test_a_worker_stopped_while_it_waits_for_the_database_stops(site, tmp_path):
    """SIGINT before the queue's worker has begun (here: while the database
    is away) stops it too, even when the shell that started it had SIGINT
    ignored, as a shell's background jobs have."""
    (tmp_path / "db").rename(tmp_path / "db-away")
    log = tmp_path / "worker.log"
    with log.open("w") as output:
        worker = subprocess.Popen(
            [MASTHEAD, "worker"], env=site, stdout=output, stderr=subprocess.STDOUT,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),  # noqa: PLW1509
        )  # fmt: skip
    try:
        wait_for(lambda: "The database is not there" in log.read_text())
        worker.send_signal(signal.SIGINT)
        assert worker.wait(timeout=30) == 0
    finally:
        worker.kill()
        (tmp_path / "db-away").rename(tmp_path / "db")


def test_a_worker_beside_a_server_stops_when_the_server_is_gone(site, tmp_path):
    """`masthead serve` starts its worker with --parent; here the parent is a
    small stand-in, killed without a chance to pass anything on."""
    pid_file = tmp_path / "worker.pid"
    parent = subprocess.Popen(
        [
            sys.executable, "-c",
            "import os, subprocess, sys, time\n"
            f"command = [{MASTHEAD!r}, 'worker', '-v0', '--parent', str(os.getpid())]\n"
            "worker = subprocess.Popen(command)\n"
            f"open({str(pid_file)!r}, 'w').write(str(worker.pid))\n"
            "time.sleep(600)\n",
        ],
        env=site,
    )  # fmt: skip
    try:
        wait_for(lambda: pid_file.exists() and pid_file.read_text())
        worker_pid = int(pid_file.read_text())
        time.sleep(2)  # the worker is up and watching
        parent.kill()
        parent.wait()

        def gone() -> bool:
            try:
                os.kill(worker_pid, 0)
            except ProcessLookupError:
                return True
            # A zombie until someone reaps it: it has stopped all the same.
            status = Path(f"/proc/{worker_pid}/status").read_text()
            return "State:\tZ" in status

        wait_for(gone, seconds=30)
    finally:
        parent.kill()
