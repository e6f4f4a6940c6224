"""The ``masthead`` command: Django's management commands plus Masthead's
own, such as ``demo`` (masthead/demo/management/commands/demo.py) and
``serve`` (masthead/core/management/commands/serve.py)."""

import os
import sys
from pathlib import Path


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["demo"] and not os.environ.get("DATABASE_URL"):
        # The demo runs on a database of its own, so that it can never touch
        # a real site's data. Only the addresses are set here: the demo
        # command decides what to do with the files once it has read its
        # arguments (masthead/demo/management/commands/demo.py).
        var = Path(os.environ.get("MASTHEAD_VAR_DIR", Path.cwd() / "var")).resolve()
        os.environ["DATABASE_URL"] = f"sqlite:///{var / 'demo.sqlite3'}"
        os.environ.setdefault("MEDIA_ROOT", str(var / "demo-media"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["masthead", *args])


if __name__ == "__main__":
    main()
