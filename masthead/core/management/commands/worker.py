import argparse
import logging
import os
import signal
import threading
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connections

from masthead.lib import jobs
from masthead.webhooks.services import prune_log

logger = logging.getLogger(__name__)

# How long a worker waits before it looks again for a database that has
# gone away, at first and at most (doubled after each failed look).
DATABASE_RETRY_SECONDS = (1.0, 30.0)


class Command(BaseCommand):
    help = (
        "Run the background jobs (masthead/lib/jobs.py) as they come, until "
        "stopped: SIGTERM or Ctrl-C lets the job at hand finish first. Run one "
        "or more beside the web server (`masthead serve` starts one itself)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch",
            action="store_true",
            help="Run the jobs that are due, then stop.",
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Seconds to wait before looking again when no job is due (default: 1).",
        )
        parser.add_argument(
            "--reload",
            action="store_true",
            help="Restart on code changes (for development; a running job is cut short).",
        )
        # `masthead serve` passes its own process id: the worker stops (as on
        # SIGTERM) when that process is gone, even if it went without a word.
        parser.add_argument("--parent", type=int, help=argparse.SUPPRESS)

    def handle(self, *args, batch, interval, reload, parent, **options):
        if not jobs.uses_database():
            raise CommandError(
                "MASTHEAD_JOBS is not 'database': jobs run where they are enqueued, "
                "and there is nothing for a worker to do."
            )
        # Until the queue's worker takes over SIGINT and SIGTERM (it lets the
        # job at hand finish), they stop this one cleanly: while it prunes,
        # or waits for the database. A worker started in the background by
        # a shell inherits SIGINT ignored, and so went on running when
        # stopped before the queue's worker had begun.
        stopping = threading.Event()
        for number in (signal.SIGINT, signal.SIGTERM):
            signal.signal(number, lambda *_: stopping.set())
        if parent:
            threading.Thread(target=_stop_with, args=(parent,), daemon=True).start()
        first, longest = DATABASE_RETRY_SECONDS
        wait, last_failure = first, 0.0
        pruned = not settings.JOBS_KEEP_DAYS
        while not stopping.is_set():
            try:
                # Inside the retries: a worker may start while the database
                # is away (a slow start beside a server, a restart of both).
                if not pruned:
                    deleted = jobs.prune(settings.JOBS_KEEP_DAYS)
                    prune_log(settings.JOBS_KEEP_DAYS)
                    pruned = True
                    if deleted and options["verbosity"] > 1:
                        self.stdout.write(f"Deleted {deleted} finished jobs.")
                call_command(
                    "db_worker",
                    batch=batch,
                    interval=interval,
                    reload=reload,
                    queue_name="*",
                    startup_delay=not batch,
                    verbosity=options["verbosity"],
                )
                return
            except Exception as error:
                # The database is away (a restart, the network, a moved
                # file), or the connection was left in a state it cannot
                # be used in: a worker outlives it, as the site does, and
                # runs the jobs once it is back. (A job's own errors never
                # reach here: the queue records them on the job.) A batch
                # run stops with the error.
                if batch:
                    raise
                if time.monotonic() - last_failure > longest * 2:
                    wait = first  # a new outage, not the same one going on
                last_failure = time.monotonic()
                if isinstance(error, DatabaseError):
                    logger.warning(
                        "The database is not there (%s); trying again in %gs.", error, wait
                    )
                else:
                    logger.exception("The worker stopped on an error; trying again in %gs.", wait)
                connections.close_all()
                stopping.wait(wait)
                wait = min(wait * 2, longest)


def _stop_with(parent: int) -> None:
    """Send this process SIGTERM once ``parent`` is no longer its parent."""
    while os.getppid() == parent:
        time.sleep(1)
    os.kill(os.getpid(), signal.SIGTERM)
