"""`masthead serve` and the demo collect the static files only when a
source changed since the last time (WhiteNoise's compression of every file
took 20 seconds at each start)."""

import os

from masthead.core.static import FINGERPRINT, collect_static


def test_static_files_are_collected_again_only_when_a_source_changed(settings, tmp_path):
    theme = tmp_path / "theme"
    (theme / "masthead").mkdir(parents=True)
    css = theme / "masthead" / "site-theme.css"
    css.write_text("a { color: navy }")
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATICFILES_DIRS = [theme]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }

    assert collect_static() is True
    collected = tmp_path / "static" / "masthead" / "site-theme.css"
    assert collected.read_text() == "a { color: navy }"
    assert (tmp_path / "static" / FINGERPRINT).is_file()
    assert collect_static() is False  # nothing changed

    css.write_text("a { color: teal }")  # same size, another time
    os.utime(css, ns=(css.stat().st_atime_ns, css.stat().st_mtime_ns + 1_000_000_000))
    assert collect_static() is True
    assert collected.read_text() == "a { color: teal }"

    (theme / "masthead" / "print.css").write_text("nav { display: none }")  # a new file
    assert collect_static() is True
    assert collect_static() is False

    (tmp_path / "static" / "staticfiles.json").unlink()  # the manifest lost
    assert collect_static() is True
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    assert collect_static() is True  # another storage
