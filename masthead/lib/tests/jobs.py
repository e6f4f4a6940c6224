"""Jobs for the tests of the job queue: module-level, so that a worker in
another process finds them by name, as it finds real ones."""

import time
from pathlib import Path

from masthead.lib.jobs import job


@job()
def write(path: str, text: str) -> str:
    Path(path).write_text(text)
    return text


@job(retry_seconds=0)
def fail_until(path: str, failures: int) -> int:
    """Fails the first ``failures`` times (counted in the file at ``path``)."""
    counter = Path(path)
    tries = int(counter.read_text()) + 1 if counter.exists() else 1
    counter.write_text(str(tries))
    if tries <= failures:
        raise ConnectionError(f"The image store did not answer (try {tries}).")
    return tries


@job(attempts=3, retry_seconds=0)
def always_fail(reason: str) -> None:
    raise ValueError(reason)


@job()
def slow_write(path: str, seconds: float) -> None:
    """Writes "started", waits, then writes "finished"."""
    Path(path).write_text("started")
    time.sleep(seconds)
    Path(path).write_text("finished")


@job(attempts=3)
def fail_later(reason: str) -> None:
    """Fails, and waits JOBS_RETRY_SECONDS (doubled each time) to try again."""
    raise ValueError(reason)
