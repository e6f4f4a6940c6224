"""Collecting the static files when they changed, not at every start.

`masthead serve` (and the demo) ran `collectstatic` each time: WhiteNoise's
storage hashes every file and compresses it with gzip and Brotli again
even when nothing changed, 20 seconds of both cores on the machine we
measure on. The sources' names, sizes and modification times (every
finder's, a site theme's included) and the storage's settings are written
beside the collected files; a start that finds the same skips the work.
`masthead collectstatic` still collects whenever it is run.
"""

import hashlib
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles.finders import get_finders
from django.core.management import call_command

# In STATIC_ROOT; a dot file, which collectstatic leaves alone.
FINGERPRINT = ".masthead-sources"


def sources_fingerprint() -> str:
    """A digest of what `collectstatic` would collect, and how."""
    entries = [repr((settings.STATIC_URL, settings.STORAGES["staticfiles"]))]
    ignore_patterns = apps.get_app_config("staticfiles").ignore_patterns
    for finder in get_finders():
        for path, storage in finder.list(ignore_patterns):
            stat = Path(storage.path(path)).stat()
            prefix = getattr(storage, "prefix", None) or ""
            entries.append(f"{prefix}/{path}\0{stat.st_size}\0{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(sorted(entries)).encode()).hexdigest()


def collect_static() -> bool:
    """Run `collectstatic` unless the files collected last time came from
    the same sources; True when it ran."""
    root = Path(settings.STATIC_ROOT)
    marker = root / FINGERPRINT
    fingerprint = sources_fingerprint()
    manifest_needed = not settings.DEBUG  # the hashed names' manifest
    if (
        marker.is_file()
        and marker.read_text() == fingerprint
        and (not manifest_needed or (root / "staticfiles.json").is_file())
    ):
        return False
    call_command("collectstatic", interactive=False, verbosity=0)
    marker.write_text(fingerprint)
    return True
