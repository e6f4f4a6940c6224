from django.core.management.base import BaseCommand, CommandError
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
        "Add a synthetic archive of published articles, made by recombining the leads, "
        "paragraphs and sections of the German news corpus: for speed work at news scale."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True, help="Articles to add.")
        add_common_arguments(parser, spread_days=3650, batch=5000)

    def handle(self, *args, **options):
        with translation.override(operator_language()):
            self.run(**options)

    def run(self, *, count, path, language, spread_days, seed, batch, no_progress, **options):
        if count < 1:
            raise CommandError(_("The number of articles must be at least 1."))
        check_options(language=language, spread_days=spread_days, batch=batch)
        corpus = load_corpus(path)
        progress = progress_bar(self, enabled=not no_progress, label=_("Generating"))
        result = services.generate_archive(
            corpus,
            count,
            language=language,
            spread_days=spread_days,
            seed=seed,
            batch_size=batch,
            progress=progress,
        )
        if progress:
            progress.finish()
        self.stdout.write(
            _("Articles added: %(created)s, %(speed)s.")
            % {"created": number(result.created), "speed": speed(result)}
        )
