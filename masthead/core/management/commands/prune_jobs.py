from django.conf import settings
from django.core.management.base import BaseCommand

from masthead.lib import jobs
from masthead.webhooks.services import prune_log


class Command(BaseCommand):
    help = (
        "Delete the background jobs that finished more than JOBS_KEEP_DAYS days "
        "ago (each worker also does so as it starts). Jobs that failed for good "
        "are kept for an administrator to see, unless --failed is given; jobs "
        "that wait or run are never deleted. The webhooks' log of events whose "
        "deliveries all ended that long ago goes too."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.JOBS_KEEP_DAYS,
            help="Keep the jobs of the last DAYS days (default: JOBS_KEEP_DAYS, %(default)s).",
        )
        parser.add_argument(
            "--failed",
            action="store_true",
            help="Delete the jobs that failed for good too (those older than DAYS).",
        )

    def handle(self, *args, days, failed, **options):
        deleted = jobs.prune(days, include_failed=failed)
        events = prune_log(days)
        if options["verbosity"]:
            self.stdout.write(f"Deleted {deleted} finished jobs.")
            self.stdout.write(f"Deleted {events} webhook events whose deliveries had ended.")
