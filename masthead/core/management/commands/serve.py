import os
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Run Masthead with its production server: gunicorn with several "
        "worker processes, DEBUG off, static files served by WhiteNoise."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--bind",
            default=os.environ.get("BIND", "127.0.0.1:" + os.environ.get("PORT", "8000")),
            help="Address and port to listen on (default: 127.0.0.1:8000, or $BIND / $PORT).",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("WEB_CONCURRENCY", (os.cpu_count() or 1) * 2 + 1)),
            help="Number of worker processes (default: 2 × CPUs + 1, or $WEB_CONCURRENCY).",
        )
        parser.add_argument(
            "--no-migrate", action="store_true", help="Do not apply database migrations first."
        )

    def handle(self, *args, bind, workers, no_migrate, **options):
        if settings.DEBUG:
            self.stderr.write("DEBUG is on; `masthead serve` is meant for DEBUG=false.")
        if not no_migrate:
            call_command("migrate", interactive=False, verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        command = [
            sys.executable, "-m", "gunicorn", "masthead.wsgi:application",
            "--bind", bind,
            "--workers", str(workers),
            "--access-logfile", "-" if options["verbosity"] > 1 else "/dev/null",
            "--log-level", "info" if options["verbosity"] > 1 else "warning",
            "--forwarded-allow-ips", os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
            "--timeout", "30",
        ]  # fmt: skip
        self.stdout.write(f"Serving on http://{bind}/ with {workers} workers.")
        sys.stdout.flush()
        os.execv(sys.executable, command)  # noqa: S606 (becomes gunicorn: an argument list, no shell)
