"""The ``masthead`` command: Django's management commands plus Masthead's
own, such as ``demo`` (masthead/demo/management/commands/demo.py) and
``serve`` (masthead/core/management/commands/serve.py)."""

import os
import sys
from collections.abc import MutableMapping
from pathlib import Path


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["demo"]:
        demo_environment(args, os.environ)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["masthead", *args])


def demo_environment(args: list[str], environ: MutableMapping[str, str]) -> None:
    """What the demo's settings must read before Django loads them.

    The demo runs on a database of its own, so that it can never touch a
    real site's data. Only the addresses are set here: the demo command
    decides what to do with the files once it has read its arguments
    (masthead/demo/management/commands/demo.py). A valid ``--languages``
    becomes MASTHEAD_LANGUAGES, keeping the default language whatever the
    order; an invalid one is left to the demo command to refuse, with the
    reason.
    """
    from masthead.demo.languages import default_language, option_value, parse_languages

    if not environ.get("DATABASE_URL"):
        var = Path(environ.get("MASTHEAD_VAR_DIR", Path.cwd() / "var")).resolve()
        environ["DATABASE_URL"] = f"sqlite:///{var / 'demo.sqlite3'}"
        environ.setdefault("MEDIA_ROOT", str(var / "demo-media"))
    if (value := option_value(args)) is not None:
        default = default_language(environ)
        try:
            languages = parse_languages(value, default)
        except ValueError:
            return
        environ["MASTHEAD_LANGUAGES"] = ",".join(languages)
        environ["MASTHEAD_DEFAULT_LANGUAGE"] = default


if __name__ == "__main__":
    main()
