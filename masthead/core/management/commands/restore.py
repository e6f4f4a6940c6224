from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from masthead.core.backups import BackupError, media_in_bucket, restore_backup
from masthead.pagecache.generation import bump
from masthead.search.indexing import rebuild as rebuild_search_index


class Command(BaseCommand):
    help = (
        "Restore a backup made by `masthead backup` into an empty site (same kind of "
        "database: SQLite or PostgreSQL), then apply newer migrations."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The archive written by `masthead backup`.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Restore into a site that holds data: its database is replaced by the "
            "backup's, and media files of the same name are overwritten.",
        )

    def handle(self, *args, file, force, **options):
        try:
            manifest = restore_backup(Path(file), force=force)
        except BackupError as e:
            raise CommandError(str(e)) from e
        call_command("migrate", interactive=False, verbosity=0)
        bump()  # no page of the site before may be served now
        for _ in rebuild_search_index():  # the index is not in a backup
            pass
        if media_in_bucket():
            self.stdout.write(
                f"Restored the backup of {manifest.created_at} (Masthead {manifest.version}): "
                "the database. This site's media are in a bucket, which a restore leaves "
                "as it is."
            )
            if manifest.media_files:
                self.stdout.write(
                    f"The archive holds {len(manifest.media_files)} media files: copy them "
                    f"into the bucket {settings.S3_BUCKET} as README.md (Backups) says."
                )
            return
        self.stdout.write(
            f"Restored the backup of {manifest.created_at} (Masthead {manifest.version}): "
            f"the database and {len(manifest.media_files)} media files."
        )
