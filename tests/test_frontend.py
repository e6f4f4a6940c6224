"""The front end the README documents: nginx, configured by `masthead
frontend_config`, in front of `masthead serve` with PAGE_FILES_DIR. Both
run for real; the pages readers get from files must follow every change
exactly as Masthead's own pages do."""

import json
import os
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from masthead.pagecache.files import BUCKET_SECONDS, bucket
from tests.serving import MASTHEAD, fetch, free_port
from tests.test_cli import _shell, _sign_in

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

pytestmark = [pytest.mark.needs_program("nginx"), pytest.mark.own_site]


def _wait(url, process):
    deadline = time.monotonic() + 300  # `masthead serve` collects static files first
    while time.monotonic() < deadline:
        try:
            return fetch(url)
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.2)
    pytest.fail(f"{url} did not answer")


@pytest.fixture(scope="module")
def site(tmp_path_factory, copy_demo):
    assert os.path.exists(NGINX), "nginx is needed (apt-get install nginx; make test does)"
    var = copy_demo(tmp_path_factory.mktemp("frontend") / "var")
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env |= {
        "MASTHEAD_VAR_DIR": str(var),
        "MASTHEAD_DEMO_PASSWORD": "correct-horse-42",
        "PAGE_FILES_DIR": str(var / "pages"),
    }
    subprocess.run([MASTHEAD, "demo", "--no-serve"], env=env, check=True, capture_output=True)
    app_port, front_port = free_port(), free_port()
    env |= {
        "DATABASE_URL": f"sqlite:///{var / 'demo.sqlite3'}",
        "DEBUG": "false",
        # The address readers use: nginx's. Masthead stores pages (and
        # writes files) only for requests to it.
        "SITE_URL": f"http://127.0.0.1:{front_port}",
    }
    app = subprocess.Popen(
        [MASTHEAD, "serve", "--bind", f"127.0.0.1:{app_port}", "--workers", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    config = subprocess.run(
        [
            MASTHEAD, "frontend_config", "--standalone", str(var / "nginx"), "--workers", "1",
            "--listen", f"127.0.0.1:{front_port}", "--upstream", f"127.0.0.1:{app_port}",
        ],
        env=env, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    (var / "nginx.conf").write_text(config)
    front = subprocess.Popen(
        [NGINX, "-c", str(var / "nginx.conf"), "-e", str(var / "nginx" / "error.log"),
         "-g", "daemon off;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip
    try:
        _wait(f"http://127.0.0.1:{app_port}/robots.txt", app)
        _wait(f"http://127.0.0.1:{front_port}/robots.txt", front)
        yield f"http://127.0.0.1:{front_port}", env
    finally:
        for process in (front, app):
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=20)


def _twice(url, headers=None):
    """The first request renders (and writes the file), the second reads it."""
    fetch(url, headers)
    return fetch(url, headers)


def test_it_serves_cached_pages_from_files(site):
    base, _ = site
    status, headers, body = fetch(base + "/de/")
    assert headers["X-Cache"] in ("MISS", "HIT", "FILE")
    status, headers, body = _twice(base + "/de/")
    assert status == 200
    assert headers["X-Cache"] == "FILE"
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Content-Language"] == "de"
    assert headers["Cache-Control"].startswith("public, max-age=0, s-maxage=")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "SAMEORIGIN"
    assert '<html lang="de"' in body.decode()
    # The same page as Masthead's own.
    app_body = fetch(base + "/de/", {"Cookie": "sessionid=anything"})[2]
    assert app_body == body


def test_it_sends_compressed_files_and_304s(site):
    """Brotli where the configuration promises it: `masthead frontend_config`
    turns brotli_static on when nginx's Brotli module is installed (make
    test installs it), and gzip is there either way."""
    from masthead.pagecache.management.commands.frontend_config import BROTLI_MODULE

    base, env = site
    config = subprocess.run(
        [MASTHEAD, "frontend_config"], env=env, check=True, capture_output=True, text=True
    ).stdout
    brotli = "brotli_static on;" in config
    assert brotli == os.path.exists(BROTLI_MODULE)
    _, headers, plain = _twice(base + "/en/")
    _, br, _ = fetch(base + "/en/", {"Accept-Encoding": "br, gzip"})
    _, gz, _ = fetch(base + "/en/", {"Accept-Encoding": "gzip"})
    assert br["Content-Encoding"] == ("br" if brotli else "gzip")
    assert gz["Content-Encoding"] == "gzip"
    assert br["Vary"] == gz["Vary"] == "Accept-Encoding"
    assert int(br["Content-Length"]) < len(plain) / 2
    assert int(gz["Content-Length"]) < len(plain) / 2
    status, _, body = fetch(base + "/en/", {"If-None-Match": headers["ETag"]})
    assert (status, body) == (304, b"")


def _policy(headers) -> set[str]:
    return {part.strip() for part in headers["Content-Security-Policy"].split(";")}


def test_page_files_carry_the_same_security_policies(site):
    base, _ = site
    _, headers, _ = _twice(base + "/de/")
    assert headers["X-Cache"] == "FILE"
    _, live, _ = fetch(base + "/de/", {"Cookie": "sessionid=anything"})
    assert live.get("X-Cache") not in ("FILE", "HIT")
    assert _policy(headers) == _policy(live)
    assert "script-src 'self'" in _policy(headers)
    for name in ("Permissions-Policy", "Reporting-Endpoints"):
        assert headers[name] == live[name]


def test_uploads_are_served_as_images_that_never_run(site):
    base, env = site
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (4, 3)).save(buffer, "PNG")
    folder = Path(env["MASTHEAD_VAR_DIR"]) / "media" / "frontend-test"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "x.png").write_bytes(buffer.getvalue())
    # A file saved before uploads were checked, under a name that is not an image's.
    (folder / "old.pdf").write_bytes(buffer.getvalue())

    status, headers, body = fetch(base + "/media/frontend-test/x.png")
    assert status == 200
    assert headers["Content-Type"] == "image/png"
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in headers["Content-Security-Policy"]
    status, headers, _ = fetch(base + "/media/frontend-test/old.pdf")
    assert status == 200
    assert headers["Content-Type"] == "application/octet-stream"
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_it_serves_feeds_with_their_type(site):
    base, _ = site
    _, headers, body = _twice(base + "/de/feed/atom/")
    assert headers["X-Cache"] == "FILE"
    assert headers["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert body.startswith(b"<?xml")


def test_it_shows_a_change_on_the_next_request(site):
    base, env = site
    _, _, body = _twice(base + "/de/")
    url = _shell(
        env,
        "from masthead.articles.models import Article\n"
        "a = Article.objects.public().filter(language='de').order_by('-publish_at').first()\n"
        "a.headline = 'Frisch geändert am Desk'\n"
        "a.save()\n"
        "print(a.get_absolute_url())\n",
    ).strip()
    assert "Frisch geändert am Desk" not in body.decode()
    status, headers, body = fetch(base + "/de/")
    assert headers["X-Cache"] != "FILE"
    assert "Frisch geändert am Desk" in body.decode()
    _, headers, body = _twice(base + url)
    assert headers["X-Cache"] == "FILE"
    assert "Frisch geändert am Desk" in body.decode()


def test_it_publishes_a_scheduled_article_on_time(site):
    base, env = site
    due = float(
        _shell(
            env,
            "import uuid\n"
            "from datetime import timedelta\n"
            "from django.utils import timezone\n"
            "from masthead.articles.models import Article\n"
            "a = Article.objects.filter(language='de').first()\n"
            "a.pk = None\n"
            "a.slug = 'geplant-fuer-gleich'\n"
            "a.translation_key = uuid.uuid4()\n"
            "a.headline = 'Geplant für gleich'\n"
            "a.publish_at = timezone.now() + timedelta(seconds=6)\n"
            "a.save()\n"
            "print(a.publish_at.timestamp())\n",
        )
    )
    checked = 0
    while time.time() < due - 0.5:
        asked = time.time()
        _, headers, body = fetch(base + "/de/")
        if time.time() < due:  # the answer came before the publish time
            assert "Geplant für gleich" not in body.decode()
            # No file may outlive the publish time: Masthead answers itself,
            # unless the file's time bucket ends before then (the front end
            # stops serving it at that end; files.path_for).
            bucket_end = (bucket(asked) + 1) * BUCKET_SECONDS
            assert headers.get("X-Cache") != "FILE" or bucket_end <= due
            checked += 1
        time.sleep(0.2)
    assert checked, "the machine was too slow to ask before the publish time"
    time.sleep(max(0, due - time.time()) + 0.3)
    _, _, body = fetch(base + "/de/")
    assert "Geplant für gleich" in body.decode()


def test_it_sends_staff_and_view_parameters_to_masthead(site):
    base, _ = site
    _twice(base + "/de/")
    assert fetch(base + "/de/", {"Cookie": "sessionid=abc"})[1].get("X-Cache") != "FILE"
    # The parameters a view reads (pagecache/middleware.py: QUERY_PARAMETERS), even empty.
    more = re.search(rb'<p class="more"><a href="\?before=([^"]+)"', fetch(base + "/de/")[2])
    for query in (f"before={more[1].decode()}", "before=", "page=3", "after=x&utm_source=y"):
        assert _twice(base + f"/de/?{query}")[1].get("X-Cache") != "FILE", query
    status, headers, _ = fetch(base + "/desk/login/")
    assert status == 200
    assert headers.get("X-Cache") is None
    assert "private" in headers["Cache-Control"]


def _change_something(env):
    """A change at the desk: a new generation, no page files yet."""
    _shell(
        env,
        "from masthead.sections.models import Section\n"
        "s = Section.objects.first()\n"
        "s.position += 1\n"
        "s.save()\n",
    )


TRACKING = ("utm_source=newsletter&utm_medium=email", "fbclid=IwAR0x", "gclid=Cj0", "mc_cid=4f")


def test_addresses_with_tracking_parameters_get_the_one_file(site):
    base, env = site
    _change_something(env)
    # The first reader arrives from a newsletter: Masthead renders the
    # page, and writes it as the file of the plain address.
    status, headers, first = fetch(base + "/de/?utm_source=newsletter&utm_campaign=a1")
    assert (status, headers["X-Cache"]) == (200, "MISS")
    assert b"utm_" not in first
    for query in TRACKING:
        status, headers, body = fetch(base + f"/de/?{query}")
        assert (status, headers["X-Cache"]) == (200, "FILE"), query
        assert body == first
    assert fetch(base + "/de/")[1]["X-Cache"] == "FILE"


def test_a_request_for_another_port_plants_no_page(site):
    """ALLOWED_HOSTS ignores the port and nginx files pages under the host
    without it: a request naming another port must neither carry that
    address into a page nor leave a file for the site's readers."""
    base, env = site
    _change_something(env)
    for _ in range(2):
        status, headers, body = fetch(base + "/en/", {"Host": "127.0.0.1:6666"})
        assert status == 200
        assert headers.get("X-Cache") != "FILE"
        assert b"6666" not in body
        assert f'<link rel="canonical" href="{base}/en/">'.encode() in body
    status, headers, body = fetch(base + "/en/")
    assert headers["X-Cache"] == "MISS"  # nothing stored by the other port's requests
    assert b"6666" not in body
    assert fetch(base + "/en/", {"Host": "127.0.0.1:6666"})[1]["X-Cache"] == "FILE"


def test_it_never_writes_not_found_pages(site):
    base, _ = site
    for _ in range(2):
        status, headers, _ = fetch(base + "/de/artikel/gibt-es-nicht/")
        assert status == 404
        assert headers.get("X-Cache") != "FILE"


def test_it_serves_hashed_static_files_for_a_year(site):
    base, _ = site
    _, _, body = fetch(base + "/de/")
    css = re.search(rb'href="(/static/masthead/site\.[0-9a-f]{12}\.css)"', body).group(1)
    status, headers, _ = fetch(base + css.decode(), {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["Content-Encoding"] == "gzip"
    assert "granian" not in headers.get("Server", "")


def test_staff_sign_in_through_the_front_end_and_see_live_pages(site):
    """A form post passes the front end with its body; once signed in (a
    session cookie), pages come from Masthead, never from a file."""
    base, _ = site
    opener, jar, response = _sign_in(base)
    assert response.url.rstrip("/").endswith("/desk")
    assert "sessionid" in {cookie.name for cookie in jar}
    _twice(base + "/de/")  # a file for anonymous readers
    signed_in = opener.open(base + "/de/", timeout=10)
    assert signed_in.headers.get("X-Cache") is None  # live, not even Masthead's cache


def test_page_files_carry_the_wordpress_api_discovery_link(site):
    base, _ = site
    _, headers, _ = _twice(base + "/de/")
    assert headers["X-Cache"] == "FILE"
    _, live, _ = fetch(base + "/de/", {"Cookie": "sessionid=anything"})
    assert headers["Link"] == live["Link"] == f'<{base}/de/wp-json/>; rel="https://api.w.org/"'
    _, feed, _ = _twice(base + "/de/feed/atom/")
    assert feed["X-Cache"] == "FILE" and "Link" not in feed


def test_the_wordpress_api_answers_through_the_front_end(site):
    base, _ = site
    status, headers, body = _twice(base + "/wp-json/wp/v2/posts?per_page=2&utm_source=x")
    assert status == 200
    assert headers["X-Cache"] == "HIT"  # Masthead's page cache; JSON is never a file
    assert headers["X-WP-Total"] and int(headers["X-WP-TotalPages"]) >= 1
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert len(json.loads(body)) == 2
