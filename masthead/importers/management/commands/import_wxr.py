from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.utils import translation
from django.utils.translation import gettext as _

from masthead.importers.management.common import operator_language, progress_bar
from masthead.importers.wordpress import report as reporting
from masthead.importers.wordpress.services import ImportRefused, import_exports
from masthead.importers.wordpress.wxr import WXRError, parse_file


def database_needs_migrating() -> bool:
    """True when migrations are left to apply (a database never migrated,
    e.g. DATABASE_URL unset where the site uses another one)."""
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


class Command(BaseCommand):
    help = (
        "Import WordPress export files (WXR 1.0-1.2): posts, pages, categories, tags, authors "
        "and media, with a permanent redirect from every old address. Running it again with "
        "the same files updates what it imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path, help="WXR files, exported by WordPress.")
        parser.add_argument(
            "--language",
            help="Content language of every item (default: the file's, or WPML's or "
            "Polylang's per item).",
        )
        parser.add_argument(
            "--time-zone",
            help="The old site's time zone, for dates the file gives only in local time "
            "(default: TIME_ZONE).",
        )
        parser.add_argument(
            "--users",
            action="store_true",
            help="Also create a user account, without a usable password, for each author.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Import, report, and roll everything back."
        )
        parser.add_argument("--no-progress", action="store_true", help="Show no progress bar.")

    def handle(self, *args, files, language, time_zone, users, dry_run, no_progress, **options):
        with translation.override(operator_language()):
            if database_needs_migrating():
                raise CommandError(
                    _(
                        "The database is not set up for this version of Masthead: run "
                        "“masthead migrate” first (DATABASE_URL says which database)."
                    )
                )
            try:
                exports = [parse_file(path) for path in files]
                progress = progress_bar(self, enabled=not no_progress, label=_("Importing"))
                report = import_exports(
                    exports,
                    language=language,
                    time_zone=time_zone,
                    users=users,
                    dry_run=dry_run,
                    progress=progress,
                )
            except (WXRError, ImportRefused) as error:
                raise CommandError(str(error)) from None
            if progress:
                progress.finish()
            self.stdout.write("\n".join(reporting.lines(report)))
