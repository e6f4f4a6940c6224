from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from masthead.core.backups import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Write a consistent snapshot of the database and the media files into one "
        "archive (a .tar), while the site runs. `masthead restore FILE` brings it back. "
        "Media in a bucket (MEDIA_STORAGE=s3) stay there: back the bucket up by its own means."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file",
            nargs="?",
            help="The archive to write, a new file "
            "(default: ./var/backups/masthead-YYYYMMDD-HHMMSS.tar).",
        )

    def handle(self, *args, file, **options):
        if file is None:
            stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
            file = settings.VAR_DIR / "backups" / f"masthead-{stamp}.tar"
        try:
            manifest = create_backup(Path(file))
        except BackupError as e:
            raise CommandError(str(e)) from e
        for name in manifest.missing_media:
            self.stderr.write(f"Missing media file (referred to, but not on disk): {name}")
        if manifest.media_storage != "local":
            self.stdout.write(
                f"Backup written to {file}: the {manifest.engine} database. The media "
                f"files are in the bucket {settings.S3_BUCKET}, not in the archive: back "
                "it up by its own means (README.md, Backups)."
            )
            return
        self.stdout.write(
            f"Backup written to {file}: the {manifest.engine} database and "
            f"{len(manifest.media_files)} media files."
        )
