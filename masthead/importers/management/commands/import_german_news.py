from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from masthead.importers import services
from masthead.importers.management.common import (
    add_common_arguments,
    check_options,
    load_corpus,
    progress_bar,
)


class Command(BaseCommand):
    help = (
        "Import the German news corpus (10kGNAD, 1,028 articles) as published articles: "
        "a section per label, headlines from the leads, invented authors, publish times "
        "spread back from now. Articles imported before are skipped, so running it again "
        "adds nothing."
    )

    def add_arguments(self, parser):
        add_common_arguments(parser, spread_days=365, batch=500)

    def handle(self, *args, path, language, spread_days, seed, batch, no_progress, **options):
        check_options(language=language, spread_days=spread_days, batch=batch)
        corpus = load_corpus(path)
        progress = progress_bar(self, enabled=not no_progress, label=_("Importing"))
        result = services.import_corpus(
            corpus,
            language=language,
            spread_days=spread_days,
            seed=seed,
            batch_size=batch,
            progress=progress,
        )
        if progress:
            progress.finish()
        if not result.created:
            self.stdout.write(
                f"Nothing to import: all {len(corpus):,} articles were imported before."
            )
            return
        skipped = f"; skipped {result.skipped:,} imported before" if result.skipped else ""
        self.stdout.write(
            f"Imported {result.created:,} of {len(corpus):,} articles{skipped} "
            f"in {result.seconds:.1f} s ({result.rate:,.0f} articles/s)."
        )
