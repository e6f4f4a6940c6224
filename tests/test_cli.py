"""The `masthead` command as an operator meets it: `demo` builds a site,
`serve` runs it under the production server (granian, DEBUG off)."""

import http.cookiejar
import os
import re
import signal
import subprocess
import time
import urllib.parse
import urllib.request

import pytest

from tests.serving import MASTHEAD, fetch, free_port

pytestmark = pytest.mark.own_site


def _shell(env, script) -> str:
    """Run ``script`` with `masthead shell` in ``env``; what it printed."""
    result = subprocess.run(
        [MASTHEAD, "shell", "--no-imports", "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def _sign_in(base, username="eda", password="correct-horse-42"):
    """Sign in at ``base``/desk/login/ as a browser would (cookies, the form's
    CSRF token); the opener that keeps the session, its cookie jar and the
    response to the form."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login = opener.open(base + "/desk/login/", timeout=10).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login).group(1)
    form = {"csrfmiddlewaretoken": token, "username": username, "password": password}
    response = opener.open(
        urllib.request.Request(
            base + "/desk/login/",
            data=urllib.parse.urlencode(form).encode(),
            headers={"Referer": base + "/desk/login/"},
        ),
        timeout=10,
    )
    return opener, jar, response


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory, copy_demo):
    """The session's demo site (tests/conftest.py), run again with a
    password of the operator's: it keeps the site and prints the login."""
    var = copy_demo(tmp_path_factory.mktemp("cli") / "var")
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env |= {"MASTHEAD_VAR_DIR": str(var), "MASTHEAD_DEMO_PASSWORD": "correct-horse-42"}
    result = subprocess.run(
        [MASTHEAD, "demo", "--no-serve"], env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    # The database in a folder of its own, with SQLite's -wal and -shm files
    # beside it, so that the outage test below can take them away together.
    (var / "db").mkdir()
    for name in ("demo.sqlite3", "demo.sqlite3-wal", "demo.sqlite3-shm"):
        if (var / name).exists():
            (var / name).rename(var / "db" / name)
    return var, env | {"DATABASE_URL": f"sqlite:///{var / 'db' / 'demo.sqlite3'}"}, result.stdout


def test_it_prints_the_admin_login(demo_site):
    _, _, output = demo_site
    assert "http://127.0.0.1:8000/desk/" in output
    assert re.search(r"User:\s+admin", output)
    assert re.search(r"Password:\s+correct-horse-42", output)


def test_it_prints_one_login_per_role(demo_site):
    _, _, output = demo_site
    assert re.search(
        r"Users:\s+admin \(administrator\), eda \(editor\), ron \(reporter\), "
        r"cora \(contributor\), theo \(translator\)\n",
        output,
    )


def test_it_creates_the_users_with_their_roles(demo_site):
    var, env, _ = demo_site
    script = (
        "from django.contrib.auth import authenticate\n"
        "from masthead.accounts.roles import roles_of\n"
        "from masthead.people.models import Author\n"
        "for name in ['admin', 'eda', 'ron', 'cora', 'theo']:\n"
        "    user = authenticate(username=name, password='correct-horse-42')\n"
        "    print(name, user.is_staff, user.is_superuser, ','.join(sorted(roles_of(user))))\n"
        "print('lena', Author.objects.get(slug='lena-hartmann').user.username)\n"
    )
    assert _shell(env, script).splitlines() == [
        "admin True True administrator,contributor,editor,reporter,translator",
        "eda True False editor",
        "ron True False reporter",
        "cora True False contributor",
        "theo True False translator",
        "lena ron",
    ]


@pytest.fixture(scope="module")
def server(demo_site):
    var, env, _ = demo_site
    port = free_port()
    env = env | {
        "MEDIA_ROOT": str(var / "demo-media"),
        # Pages are cached only for requests to the site's own address.
        "SITE_URL": f"http://127.0.0.1:{port}",
    }
    # What the server and its jobs worker print goes to a file: a pipe that
    # nobody reads would stop them once full.
    log = var / "serve.log"
    process = subprocess.Popen(
        [MASTHEAD, "serve", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 300  # collectstatic first, on a busy machine
    while time.monotonic() < deadline:
        try:
            fetch(base + "/robots.txt")
            break
        except OSError:
            time.sleep(0.3)
    else:
        process.kill()
        pytest.fail(log.read_text())
    yield base
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=20)


def test_it_serves_the_demo_in_german_and_english(server):
    status, _, body = fetch(server + "/de/")
    assert status == 200
    assert "Neueste Meldungen" in body.decode()
    status, _, body = fetch(server + "/en/")
    assert status == 200
    assert "Latest" in body.decode()


def test_it_sends_readers_to_their_language(server):
    # urllib follows the redirect to the home page of the best language.
    status, _, body = fetch(server + "/", {"Accept-Language": "en-GB,en;q=0.9"})
    assert status == 200
    assert '<html lang="en" dir="ltr">' in body.decode()
    status, _, body = fetch(server + "/", {"Accept-Language": "de-AT,de;q=0.9"})
    assert '<html lang="de" dir="ltr">' in body.decode()


def test_it_runs_with_debug_off_and_a_localized_404(server):
    status, _, body = fetch(server + "/de/artikel/gibt-es-nicht/")
    assert status == 404
    text = body.decode()
    assert "Seite nicht gefunden" in text
    assert "Traceback" not in text and "DEBUG" not in text


def test_it_serves_hashed_compressed_static_files(server):
    _, _, body = fetch(server + "/de/")
    css = re.search(r'href="(/static/masthead/site\.[0-9a-f]{12}\.css)"', body.decode())
    assert css, "static files are not hashed"
    status, headers, _ = fetch(server + css.group(1), {"Accept-Encoding": "br, gzip"})
    assert status == 200
    assert headers.get("Content-Encoding") in ("br", "gzip")
    assert "max-age=315360000" in headers.get("Cache-Control", "")


def test_it_caches_pages_across_workers(server):
    """Two workers share the file cache: after one request has stored the
    page, whichever worker answers serves it from the cache."""
    fetch(server + "/en/")
    states = {fetch(server + "/en/")[1].get("X-Cache") for _ in range(6)}
    assert states == {"HIT"}


def test_it_keeps_serving_readers_while_the_database_is_gone(server, demo_site):
    """Take the database's folder away under the running server, then bring
    it back. (Moving the SQLite file alone would part it from its -wal
    file, and let SQLite make an empty database in its place.)"""
    var, _, _ = demo_site
    assert fetch(server + "/de/")[0] == 200  # stored in the page cache
    (var / "db").rename(var / "db-away")
    try:
        status, headers, body = fetch(server + "/de/")
        assert status == 200 and headers["X-Cache"] == "HIT"
        # A page never stored cannot be shown: a localized 503, come back soon.
        status, headers, body = fetch(server + "/de/rubrik/kultur/")
        assert status == 503
        assert headers["Retry-After"].isdigit()
        assert "Gleich wieder da" in body.decode()
        time.sleep(1.5)  # the jobs worker looks for work (every second), and finds no database
    finally:
        (var / "db-away").rename(var / "db")
    # Back: the site recovers by itself.
    assert fetch(server + "/de/rubrik/kultur/")[0] == 200


def test_it_runs_background_jobs_in_a_worker_beside_the_server(server, demo_site, tmp_path):
    """`masthead serve` started `masthead worker` (masthead/lib/jobs.py),
    which outlived the database going away in the test before."""
    var, env, _ = demo_site
    out = tmp_path / "out.txt"
    _shell(
        env, f"from masthead.lib.tests.jobs import write\nwrite.enqueue({str(out)!r}, 'erledigt')"
    )
    # The worker may be in its longest wait after the outage (30 s), on a
    # machine busy with other tests.
    deadline = time.monotonic() + 90
    while not out.exists():
        assert time.monotonic() < deadline, (
            "no worker ran the job:\n" + (var / "serve.log").read_text()[-5000:]
        )
        time.sleep(0.2)
    assert out.read_text() == "erledigt"
