"""Redis goes away under a running `masthead serve`, and comes back.

The cache is an accelerator, not a dependency: while readers keep asking
for pages, the test kills its own Redis server, starts it again on the
same port, then pauses it (connections hang, its data stays, as in a
network outage) while a change is made, and resumes it. No request may
get a 5xx; the desk keeps working; the page cache serves hits again by
itself; every response after the outage shows the change; and the log
says that the cache is away once per worker, not once per request.
masthead/pagecache/tests/test_cache_outage.py tests the parts in-process."""

import os
import re
import signal
import subprocess
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.serving import MASTHEAD, fetch, free_port
from tests.test_cli import _shell, _sign_in

pytestmark = pytest.mark.own_site

WORKERS = 2


@pytest.fixture
def site(tmp_path, redis_server, copy_demo):
    var = copy_demo(tmp_path / "var")
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env |= {"MASTHEAD_VAR_DIR": str(var), "MASTHEAD_DEMO_PASSWORD": "correct-horse-42"}
    subprocess.run(
        [MASTHEAD, "demo", "--no-serve"], env=env, check=True, capture_output=True, timeout=180
    )
    env |= {
        "DATABASE_URL": f"sqlite:///{var / 'demo.sqlite3'}",
        "MEDIA_ROOT": str(var / "demo-media"),
        "REDIS_URL": redis_server.url,
        "PAGE_FILES_DIR": str(var / "pages"),
    }
    port = free_port()
    # Pages are stored (and written as files) only for the site's own address.
    env["SITE_URL"] = f"http://127.0.0.1:{port}"
    log = tmp_path / "serve.log"
    with open(log, "wb") as output:
        process = subprocess.Popen(
            [MASTHEAD, "serve", "--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS)],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 300  # migrate and collectstatic first; slow when busy
        while time.monotonic() < deadline and process.poll() is None:
            try:
                fetch(base + "/robots.txt")
                break
            except OSError:
                time.sleep(0.3)
        else:
            pytest.fail(f"masthead serve did not start:\n{log.read_text()}")
        yield base, env, log
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


class Load:
    """Readers: a few threads asking for ``urls`` in turn, at most
    ``limit`` requests in all, each answer counted by phase."""

    def __init__(self, urls, threads=4, limit=6000):
        self.urls, self.limit = urls, limit
        self.phase = "before"
        self.statuses = Counter()  # (phase, status)
        self.failures = []
        self.done = 0
        self.condition = threading.Condition()
        self.stopping = False
        self.threads = [threading.Thread(target=self._run, args=(n,)) for n in range(threads)]

    def _run(self, n):
        i = n
        while True:
            with self.condition:
                if self.stopping or self.done >= self.limit:
                    return
                phase = self.phase
            url = self.urls[i % len(self.urls)]
            i += 1
            try:
                status = fetch(url)[0]
            except OSError as e:
                status = f"error {e}"
            with self.condition:
                self.statuses[phase, status] += 1
                if not isinstance(status, int) or status >= 500:
                    self.failures.append((phase, url, status))
                self.done += 1
                self.condition.notify_all()

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        with self.condition:
            self.stopping = True
        for thread in self.threads:
            thread.join(timeout=60)

    def next_phase(self, phase, *, after):
        """Wait until ``after`` more requests were answered, then count the
        following ones under ``phase``."""
        with self.condition:
            target = self.done + after
            assert self.condition.wait_for(lambda: self.done >= target, timeout=300), (
                "the load stalled"
            )
            self.phase = phase

    def count(self, phase):
        return sum(n for (p, _), n in self.statuses.items() if p == phase)


def _until_hit(url, attempts=200):
    """Ask for ``url`` until the page cache answers it (bounded)."""
    for _ in range(attempts):
        status, headers, body = fetch(url)
        assert status == 200
        if headers.get("X-Cache") == "HIT":
            return body.decode()
        time.sleep(0.1)
    pytest.fail(f"{url} was never served from the cache again")


def _sign_in_to_the_desk(base):
    opener, _jar, response = _sign_in(base)
    assert response.url.rstrip("/").endswith("/desk")
    assert opener.open(base + "/desk/", timeout=10).status == 200


def test_readers_and_staff_get_no_error_while_redis_is_away(site, redis_server):
    base, env, log = site
    var = Path(env["MASTHEAD_VAR_DIR"])
    _, _, home = fetch(base + "/de/")
    article = re.search(r'href="(/de/artikel/[^"]+)"', home.decode()).group(1)
    urls = [
        base + path
        for path in ("/de/", article, "/de/feed/rss/", "/robots.txt", "/sitemap.xml", "/en/")
    ]
    with Load(urls) as load:
        load.next_phase("killed", after=60)
        redis_server.stop()
        started = time.monotonic()
        _sign_in_to_the_desk(base)
        load.next_phase("killed, later", after=100)
        generation = (var / "pages" / "current" / ".generation").read_text()
        load.next_phase("restarted", after=100)
        # The workers kept the page files for the front end, in one generation.
        assert (var / "pages" / "current" / ".generation").read_text() == generation
        assert list((var / "pages" / "current").rglob("index.html"))
        redis_server.start()  # empty, on the same port
        outages = [time.monotonic() - started]
        load.next_phase("after restart", after=100)
    assert load.failures == []
    assert load.count("killed") + load.count("killed, later") >= 200
    _until_hit(base + "/de/")  # the page cache works again by itself

    with Load(urls) as load:
        load.next_phase("paused", after=40)
        redis_server.pause()
        started = time.monotonic()
        # A change made while Redis hangs, by another process.
        _shell(
            env,
            "from masthead.articles.models import Article\n"
            "a = Article.objects.public().filter(language='de').order_by('-publish_at').first()\n"
            "a.headline = 'Geändert, während der Cache fehlte'\n"
            "a.save()\n",
        )
        load.next_phase("resumed", after=100)
        redis_server.resume()  # with the pages and the generation it had
        outages.append(time.monotonic() - started)
        load.next_phase("after resume", after=100)
    assert load.failures == []
    assert load.count("paused") >= 100
    assert "Geändert, während der Cache fehlte" in _until_hit(base + "/de/")
    for _ in range(10):  # whichever worker answers
        assert "Geändert, während der Cache fehlte" in fetch(base + "/de/")[2].decode()

    output = log.read_text()
    assert "Traceback" not in output
    away = output.count("does not answer")
    # Once per worker and minute, not once per request (hundreds of them).
    most = sum(WORKERS * (1 + int(seconds // 60)) for seconds in outages)
    assert 1 <= away <= most, output
    assert output.count("answers again") <= away
