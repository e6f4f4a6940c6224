"""Two application servers behind one shared Varnish, purged by content tags
(masthead/pagecache/purge.py).

Varnish runs with the configuration `masthead frontend_config --varnish`
prints, in front of two `masthead serve` processes that share one database
and one cache: in the PostgreSQL pass PostgreSQL and Redis, each server
with its own folder as on a machine of its own; in the SQLite pass a
database file and the file cache of one folder. Changes are made by a
third process (`masthead shell`), as an editor on any machine would, and
every request after one goes through Varnish, round robin to both servers.
"""

import http.client
import os
import shutil
import subprocess
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest

from tests.serving import MASTHEAD, free_port, get, serve, shell, stop

XKEY = "/usr/lib/x86_64-linux-gnu/varnish/vmods/libvmod_xkey.so"
GERMAN = "/de/artikel/rat-beschliesst-haushalt/"
ENGLISH = "/en/article/council-passes-budget/"

pytestmark = [
    pytest.mark.needs_program("varnishd", package="varnish"),
    pytest.mark.skipif(
        shutil.which("varnishd") is not None and not Path(XKEY).exists(),
        reason="Varnish's xkey module (Debian's varnish-modules) is not installed",
    ),
]


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    """A database of the test's own, and the cache both servers share."""
    url = os.environ.get("DATABASE_URL", "")
    base = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    if not url.startswith(("postgres://", "postgresql://")):
        folder = tmp_path_factory.mktemp("front-cache")
        yield base | {"DATABASE_URL": f"sqlite:///{folder / 'masthead.sqlite3'}"}, folder
        return
    name = f"masthead_front_cache_{uuid.uuid4().hex[:8]}"
    server = urlsplit(url)._replace(path="/postgres").geturl()
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    env = base | {
        "DATABASE_URL": urlsplit(url)._replace(path=f"/{name}").geturl(),
        "CACHE_KEY_PREFIX": name,
    }
    if os.environ.get("REDIS_URL"):
        env["REDIS_URL"] = os.environ["REDIS_URL"]
    yield env, None
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def site(database, tmp_path_factory):
    """Varnish on a port of its own, and two servers behind it."""
    env, shared_folder = database
    root = tmp_path_factory.mktemp("machines")
    varnish_port, ports = free_port(), [free_port(), free_port()]
    front = f"http://127.0.0.1:{varnish_port}"
    env = env | {
        "SITE_URL": front,
        "FRONT_CACHES": f"varnish:{front}",
        "PAGE_SHARED_MAX_AGE": "300",  # only a purge may end a copy during the test
    }

    def machine(number: int) -> dict:
        # Two machines: a folder each, unless the cache is a folder too.
        return env | {"MASTHEAD_VAR_DIR": str((shared_folder or root / str(number)) / "var")}

    subprocess.run([MASTHEAD, "migrate", "-v0"], env=machine(1), check=True, timeout=300)
    shell(
        machine(1),
        "from datetime import timedelta\n"
        "from django.utils import timezone\n"
        "from masthead.articles import services\n"
        "from masthead.articles.models import Article\n"
        "from masthead.people.models import Author\n"
        "from masthead.sections.models import Section\n"
        "world = Section.objects.create(names={'de': 'Welt', 'en': 'World'},"
        " slugs={'de': 'welt', 'en': 'world'})\n"
        "author = Author.objects.create(name='Lena Hartmann', slug='lena-hartmann')\n"
        "hour_ago = timezone.now() - timedelta(hours=1)\n"
        "for headline, slug, language in [\n"
        "    ('Der Rat beschließt den Haushalt', 'rat-beschliesst-haushalt', 'de'),\n"
        "    ('Council passes the budget', 'council-passes-budget', 'en')]:\n"
        "    services.save_article(Article(headline=headline, slug=slug, language=language,\n"
        "        section=world, body='<p>Am Dienstag.</p>', status=Article.Status.PUBLISHED,\n"
        "        publish_at=hour_ago), authors=[author])\n",
    )
    vcl = root / "masthead.vcl"
    config = subprocess.run(
        [MASTHEAD, "frontend_config", "--varnish", "--upstream",
         ",".join(f"127.0.0.1:{port}" for port in ports)],
        env=machine(1), check=True, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    vcl.write_text(config.stdout)
    servers = []
    try:
        for number, port in enumerate(ports, 1):
            servers.append(
                serve(machine(number), port, root / f"serve{number}.log",
                      "--workers", "1", "--no-jobs-worker")
            )  # fmt: skip
        varnish = subprocess.Popen(
            ["varnishd", "-F", "-j", "none", "-a", f"127.0.0.1:{varnish_port}",
             "-f", str(vcl), "-n", str(root / "varnish"), "-s", "malloc,32m"],
            stdout=(root / "varnish.log").open("wb"), stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while not _answers(front + "/robots.txt"):
            assert varnish.poll() is None, (root / "varnish.log").read_text()
            assert time.monotonic() < deadline, "Varnish did not start"
            time.sleep(0.2)
        yield front, machine(1), ports
        varnish.terminate()
        varnish.wait(timeout=30)
    finally:
        for server in servers:
            stop(server)


def _answers(url: str) -> bool:
    try:
        return get(url)[0] == 200
    except OSError:
        return False


def page(url: str) -> tuple[str, dict]:
    status, headers, text = get(url)
    assert status == 200, text[:2000]
    return text.split('<h1 class="article__headline">', 1)[1].split("</h1>", 1)[0].strip(), headers


def front_cache(url: str) -> str:
    return get(url)[1]["X-Front-Cache"]


def edit(env: dict, slug: str, headline: str) -> None:
    """An editor's change, saved through the service, in a process of its own."""
    shell(
        env,
        "from masthead.articles import services\n"
        "from masthead.articles.models import Article\n"
        f"article = Article.objects.get(slug={slug!r})\n"
        f"article.headline = {headline!r}\n"
        "services.save_article(article, authors=list(article.authors.all()))\n",
    )


def test_a_change_shows_on_the_next_request_through_the_shared_front_cache(site):
    front, env, ports = site
    headline, headers = page(front + GERMAN)
    assert headline == "Der Rat beschließt den Haushalt"
    assert front_cache(front + GERMAN) == "HIT"
    # Readers never see the tags.
    assert "xkey" not in {name.lower() for name in headers}
    # Both servers serve it (round robin), and a tracking parameter is the same copy.
    assert front_cache(front + GERMAN + "?utm_source=newsletter") == "HIT"

    edit(env, "rat-beschliesst-haushalt", "Der Rat vertagt den Haushalt")
    # Every request after the change, whichever server Varnish asks.
    for _ in range(4):
        assert page(front + GERMAN)[0] == "Der Rat vertagt den Haushalt"
    for port in ports:
        status, _, text = get(f"http://127.0.0.1:{port}{GERMAN}", {"Host": urlsplit(front).netloc})
        assert "Der Rat vertagt den Haushalt" in text


def test_a_change_purges_only_the_pages_it_touches(site):
    front, env, _ = site
    page(front + ENGLISH)
    assert get(front + "/en/")[0] == 200
    assert front_cache(front + ENGLISH) == "HIT"
    edit(env, "rat-beschliesst-haushalt", "Der Rat beschließt den Haushalt doch")
    # The German pages went; the English ones, which do not show it, stay.
    assert front_cache(front + GERMAN) == "MISS"
    assert front_cache(front + ENGLISH) == "HIT"
    assert front_cache(front + "/en/") == "HIT"
    # A byline's author renamed: every page that shows them goes.
    shell(
        env,
        "from masthead.people.models import Author\n"
        "author = Author.objects.get(slug='lena-hartmann')\n"
        "author.name = 'Lena Hartmann-Weiß'\n"
        "author.save()\n",
    )
    assert front_cache(front + ENGLISH) == "MISS"
    assert "Lena Hartmann-Weiß" in get(front + ENGLISH)[2]


def test_only_the_application_servers_may_purge(site):
    front, _, _ = site
    page(front + GERMAN)
    assert front_cache(front + GERMAN) == "HIT"
    # From an address that is not an application server's (127.0.0.2 is
    # this machine too, but not in the configuration's list).
    connection = http.client.HTTPConnection(
        urlsplit(front).hostname, urlsplit(front).port, timeout=30,
        source_address=("127.0.0.2", 0),
    )  # fmt: skip
    connection.request("PURGE", "/", headers={"xkey-purge": "all"})
    assert connection.getresponse().status == 403
    connection.close()
    assert front_cache(front + GERMAN) == "HIT"
