import os
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from masthead.core.addresses import record_address_words
from masthead.core.static import collect_static
from masthead.lib import jobs


class Command(BaseCommand):
    help = (
        "Run Masthead with its production server: granian with several "
        "worker processes, DEBUG off, static files served by WhiteNoise; and "
        "a worker for the background jobs beside it (`masthead worker`), "
        "unless JOBS_WORKER_WITH_SERVE is off."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--bind",
            default=os.environ.get("BIND", "127.0.0.1:" + os.environ.get("PORT", "8000")),
            help="Address and port to listen on, or unix:PATH for a socket "
            "(default: 127.0.0.1:8000, or $BIND / $PORT).",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("WEB_CONCURRENCY", os.cpu_count() or 1)),
            help="Number of worker processes (default: one per CPU, or $WEB_CONCURRENCY).",
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=int(os.environ.get("WEB_THREADS", 2)),
            help="Requests each worker handles at once, one thread each "
            "(default: 2, or $WEB_THREADS).",
        )
        parser.add_argument(
            "--no-migrate", action="store_true", help="Do not apply database migrations first."
        )
        parser.add_argument(
            "--no-jobs-worker",
            action="store_true",
            help="Do not start a worker for the background jobs (run `masthead worker` "
            "elsewhere; JOBS_WORKER_WITH_SERVE=false does the same).",
        )

    def handle(self, *args, bind, workers, threads, no_migrate, no_jobs_worker, **options):
        if settings.DEBUG:
            self.stderr.write("DEBUG is on; `masthead serve` is meant for DEBUG=false.")
        if not no_migrate:
            call_command("migrate", interactive=False, verbosity=0)
        # The words the addresses use now, so that the words they replaced
        # redirect (migrate noted them too; with --no-migrate only this does).
        record_address_words()
        collect_static()  # when the static files changed since the last start
        command = [
            sys.executable, "-m", "granian", "masthead.wsgi:application",
            "--interface", "wsgi", *listen_arguments(bind),
            # A process per CPU, each running Django in a few threads (each
            # with its database connection): while one waits for the
            # database another renders. Measured on 2 CPUs, uncached
            # article: 2 × 2 threads 61–65 req/s, 2 × 1 45–49, 5 × 1 33;
            # cached hits from memory 10 % fewer with two threads. Requests
            # beyond them wait, their connections kept open (keep-alive).
            "--workers", str(workers), "--blocking-threads", str(threads),
            "--http", "1", "--no-ws",
            "--respawn-failed-workers",
            # On SIGTERM a worker finishes its requests; one that has not
            # after 30 s is killed.
            "--workers-kill-timeout", "30",
            "--log-level", "info" if options["verbosity"] > 1 else "warning",
            *(["--access-log"] if options["verbosity"] > 1 else []),
        ]  # fmt: skip
        self.stdout.write(f"Serving on http://{bind}/ with {workers} workers × {threads} threads.")
        if settings.JOBS_WORKER_WITH_SERVE and jobs.uses_database() and not no_jobs_worker:
            self.start_jobs_worker(options["verbosity"])
        sys.stdout.flush()
        os.execv(sys.executable, command)  # noqa: S606 (becomes granian: an argument list, no shell)

    def start_jobs_worker(self, verbosity: int) -> None:
        """Start `masthead worker` as a child of this process, which is about
        to become granian's main process. It stops with it: on the same SIGTERM or
        Ctrl-C (one process group), or, should the master go without a word,
        when it notices that its parent is gone (--parent)."""
        command = [
            sys.executable, "-m", "masthead.cli", "worker",
            "--parent", str(os.getpid()), "--verbosity", str(verbosity),
        ]  # fmt: skip
        subprocess.Popen(command)  # noqa: S603 (Masthead's own command, an argument list)
        self.stdout.write("Running background jobs in a worker beside it.")


def listen_arguments(bind: str) -> list[str]:
    """granian's arguments for ``--bind``: host:port, [v6 address]:port,
    or unix:PATH."""
    if bind.startswith("unix:"):
        return ["--uds", bind.removeprefix("unix:")]
    host, _, port = bind.rpartition(":")
    if not host or not port.isdigit():
        raise CommandError(f"--bind takes HOST:PORT or unix:PATH, not {bind!r}")
    return ["--host", host.strip("[]"), "--port", port]
