from django.core.management.base import BaseCommand, CommandError

from masthead.core.textcleanup import clean_stored_text


class Command(BaseCommand):
    help = (
        "Find text saved with invisible control characters (pasted from word processors "
        "or PDFs, before Masthead removed them on save) in articles, revisions, "
        "corrections, sections, tags and authors. Lists what it would change; with "
        "--apply it cleans those fields in one transaction. Nothing is deleted."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--apply",
            action="store_true",
            help="Clean the fields listed (without it, nothing is changed).",
        )

    def handle(self, *args, apply, **options):
        changes = clean_stored_text(apply=apply)
        failed = 0
        for change in changes:
            line = f"{change.model} {change.pk}: {', '.join(change.fields)}"
            if change.error:
                failed += 1
                self.stderr.write(f"{line}: not cleaned ({change.error})")
            else:
                self.stdout.write(line)
        count = len(changes)
        if not count:
            self.stdout.write("No stored text holds control characters.")
        elif apply:
            self.stdout.write(f"Cleaned {count - failed} rows.")
            if failed:
                raise CommandError(f"{failed} rows could not be cleaned (see above).")
        else:
            self.stdout.write(f"{count} rows to clean. Run again with --apply to clean them.")
