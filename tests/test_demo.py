"""`masthead demo` keeps its site between runs: only `--fresh` starts over,
never while another demo is serving from the same files, and `--help`
touches nothing. Each test runs the real command in a var folder of its own."""

import contextlib
import fcntl
import hashlib
import os
import re
import signal
import sqlite3
import subprocess
import time

import pytest

from tests.serving import MASTHEAD, fetch, free_port
from tests.test_cli import _shell

pytestmark = pytest.mark.own_site

EDITED = "Am Desk geändert und behalten"


def _demo(env, *args, timeout=180):
    return subprocess.run(
        [MASTHEAD, "demo", *args], env=env, capture_output=True, text=True, timeout=timeout
    )


def _password(output: str) -> str:
    return re.search(r"Password:\s+(\S+)", output).group(1)


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _contents(database) -> str:
    """A digest of what the SQLite database holds, read-only. Not of its
    file: in WAL mode the file changes whenever a connection (the jobs
    worker's, say) checkpoints writes made before, with the same contents."""
    with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as db:
        return hashlib.sha256("\n".join(db.iterdump()).encode()).hexdigest()


def _edit_an_article(env) -> None:
    _shell(
        env,
        "from masthead.articles.models import Article\n"
        "a = Article.objects.filter(language='de').order_by('pk').first()\n"
        f"a.headline = {EDITED!r}\n"
        "a.save()\n",
    )


def _headlines(env) -> list[str]:
    return _shell(
        env,
        "from masthead.articles.models import Article\n"
        "print('\\n'.join(Article.objects.values_list('headline', flat=True)))\n",
    ).splitlines()


def _env(var) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.pop("MASTHEAD_DEMO_PASSWORD", None)
    return env | {"MASTHEAD_VAR_DIR": str(var)}


@pytest.fixture
def demo(built_demo, copy_demo, tmp_path):
    """A copy of the demo site the session built (tests/conftest.py) for one
    test: (var, env for `masthead demo`, env for other commands on its
    database, the first run's output)."""
    var = copy_demo(tmp_path / "var")
    output = built_demo[1]
    env = _env(var)
    on_db = env | {
        "DATABASE_URL": f"sqlite:///{var / 'demo.sqlite3'}",
        "MEDIA_ROOT": str(var / "demo-media"),
    }
    return var, env, on_db, output


def test_help_touches_nothing(demo):
    var, env, _, _ = demo
    before = {p.name: _digest(p) for p in var.iterdir() if p.is_file()}
    result = _demo(env, "--help")
    assert {p.name: _digest(p) for p in var.iterdir() if p.is_file()} == before
    assert result.returncode == 0
    assert "--fresh" in result.stdout


def test_a_second_run_keeps_the_site_and_the_password(demo):
    var, env, on_db, first = demo
    _edit_an_article(on_db)
    images = sorted(p.name for p in (var / "demo-media").rglob("*.jpg"))
    assert images
    second = _demo(env, "--no-serve")
    assert second.returncode == 0, second.stderr
    assert "kept from the last run" in second.stdout
    assert EDITED in _headlines(on_db)
    assert sorted(p.name for p in (var / "demo-media").rglob("*.jpg")) == images
    # The same login, and it works.
    password = _password(first)
    assert _password(second.stdout) == password
    assert (var / "demo-password").stat().st_mode & 0o777 == 0o600
    script = (
        "from django.contrib.auth import authenticate\n"
        f"print(authenticate(username='eda', password={password!r}) is not None)\n"
    )
    assert _shell(on_db, script).strip() == "True"


def test_fresh_starts_over(demo):
    _, env, on_db, first = demo
    count = len(_headlines(on_db))
    _edit_an_article(on_db)
    result = _demo(env, "--fresh", "--no-serve")
    assert result.returncode == 0, result.stderr
    assert "kept from the last run" not in result.stdout
    headlines = _headlines(on_db)
    assert EDITED not in headlines
    assert len(headlines) == count


def test_fresh_is_refused_while_a_demo_is_serving(demo):
    var, env, on_db, _ = demo
    _edit_an_article(on_db)
    port = free_port()
    server = subprocess.Popen(
        [MASTHEAD, "demo", "--bind", f"127.0.0.1:{port}"],
        env=env | {"WEB_CONCURRENCY": "2"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 300  # collectstatic on a busy machine
        while True:
            try:
                assert fetch(f"http://127.0.0.1:{port}/robots.txt")[0] == 200
                break
            except OSError:
                assert server.poll() is None, "the demo server stopped"
                assert time.monotonic() < deadline, "the demo server did not answer"
                time.sleep(0.3)
        # The serving process (granian, exec'd by the demo) holds the lock.
        database = var / "demo.sqlite3"
        before = _contents(database)
        result = _demo(env, "--fresh", "--no-serve")
        assert result.returncode != 0
        assert "Another demo is running" in result.stderr
        assert "Nothing was deleted" in result.stderr
        assert _contents(database) == before
        assert EDITED in _headlines(on_db)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    # Once it has stopped, the lock is free: starting over may go ahead
    # (test_fresh_starts_over runs it).
    with open(var / "demo.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _languages(env) -> list[str]:
    return _shell(
        env,
        "from masthead.articles.models import Article\n"
        "print(sorted(set(Article.objects.values_list('language', flat=True))))\n",
    ).strip()


def test_more_languages_join_the_kept_site_and_stay_when_left_out(demo):
    var, env, on_db, _ = demo
    _edit_an_article(on_db)
    more = _demo(env, "--languages", "de,en,fr,ar", "--no-serve")
    assert more.returncode == 0, more.stderr
    assert "kept from the last run" in more.stdout
    assert "Languages:   de (default), en, fr, ar" in more.stdout
    assert "Added the demo's articles in fr, ar." in more.stdout
    assert EDITED in _headlines(on_db)
    assert _languages(on_db) == "['ar', 'de', 'en', 'fr']"
    count = len(_headlines(on_db))

    fewer = _demo(env, "--no-serve")
    assert fewer.returncode == 0, fewer.stderr
    assert "Languages:   de (default), en\n" in fewer.stdout
    assert "Kept but not shown: the articles in ar, fr" in fewer.stdout
    assert len(_headlines(on_db)) == count


def test_a_wrong_language_list_is_refused_before_anything_is_touched(demo):
    var, env, _, _ = demo
    before = {p.name: _digest(p) for p in var.iterdir() if p.is_file()}
    result = _demo(env, "--languages", "en,fr", "--fresh", "--no-serve")
    assert result.returncode != 0
    assert "--languages must include de" in result.stderr
    assert {p.name: _digest(p) for p in var.iterdir() if p.is_file()} == before
