"""Guard rails that catch whole classes of mistakes at once."""

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "masthead" / "locale"


@pytest.mark.django_db
def test_it_has_a_migration_for_every_model_change():
    out = io.StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out)
    except SystemExit as e:
        pytest.fail(f"Missing migrations:\n{out.getvalue()}" if e.code else "")


def test_it_passes_the_system_checks():
    call_command("check", "--fail-level", "WARNING")


def _catalog(language):
    with open(LOCALE / language / "LC_MESSAGES" / "django.po", "rb") as f:
        return read_po(f, locale=language)


def test_it_translates_every_string_into_german():
    catalog = _catalog("de")
    untranslated = [
        m.id
        for m in catalog
        if m.id and (not m.string or (isinstance(m.string, tuple) and not all(m.string)) or m.fuzzy)
    ]
    assert untranslated == []


def test_it_ships_compiled_catalogs_that_match_the_sources(tmp_path):
    for po in LOCALE.glob("*/LC_MESSAGES/django.po"):
        mo = po.with_suffix(".mo")
        assert mo.exists(), f"{mo} is missing: run `make messages`"
        fresh = tmp_path / f"{po.parent.parent.name}.mo"
        subprocess.run(
            [sys.executable, "-m", "babel.messages.frontend", "compile", "-i", str(po),
             "-o", str(fresh), "--use-fuzzy"],
            check=True,
            capture_output=True,
        )  # fmt: skip
        with open(mo, "rb") as a, open(fresh, "rb") as b:
            shipped = _translations(read_mo(a))
            source = _translations(read_mo(b))
        assert shipped == source, f"{mo} is older than {po}: run `make messages`"


@pytest.mark.needs_program("xgettext", package="gettext")
def test_it_extracts_every_marked_string(tmp_path):
    """Django's makemessages, run on a copy of the package, finds no string
    that the German catalog lacks."""
    copy = tmp_path / "masthead"
    shutil.copytree(ROOT / "masthead", copy, ignore=shutil.ignore_patterns("__pycache__"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "masthead.settings",
        "PYTHONPATH": str(tmp_path),  # import the copy, so its locale/ is written
        "MASTHEAD_VAR_DIR": str(tmp_path / "var"),
    }
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "de", "--no-location",
         "--ignore=demo/content.py", "--ignore=*/tests/*"],
        cwd=copy, env=env, check=True, capture_output=True,
    )  # fmt: skip
    with open(copy / "locale" / "de" / "LC_MESSAGES" / "django.po", "rb") as f:
        extracted = {_key(m) for m in read_po(f) if m.id}
    known = {_key(m) for m in _catalog("de") if m.id}
    assert extracted - known == set(), "run `make messages` and translate the new strings"


def _translations(catalog):
    """{key: translation} for the messages that have one."""
    result = {}
    for m in catalog:
        text = m.string if isinstance(m.string, str) else "\x00".join(m.string)
        same = text == (m.id if isinstance(m.id, str) else "\x00".join(m.id))
        if m.id and text.strip("\x00") and not same:
            result[_key(m)] = text
    return result


def _key(message):
    """Context and singular form: the same message in .po and .mo files."""
    return (message.context, message.id if isinstance(message.id, str) else message.id[0])
