"""Background jobs: one durable queue for work that should not hold up a
request (renditions, later search indexing, webhooks, imports).

Define a job with ``@job()`` on a module-level function of plain (JSON)
arguments, and enqueue it with ``the_function.enqueue(…)``::

    @job()
    def make_renditions(image_id: int) -> None: ...

    transaction.on_commit(lambda: make_renditions.enqueue(image.pk))

Jobs use Django's task interface (the ``django-tasks`` package, Django 6's
``django.tasks``). With ``MASTHEAD_JOBS=database``, the default, they are
rows in the database (``django-tasks-db``): they outlive a restart, and
``masthead worker`` runs them. docs/architecture.md ("Background jobs")
says why.

The queue itself does not retry, so ``job`` does: a job that raises is
enqueued again, ``JOBS_RETRY_SECONDS`` later, then twice as long after each
further failure, up to ``JOBS_ATTEMPTS`` tries in all. Each try is a row of
its own. A try that is followed by another ends failed with
:class:`RetryScheduled` (the real error chained below it, in its
traceback); the last try ends failed with the job's own error. The desk's
jobs page (masthead/desk/jobs.py) shows the second kind, and an
administrator can send such a job back to the queue (:func:`retry`).
"""

import functools
import logging
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar, cast

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django_tasks import DEFAULT_TASK_QUEUE_NAME, task, task_backends
from django_tasks.base import Task, TaskResultStatus
from django_tasks_db.backend import DatabaseBackend

if TYPE_CHECKING:
    from django_tasks_db.models import DBTaskResult

# The job queue's models are imported inside the functions below: modules
# that define jobs import this one while Django is still loading the apps.

P = ParamSpec("P")
T = TypeVar("T")

logger = logging.getLogger(__name__)

# The keyword argument that tells a job which try it is on. ``job`` takes
# it off before it calls the function; it is stored with the job's other
# arguments, so the desk can show it.
ATTEMPT = "_attempt"


class RetryScheduled(Exception):  # noqa: N818 (it is not an error: the job is tried again)
    """This try of a job failed and the next one is queued. Raised from the
    job's error, so that this try's traceback shows both."""


RETRY_SCHEDULED = f"{RetryScheduled.__module__}.{RetryScheduled.__qualname__}"


def job(
    *,
    priority: int = 0,
    queue_name: str = DEFAULT_TASK_QUEUE_NAME,
    attempts: int | None = None,
    retry_seconds: int | None = None,
) -> Callable[[Callable[P, T]], Task[P, T]]:
    """A background job, tried up to ``attempts`` times (default
    ``JOBS_ATTEMPTS``) with ``retry_seconds`` (default ``JOBS_RETRY_SECONDS``)
    before the second try, doubled before each one after it.

    A job must be safe to run twice: a try may fail after it has done part
    of its work, and a worker stopped hard (SIGKILL, power loss) leaves its
    job running forever (see docs/architecture.md)."""

    def decorator(function: Callable[P, T]) -> Task[P, T]:
        @functools.wraps(function)
        def run(*args: Any, **kwargs: Any) -> T:
            attempt = kwargs.pop(ATTEMPT, 1)
            try:
                return function(*args, **kwargs)
            except Exception as error:
                limit = attempts or settings.JOBS_ATTEMPTS
                backend = the_task.get_backend()
                # The immediate backend runs a job inside the request that
                # enqueued it: no retries there, the request waits for none.
                if attempt >= limit or not backend.supports_defer:
                    raise
                delay = retry_delay(attempt, retry_seconds)
                when = timezone.now() + delay
                again = the_task.using(run_after=when).enqueue(
                    *args, **kwargs, **{ATTEMPT: attempt + 1}
                )
                logger.warning(
                    "Job %s failed (try %d of %d); tried again in %s as %s: %r",
                    the_task.name, attempt, limit, delay, again.id, error,
                )  # fmt: skip
                raise RetryScheduled(
                    f"Try {attempt} of {limit} failed; try {attempt + 1} is job {again.id}, "
                    f"at {when:%Y-%m-%d %H:%M:%S} UTC."
                ) from error

        the_task = task(priority=priority, queue_name=queue_name)(run)
        return cast(Task[P, T], the_task)

    return decorator


def retry_delay(attempt: int, retry_seconds: int | None = None) -> timedelta:
    """How long to wait after failed try number ``attempt`` (1, 2, …):
    ``retry_seconds`` (or JOBS_RETRY_SECONDS), doubled after each try.

    >>> retry_delay(1, 30), retry_delay(3, 30)
    (datetime.timedelta(seconds=30), datetime.timedelta(seconds=120))
    """
    base = settings.JOBS_RETRY_SECONDS if retry_seconds is None else retry_seconds
    return timedelta(seconds=base * 2 ** (attempt - 1))


def uses_database() -> bool:
    """True when jobs wait in the database for a worker (MASTHEAD_JOBS=database)."""
    return isinstance(task_backends["default"], DatabaseBackend)


# What the desk shows: jobs waiting, running, and failed for good.


def jobs() -> "QuerySet[DBTaskResult]":
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(backend_name="default")


def waiting() -> "QuerySet[DBTaskResult]":
    return jobs().filter(status=TaskResultStatus.READY)


def running() -> "QuerySet[DBTaskResult]":
    return jobs().filter(status=TaskResultStatus.RUNNING)


def failed() -> "QuerySet[DBTaskResult]":
    """Jobs whose last try failed (not the tries that were followed by another)."""
    return (
        jobs().filter(status=TaskResultStatus.FAILED).exclude(exception_class_path=RETRY_SCHEDULED)
    )


def attempt_of(result: "DBTaskResult") -> int:
    """Which try of its job a row is (1 for the first)."""
    return int(result.args_kwargs.get("kwargs", {}).get(ATTEMPT, 1))


def retry(result_id: str) -> bool:
    """Send a job that failed for good back to the queue, to run as soon as
    a worker is free, with all its tries ahead of it again. False when it is
    not (or no longer) such a job, e.g. another administrator was quicker."""
    from django_tasks_db.models import get_date_max

    with transaction.atomic():
        result = failed().select_for_update().filter(pk=result_id).first()
        if result is None:
            return False
        kwargs = {k: v for k, v in result.args_kwargs["kwargs"].items() if k != ATTEMPT}
        result.args_kwargs = {"args": result.args_kwargs["args"], "kwargs": kwargs}
        result.status = TaskResultStatus.READY
        result.run_after = get_date_max()  # as soon as possible
        result.started_at = result.finished_at = None
        result.exception_class_path = result.traceback = ""
        result.save(
            update_fields=[
                "args_kwargs", "status", "run_after", "started_at", "finished_at",
                "exception_class_path", "traceback",
            ]
        )  # fmt: skip
    return True


def prune(keep_days: int, *, include_failed: bool = False) -> int:
    """Delete jobs that finished more than ``keep_days`` days ago: those that
    succeeded and the tries that were followed by another; the jobs that
    failed for good only with ``include_failed``. Never a waiting or running
    one. Returns how many rows were deleted."""
    cutoff = timezone.now() - timedelta(days=keep_days)
    done = Q(status=TaskResultStatus.SUCCESSFUL) | Q(
        status=TaskResultStatus.FAILED, exception_class_path=RETRY_SCHEDULED
    )
    if include_failed:
        done |= Q(status=TaskResultStatus.FAILED)
    deleted, _ = jobs().filter(done, finished_at__lte=cutoff).delete()
    return deleted


def run_due_jobs(*, limit: int = 1000) -> int:
    """Run every job that is due, one after the other in this process, as
    a worker would (masthead.testing.run_jobs; retries due at once run too).
    Returns how many ran. With the immediate backend they already have."""
    if not uses_database():
        return 0
    # The worker loop of django-tasks-db lives in its management command.
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult
    from django_tasks_db.utils import exclusive_transaction

    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="in-process",
        excluded_queue_names=[],
    )
    for count in range(limit):
        with exclusive_transaction(DBTaskResult.objects.db):
            result = DBTaskResult.objects.ready().filter(backend_name="default").get_locked()
            if result is not None:
                result.claim(worker.worker_id)
        if result is None:
            return count
        worker.run_task(result)
    raise RuntimeError(f"More than {limit} jobs in a row: does a job enqueue itself?")
