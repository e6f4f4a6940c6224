"""The ``masthead`` command: Django's management commands plus ``demo`` and
``serve`` (both defined in masthead.core.management.commands)."""

import os
import sys
from pathlib import Path


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["demo"] and not os.environ.get("DATABASE_URL"):
        # The demo always starts from a fresh database of its own, so that
        # it can never touch a real site's data.
        var = Path(os.environ.get("MASTHEAD_VAR_DIR", Path.cwd() / "var")).resolve()
        var.mkdir(parents=True, exist_ok=True)
        db = var / "demo.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{db}"
        os.environ.setdefault("MEDIA_ROOT", str(var / "demo-media"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["masthead", *args])


if __name__ == "__main__":
    main()
