"""`masthead backup` and `masthead restore` as an operator runs them: a
demo site is backed up, restored into a fresh site, and compared row by row
and file by file; a backup taken while articles are being saved restores to
a consistent database. On SQLite always; on PostgreSQL when the suite runs
on it (each site a database of its own, created here and dropped after)."""

import json
import os
import shutil
import subprocess
import tarfile
import time
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.serving import MASTHEAD
from tests.test_cli import _shell

ENGINES = ["sqlite", "postgresql"]

SNAPSHOT = """
import hashlib, json
from django.contrib.auth import get_user_model
from masthead.articles.models import Article, ArticleAuthor, Correction, Revision, SlugRedirect
from masthead.media.models import Image
from masthead.people.models import Author
from masthead.sections.models import Section, Tag

def rows(model):
    return list(model.objects.order_by("pk").values())

def digest(file):
    with file.open("rb") as f:
        return hashlib.sha256(f.read()).hexdigest()

print(json.dumps({
    "articles": rows(Article),
    "article_tags": rows(Article.tags.through),
    "bylines": rows(ArticleAuthor),
    "revisions": rows(Revision),
    "redirects": rows(SlugRedirect),
    "corrections": rows(Correction),
    "sections": rows(Section),
    "tags": rows(Tag),
    "authors": rows(Author),
    "library": rows(Image),
    "users": list(get_user_model().objects.order_by("pk").values("username", "password")),
    "images": {i.file.name: digest(i.file) for i in Image.objects.all()},
    "photos": {a.photo.name: digest(a.photo) for a in Author.objects.exclude(photo="")},
}, default=str, sort_keys=True))
"""

# A changed slug (a redirect), an edited headline (a revision).
EDITS = """
from masthead.articles import services
from masthead.articles.models import Article
for n, a in enumerate(Article.objects.filter(language="de").order_by("pk")[:3]):
    a.slug = f"neue-adresse-{n}"
    a.headline = f"Vor der Sicherung geändert ({n})"
    services.save_article(
        a, authors=[b.author for b in a.bylines.order_by("position")], tags=list(a.tags.all())
    )
"""

# Saves articles in a loop until told to stop; each save changes the
# headline and keeps a revision in one transaction.
WRITER = """
import pathlib
from masthead.articles import services
from masthead.articles.models import Article
stop, progress = pathlib.Path({stop!r}), pathlib.Path({progress!r})
pks = list(Article.objects.order_by("pk").values_list("pk", flat=True)[:6])
n = 0
while not stop.exists():
    a = Article.objects.get(pk=pks[n % len(pks)])
    a.headline = f"Fassung {{n}}"
    services.save_article(
        a, authors=[b.author for b in a.bylines.order_by("position")], tags=list(a.tags.all())
    )
    n += 1
    # Whole or not at all: the test reads it while this loop goes on.
    progress.with_suffix(".tmp").write_text(str(n))
    progress.with_suffix(".tmp").replace(progress)
"""

CONSISTENT = """
from django.db import connection
from masthead.articles.models import Article
if connection.vendor == "sqlite":
    with connection.cursor() as cursor:
        print(cursor.execute("PRAGMA integrity_check").fetchone()[0])
        print(len(cursor.execute("PRAGMA foreign_key_check").fetchall()), "foreign key errors")
else:
    print("ok")  # pg_restore re-creates every foreign key and checks the rows against it
    print(0, "foreign key errors")
connection.check_constraints()
torn = [
    a.pk for a in Article.objects.all()
    if a.revisions.order_by("-number").first().headline != a.headline
]
print(len(torn), "articles whose newest revision differs")
print(sum(a.headline.startswith("Fassung") for a in Article.objects.all()), "saved by the writer")
"""


def _run(env, *args, timeout=300):
    return subprocess.run(
        [MASTHEAD, *args], env=env, capture_output=True, text=True, timeout=timeout
    )


def _snapshot(env) -> dict:
    return json.loads(_shell(env, SNAPSHOT))


class Sites:
    """Fresh, empty sites of one engine: ``sites.new("name")`` is the
    environment of a site with its own var folder, media and database."""

    def __init__(self, engine, folder):
        self.engine, self.folder, self.databases = engine, folder, []
        url = os.environ.get("DATABASE_URL", "")
        on_postgres = url.startswith(("postgres://", "postgresql://"))
        if engine == "postgresql" and not on_postgres:
            pytest.skip("PostgreSQL runs when the suite does (DATABASE_URL=postgres://…)")
        if engine == "sqlite" and on_postgres:
            pytest.skip("SQLite sites: the SQLite pass runs them")
        self.server = urlsplit(url)

    def new(self, name):
        var = self.folder / name
        env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "MEDIA_ROOT")}
        env |= {
            "MASTHEAD_VAR_DIR": str(var),
            "MEDIA_ROOT": str(var / "media"),
            "MASTHEAD_DEMO_PASSWORD": "correct-horse-42",
        }
        if self.engine == "sqlite":
            env["DATABASE_URL"] = f"sqlite:///{var / 'site.sqlite3'}"
        else:
            database = f"{self.server.path.lstrip('/')}_backup_{name}"
            self._sql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
            self._sql(f'CREATE DATABASE "{database}"')
            self.databases.append(database)
            env["DATABASE_URL"] = urlunsplit(self.server._replace(path="/" + database))
        return env

    def drop_all(self):
        for database in self.databases:
            self._sql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')

    def _sql(self, statement):
        import psycopg

        url = urlunsplit(self.server._replace(path="/postgres"))
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(statement)


@pytest.fixture(scope="module", params=ENGINES)
def sites(request, tmp_path_factory):
    sites = Sites(request.param, tmp_path_factory.mktemp(f"sites-{request.param}"))
    yield sites
    sites.drop_all()


@pytest.fixture(scope="module")
def backed_up(sites, request):
    """The demo site with a few edits, backed up: (its env, the archive,
    its snapshot). On SQLite, a copy of the session's demo site (in the
    demo's own places: its database and media in the var folder), which
    `masthead demo` keeps, giving it the password of the test."""
    if sites.engine == "sqlite":
        var = request.getfixturevalue("copy_demo")(sites.folder / "source")
        env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
        env |= {
            "MASTHEAD_VAR_DIR": str(var),
            "DATABASE_URL": f"sqlite:///{var / 'demo.sqlite3'}",
            "MEDIA_ROOT": str(var / "demo-media"),
            "MASTHEAD_DEMO_PASSWORD": "correct-horse-42",
        }
    else:
        env = sites.new("source")
    result = _run(env, "demo", "--no-serve")
    assert result.returncode == 0, result.stderr
    _shell(env, EDITS)
    archive = sites.folder / "source.tar"
    result = _run(env, "backup", str(archive))
    assert result.returncode == 0, result.stderr
    return env, archive, _snapshot(env)


def test_a_restored_site_has_every_article_revision_image_and_redirect(sites, backed_up):
    _, archive, before = backed_up
    assert len(before["redirects"]) >= 3
    assert len(before["revisions"]) > len(before["articles"])
    assert before["images"]
    target = sites.new("restored")
    result = _run(target, "restore", str(archive))
    assert result.returncode == 0, result.stderr
    assert _snapshot(target) == before
    # The restored site runs: the demo login works on it.
    script = (
        "from django.contrib.auth import authenticate\n"
        "print(authenticate(username='eda', password='correct-horse-42') is not None)\n"
    )
    assert _shell(target, script).strip() == "True"


def test_the_archive_says_what_it_holds(sites, backed_up):
    _, archive, before = backed_up
    assert archive.stat().st_mode & 0o777 == 0o600
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        names = set(tar.getnames())
    assert manifest["engine"] == sites.engine
    assert manifest["version"] == "0.1.0"
    assert "0001_initial" in manifest["migrations"]["articles"]
    assert set(manifest["checksums"]) | {"manifest.json"} == names
    assert {f"media/{name}" for name in before["images"]} <= names
    assert manifest["missing_media"] == []


def test_restore_refuses_a_site_that_holds_data(sites, backed_up):
    env, archive, before = backed_up
    result = _run(env, "restore", str(archive))
    assert result.returncode != 0
    assert "This site is not empty" in result.stderr
    assert _snapshot(env) == before
    # Nor is an existing archive ever overwritten.
    size = archive.stat().st_size
    result = _run(env, "backup", str(archive))
    assert result.returncode != 0 and "exists already" in result.stderr
    assert archive.stat().st_size == size


def test_restore_refuses_a_damaged_archive(sites, backed_up):
    _, archive, _ = backed_up
    damaged = sites.folder / "damaged.tar"
    shutil.copy(archive, damaged)
    with tarfile.open(damaged) as tar:
        offset = tar.getmember(tar.getnames()[0]).offset_data
    with open(damaged, "r+b") as f:
        f.seek(offset + 200)
        byte = f.read(1)
        f.seek(offset + 200)
        f.write(bytes([byte[0] ^ 0xFF]))
    target = sites.new("damaged")
    result = _run(target, "restore", str(damaged))
    assert result.returncode != 0
    assert "is damaged" in result.stderr
    assert not (sites.folder / "damaged" / "media").exists()


def test_restore_refuses_a_backup_of_the_other_engine(sites, backed_up, tmp_path):
    """The archive's manifest names its engine; a site on the other one refuses it."""
    _, archive, _ = backed_up
    other = "postgresql" if sites.engine == "sqlite" else "sqlite"
    try:
        target = Sites(other, tmp_path).new("other")
    except pytest.skip.Exception:
        pytest.skip("needs PostgreSQL as well")
    result = _run(target, "restore", str(archive))
    assert result.returncode != 0
    assert "restore it into a site on" in result.stderr


def test_a_backup_taken_while_articles_are_saved_restores_consistently(sites, backed_up):
    _, archive, _ = backed_up
    live = sites.new("live")
    assert _run(live, "restore", str(archive)).returncode == 0
    stop, progress = sites.folder / "stop", sites.folder / "progress"
    writer = subprocess.Popen(
        [
            MASTHEAD,
            "shell",
            "--no-imports",
            "-c",
            WRITER.format(stop=str(stop), progress=str(progress)),
        ],
        env=live,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not progress.exists():
            assert writer.poll() is None, writer.stderr.read()
            assert time.monotonic() < deadline, "the writer saved nothing"
            time.sleep(0.2)
        archives = []
        for n in range(2):
            saved_before = int(progress.read_text())
            archives.append(sites.folder / f"live-{n}.tar")
            result = _run(live, "backup", str(archives[-1]))
            assert result.returncode == 0, result.stderr
            assert int(progress.read_text()) > saved_before, "no save during the backup"
    finally:
        stop.touch()
        writer.wait(timeout=60)
    assert writer.returncode == 0, writer.stderr.read()

    for n, taken in enumerate(archives):
        target = sites.new(f"consistent{n}")
        result = _run(target, "restore", str(taken))
        assert result.returncode == 0, result.stderr
        lines = _shell(target, CONSISTENT).splitlines()
        assert lines[:3] == [
            "ok",
            "0 foreign key errors",
            "0 articles whose newest revision differs",
        ]
        assert int(lines[3].split()[0]) > 0  # the snapshot holds the writer's saves
