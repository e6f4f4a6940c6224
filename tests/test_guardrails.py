"""Guard rails that catch whole classes of mistakes at once."""

import ast
import io
import os
import re
import shutil
import subprocess
import sys
from itertools import pairwise
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


# The catalogs: "django" for Python and templates, "djangojs" for the
# desk's scripts (served by /desk/editor/texts/).
DOMAINS = ["django", "djangojs"]


def _catalog(language, domain="django"):
    with open(LOCALE / language / "LC_MESSAGES" / f"{domain}.po", "rb") as f:
        return read_po(f, locale=language)


# The UI languages Masthead ships a catalog for; English is the language
# of the source, its catalog has no translations.
TRANSLATED = sorted(
    p.name for p in LOCALE.iterdir() if (p / "LC_MESSAGES").is_dir() and p.name != "en"
)
# What must come through a translation unchanged: placeholders, tags, entities.
PLACEHOLDER = re.compile(
    r"%\([a-z_0-9]+\)[sdif]|%[sdif]|\{[a-z_0-9]*\}|\{\{[^}]*\}\}|<[^>]+>|&[a-z]+;"
)


def test_it_ships_the_ui_languages_it_promises():
    assert len(TRANSLATED) + 1 >= 12, TRANSLATED
    assert {"de", "fr", "es", "it", "pt", "nl", "pl", "tr", "uk", "ar", "ja"} <= set(TRANSLATED)


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("language", TRANSLATED)
def test_it_translates_every_string(language, domain):
    """Every entry of every catalog translated, in every plural form the
    language has, nothing fuzzy, and every placeholder, tag and entity of
    the English kept; and every catalog has the messages the German one
    has (which test_it_extracts_every_marked_string keeps complete)."""
    catalog = _catalog(language, domain)
    problems = []
    for m in catalog:
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        if m.fuzzy or not all(strings):
            problems.append(("untranslated", ids[0]))
        elif isinstance(m.id, tuple) and len(strings) != catalog.num_plurals:
            problems.append((f"{len(strings)} of {catalog.num_plurals} plural forms", ids[0]))
        # A plural's forms say the number their own way: "one article" or
        # "مقال واحد" leave it out, a zero or dual form may put it in.
        allowed = set(PLACEHOLDER.findall(" ".join(ids)))
        for text in filter(None, strings):
            got = PLACEHOLDER.findall(text)
            if isinstance(m.id, tuple):
                wrong = not set(got) <= allowed
            else:
                wrong = sorted(got) != sorted(PLACEHOLDER.findall(m.id))
            if wrong:
                problems.append(("placeholders", ids[0], text))
    assert problems == []


def test_it_ships_compiled_catalogs_that_match_the_sources(tmp_path):
    for po in LOCALE.glob("*/LC_MESSAGES/*.po"):
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
@pytest.mark.parametrize("domain", DOMAINS)
def test_it_extracts_every_marked_string(tmp_path, domain):
    """Django's makemessages, run on a copy of the package, finds no string
    that a catalog lacks."""
    copy = tmp_path / "masthead"
    shutil.copytree(ROOT / "masthead", copy, ignore=shutil.ignore_patterns("__pycache__"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "masthead.settings",
        "PYTHONPATH": str(tmp_path),  # import the copy, so its locale/ is written
        "MASTHEAD_VAR_DIR": str(tmp_path / "var"),
    }
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "de", "--domain", domain,
         "--no-location", "--ignore=demo/content.py", "--ignore=*/tests/*"],
        cwd=copy, env=env, check=True, capture_output=True,
    )  # fmt: skip
    with open(copy / "locale" / "de" / "LC_MESSAGES" / f"{domain}.po", "rb") as f:
        extracted = {_key(m) for m in read_po(f) if m.id}
    missing = {
        language: extracted - {_key(m) for m in _catalog(language, domain) if m.id}
        for language in TRANSLATED
    }
    assert {language: keys for language, keys in missing.items() if keys} == {}, (
        "run `make messages` and translate the new strings"
    )


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


# The layers of Masthead's apps, top-down (docs/architecture.md, "Layers"):
# an app imports apps of its own layer and of the layers below, never above.
SURFACES = {"desk", "feeds", "core", "api", "wpjson", "importers", "demo"}
LAYERS = [
    SURFACES,  # the surfaces, and the tools that write from outside
    {"webhooks"},  # listens to the content apps, tells other systems of their changes
    {"pagecache"},  # listens to the content apps, serves their pages
    {"search"},  # listens to the content apps, indexes and finds them
    {"translations"},  # listens to the content apps, keeps translations in step with their sources
    {"articles", "media", "sections", "people", "audit", "accounts", "signin"},  # the content
    {"lib"},  # small helpers that know no app
]
# The domain: the content apps and lib. They import no surface, not webhooks,
# not the page cache and not search.
DOMAIN = LAYERS[5] | LAYERS[6]
PACKAGE = ROOT / "masthead"


def _is_test(path: Path) -> bool:
    return "tests" in path.parts or path.name == "conftest.py" or path.name.startswith("test_")


def _app_modules():
    """(app, path) of every module of the apps, tests left out."""
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).parts
        if len(parts) > 1 and not _is_test(path):
            yield parts[0], path


def _imports(path: Path):
    """(line, dotted name) of every import of a Masthead module in ``path``,
    at module level or inside a function, relative imports resolved."""
    package = list(path.relative_to(ROOT).parent.parts)
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # from . import x, from ..y import z
                parent = package[: len(package) - node.level + 1]
                base = ".".join(parent + ([node.module] if node.module else []))
            names = [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        yield from ((node.lineno, name) for name in names if name.startswith("masthead."))


def _app_imports():
    """(app, path, line, imported app, dotted name) for every import of
    another app, or of the project's own modules, by an app's code."""
    for app, path in _app_modules():
        for line, name in _imports(path):
            target = name.split(".")[1]
            if target != app:
                yield app, path.relative_to(ROOT), line, target, name


def _layer(app: str) -> int:
    """The index of ``app``'s layer in LAYERS; -1 for the project's own
    modules (masthead/settings.py, urls.py, cli.py), which sit above every app."""
    return next((n for n, layer in enumerate(LAYERS) if app in layer), -1)


def test_every_app_has_a_layer():
    apps = {path.parent.name for path in PACKAGE.glob("*/__init__.py")}
    assert {app for app in apps if _layer(app) < 0} == set(), (
        "place the new app in LAYERS here and in docs/architecture.md"
    )


def test_the_content_apps_and_lib_import_no_surface():
    """articles, sections, people, audit, accounts, signin and lib know
    nothing of the desk, the feeds, core, the page cache or the tools."""
    wrong = [
        f"{path}:{line} imports {name}"
        for app, path, line, target, name in _app_imports()
        if app in DOMAIN and target not in DOMAIN
    ]
    assert not wrong, "\n".join(wrong)


def test_no_app_imports_a_layer_above_its_own():
    wrong = [
        f"{path}:{line} imports {name} ({app} is below {target})"
        for app, path, line, target, name in _app_imports()
        if _layer(target) < _layer(app)
    ]
    assert not wrong, "\n".join(wrong)


def test_the_apps_import_each_other_without_a_cycle():
    """Not even within a layer: two apps that import each other are one
    app in two folders, and their modules load in an order that matters."""
    edges = {}
    for app, path, line, target, name in _app_imports():
        edges.setdefault(app, {}).setdefault(target, f"{path}:{line} imports {name}")

    def cycle_from(app, trail):
        if app in trail:
            return trail[trail.index(app) :] + [app]
        for target in sorted(edges.get(app, {})):
            if found := cycle_from(target, trail + [app]):
                return found
        return None

    for app in sorted(edges):
        if cycle := cycle_from(app, []):
            steps = [edges[a][b] for a, b in pairwise(cycle)]
            pytest.fail(" -> ".join(cycle) + "\n" + "\n".join(steps))
