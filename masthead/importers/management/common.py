"""What the import commands share: the operator's language, finding the
corpus, checking options, the progress bar on stderr."""

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from masthead.importers.corpus import CorpusArticle, read_corpus
from masthead.importers.progress import Progress
from masthead.lib.i18n import number

# Where the corpus is when Masthead is checked out beside the shared data.
DEFAULT_CORPUS = Path("..") / "shared" / "corpora" / "german-news" / "10kGNAD-test.csv"


def operator_language() -> str:
    """The language of the person at the terminal (LC_ALL, LC_MESSAGES,
    LANG: "de_AT.UTF-8" → "de"), when Masthead speaks it; else the site's."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        code = value.split(".")[0].split("@")[0].replace("_", "-").lower()
        if code and code not in ("c", "posix"):
            for candidate in (code, code.split("-")[0]):
                if translation.check_for_language(candidate):
                    return candidate
            break
    return settings.LANGUAGE_CODE


def add_common_arguments(parser, *, spread_days: int, batch: int) -> None:
    parser.add_argument(
        "--path",
        type=Path,
        default=None,
        help=f"The corpus CSV file (default: {DEFAULT_CORPUS}, from the current directory).",
    )
    parser.add_argument("--language", default="de", help="Content language of the articles.")
    parser.add_argument(
        "--spread-days",
        type=float,
        default=spread_days,
        help="Spread the publish times back over this many days from now.",
    )
    parser.add_argument("--seed", type=int, default=1, help="Seed of the random choices.")
    parser.add_argument(
        "--batch", type=int, default=batch, help="Articles per insert and transaction."
    )
    parser.add_argument("--no-progress", action="store_true", help="Show no progress bar.")


def check_options(*, language: str, spread_days: float, batch: int) -> None:
    languages = [code for code, _name in settings.LANGUAGES]
    if language not in languages:
        raise CommandError(
            # Translators: "languages" is a list of language codes, e.g. "de, en".
            _("Unknown language “%(language)s”: choose one of %(languages)s.")
            % {"language": language, "languages": ", ".join(languages)}
        )
    if spread_days < 0:
        raise CommandError(_("The spread of publish times cannot be negative."))
    if batch < 1:
        raise CommandError(_("The batch size must be at least 1."))


def load_corpus(path: Path | None) -> list[CorpusArticle]:
    path = (path or Path.cwd() / DEFAULT_CORPUS).resolve()
    if not path.is_file():
        raise CommandError(
            # Translators: "path" is a file path; --path is a command option, not translated.
            _("The corpus file %(path)s does not exist. Give its location with --path.")
            % {"path": path}
        )
    corpus = list(read_corpus(path))
    if not corpus:
        raise CommandError(_("The corpus file %(path)s holds no articles.") % {"path": path})
    return corpus


def speed(result) -> str:
    """How long an import took and how fast it went, in the active language."""
    return _("in %(seconds)s s (%(rate)s articles a second)") % {
        "seconds": number(round(result.seconds, 1)),
        "rate": number(round(result.rate)),
    }


def progress_bar(command: BaseCommand, *, enabled: bool, label: str) -> Progress | None:
    """A bar on the command's stderr: redrawn in place on a terminal, one
    line per tenth elsewhere; None with --no-progress."""
    if not enabled:
        return None
    stderr = command.stderr
    return Progress(
        lambda text: stderr.write(text, style_func=str, ending=""),
        tty=stderr.isatty(),
        label=label,
    )
