"""`masthead demo --languages de,en,fr,ar`: the `masthead` command hands the
list to the settings before Django reads them, and the demo command refuses
a list it cannot use, saying why, before it touches anything."""

import pytest
from django.core.management import CommandError, call_command

from masthead.cli import demo_environment


def test_the_masthead_command_hands_the_languages_to_the_settings():
    environ = {"MASTHEAD_VAR_DIR": "/srv/masthead/var"}
    demo_environment(["demo", "--languages", "en,de,fr,ar", "--no-serve"], environ)
    assert environ == {
        "MASTHEAD_VAR_DIR": "/srv/masthead/var",
        "DATABASE_URL": "sqlite:////srv/masthead/var/demo.sqlite3",
        "MEDIA_ROOT": "/srv/masthead/var/demo-media",
        "MASTHEAD_LANGUAGES": "en,de,fr,ar",
        # The order does not change the default language.
        "MASTHEAD_DEFAULT_LANGUAGE": "de",
    }


@pytest.mark.parametrize("args", [["--languages", "en,fr"], ["--languages=de,xx"], []])
def test_it_hands_on_no_list_the_settings_would_refuse(args):
    environ = {"DATABASE_URL": "postgres://db/site"}
    demo_environment(["demo", *args], environ)
    assert environ == {"DATABASE_URL": "postgres://db/site"}


@pytest.mark.parametrize(
    "value, message",
    [
        ("en,fr", "--languages must include de, the site's default language"),
        ("de,xx", "'xx' is not a language code"),
        ("de,en,de", "--languages names de twice"),
        (" , ", "--languages needs language codes"),
        ("de,en,fr", "came too late: the settings were read with the languages de,en"),
    ],
)
def test_the_demo_command_refuses_a_list_it_cannot_use(value, message, settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"
    with pytest.raises(CommandError, match=message):
        call_command("demo", languages=value, no_serve=True)
    assert not settings.VAR_DIR.exists()
