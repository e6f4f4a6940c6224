from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _

from masthead.importers import services
from masthead.importers.management.common import (
    add_common_arguments,
    check_options,
    load_corpus,
    operator_language,
    progress_bar,
    speed,
)
from masthead.lib.i18n import number


class Command(BaseCommand):
    help = (
        "Import the German news corpus (10kGNAD, 1,028 articles) as published articles: "
        "a section per label, headlines from the leads, invented authors, publish times "
        "spread back from now. Articles imported before are skipped, so running it again "
        "adds nothing."
    )

    def add_arguments(self, parser):
        add_common_arguments(parser, spread_days=365, batch=500)

    def handle(self, *args, **options):
        with translation.override(operator_language()):
            self.run(**options)

    def run(self, *, path, language, spread_days, seed, batch, no_progress, **options):
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
                _("Nothing to import: every article of the corpus (%(total)s) was imported before.")
                % {"total": number(len(corpus))}
            )
            return
        self.stdout.write(
            _("Articles imported: %(created)s of %(total)s, %(speed)s.")
            % {
                "created": number(result.created),
                "total": number(len(corpus)),
                "speed": speed(result),
            }
        )
        if result.skipped:
            self.stdout.write(
                _("Skipped, as imported before: %(skipped)s.") % {"skipped": number(result.skipped)}
            )
