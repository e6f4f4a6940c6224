"""Read replicas against a real PostgreSQL streaming replica (pagecache/replicas.py).

The test starts a primary cluster of its own and a streaming replica of it
(pg_basebackup into a second cluster on another port), runs `masthead
serve` with DATABASE_URL on the primary and DATABASE_REPLICA_URLS on the
replica, and tells where a page read from by pausing the replica's replay
and changing a row on the primary behind Masthead's back: a page that
shows the old text was read from the replica.
"""

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg
import pytest

from tests.serving import MASTHEAD, free_port, get, serve, shell, stop

SLUG = "rat-beschliesst-haushalt"
PAGE = f"/de/artikel/{SLUG}/"


def postgres_programs() -> Path | None:
    """The folder of PostgreSQL's server programs (Debian's postgresql);
    None without them, or as root without the postgres user to run them."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_basebackup"))
    if not found:
        return None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return None
    return Path(found[-1]).parent


pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
        reason="PostgreSQL replicas: the PostgreSQL pass runs it",
    ),
    pytest.mark.skipif(
        postgres_programs() is None,
        reason="PostgreSQL's server programs (Debian's postgresql) are not here",
    ),
]


class Cluster:
    """A PostgreSQL cluster of the test's own, in ``folder`` on ``port``.
    PostgreSQL refuses to run as root: then its programs run as the
    system's postgres user."""

    def __init__(self, folder: Path, port: int):
        self.folder, self.port = folder, port

    def run(self, program: str, *args: str) -> None:
        command = [str(postgres_programs() / program), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120, cwd="/")

    def start(self) -> None:
        self.run(
            "pg_ctl", "start", "-w", "-D", str(self.folder), "-l", str(self.folder / "log"),
            # No fsync: a cluster of the test's own, thrown away after it.
            "-o", f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off",
        )  # fmt: skip

    def stop(self) -> None:
        if (self.folder / "postmaster.pid").exists():
            self.run("pg_ctl", "stop", "-w", "-m", "fast", "-D", str(self.folder))

    def url(self, database: str = "masthead") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def sql(self, statement: str, params: tuple = (), database: str = "masthead"):
        with psycopg.connect(self.url(database), autocommit=True) as connection:
            cursor = connection.execute(statement, params)
            return cursor.fetchone() if cursor.description else None


@pytest.fixture(scope="module")
def clusters():
    root = Path(tempfile.mkdtemp(prefix="masthead-replicas-"))
    root.chmod(0o755)
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    primary = Cluster(root / "primary", free_port())
    replica = Cluster(root / "replica", free_port())
    try:
        primary.run("initdb", "-D", str(primary.folder), "-U", "postgres", "--auth=trust")
        with (primary.folder / "pg_hba.conf").open("a") as hba:
            hba.write("host replication postgres 127.0.0.1/32 trust\n")
        primary.start()
        primary.sql("CREATE DATABASE masthead", database="postgres")
        replica.run(
            "pg_basebackup", "-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres",
            "-D", str(replica.folder), "--write-recovery-conf", "--wal-method=stream",
            "--checkpoint=fast",  # not a spread checkpoint: a minute and a half of waiting
        )  # fmt: skip
        replica.start()
        yield primary, replica
    finally:
        replica.stop()
        primary.stop()
        shutil.rmtree(root, ignore_errors=True)


def caught_up(primary: Cluster, replica: Cluster) -> None:
    """Wait until the replica has replayed all the primary has written."""
    (position,) = primary.sql("SELECT pg_current_wal_lsn()::text")
    deadline = time.monotonic() + 60
    while not replica.sql("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", (position,))[0]:
        assert time.monotonic() < deadline, "the replica did not catch up"
        time.sleep(0.1)


@pytest.fixture(scope="module")
def site(clusters, tmp_path_factory):
    primary, replica = clusters
    var = tmp_path_factory.mktemp("replicas") / "var"
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"} | {
        "MASTHEAD_VAR_DIR": str(var),
        "DATABASE_URL": primary.url(),
        "DATABASE_REPLICA_URLS": replica.url(),
        "SITE_URL": f"http://127.0.0.1:{port}",
        # Every page rendered afresh: the test looks at where it reads from.
        "PAGE_CACHE_SECONDS": "0",
    }
    subprocess.run([MASTHEAD, "migrate", "-v0"], env=env, check=True, timeout=300)
    shell(
        env,
        "from datetime import timedelta\n"
        "from django.utils import timezone\n"
        "from masthead.articles import services\n"
        "from masthead.articles.models import Article\n"
        "from masthead.people.models import Author\n"
        "from masthead.sections.models import Section\n"
        "world = Section.objects.create(names={'de': 'Welt'}, slugs={'de': 'welt'})\n"
        "author = Author.objects.create(name='Lena Hartmann', slug='lena-hartmann')\n"
        "article = Article(headline='Der Rat beschließt den Haushalt', slug='" + SLUG + "',\n"
        "    language='de', section=world, body='<p>Am Dienstag.</p>',\n"
        "    status=Article.Status.PUBLISHED, publish_at=timezone.now() - timedelta(hours=1))\n"
        "services.save_article(article, authors=[author])\n",
    )
    caught_up(primary, replica)
    process = serve(env, port, var / "serve.log", "--workers", "1")
    yield f"http://127.0.0.1:{port}", env
    stop(process)


def headline(base: str, headers: dict | None = None) -> str:
    status, _, page = get(base + PAGE, headers)
    assert status == 200, page[:2000]
    return page.split('<h1 class="article__headline">', 1)[1].split("</h1>", 1)[0].strip()


def behind_its_back(primary: Cluster, text: str) -> None:
    """Change the headline on the primary without Masthead knowing (no new
    content generation): only a page read from the primary shows it."""
    primary.sql("UPDATE articles_article SET headline = %s WHERE slug = %s", (text, SLUG))


def test_readers_read_from_the_replica_and_everyone_else_from_the_primary(clusters, site):
    primary, replica = clusters
    base, env = site
    assert headline(base) == "Der Rat beschließt den Haushalt"

    replica.sql("SELECT pg_wal_replay_pause()")
    try:
        behind_its_back(primary, "Nur auf dem Primärserver")
        # A reader's page: from the replica, which has not replayed it.
        assert headline(base) == "Der Rat beschließt den Haushalt"
        # Someone signed in (a session cookie): from the primary.
        assert headline(base, {"Cookie": "sessionid=x"}) == "Nur auf dem Primärserver"

        # A change through Masthead begins a generation the replica has
        # not replayed: readers' next page comes from the primary.
        shell(
            env,
            "from masthead.articles.models import Article\n"
            f"article = Article.objects.get(slug='{SLUG}')\n"
            "article.headline = 'Von der Redaktion geändert'\n"
            "article.save()\n",
        )
        assert headline(base) == "Von der Redaktion geändert"
    finally:
        replica.sql("SELECT pg_wal_replay_resume()")

    # Caught up, the replica answers readers again.
    caught_up(primary, replica)
    replica.sql("SELECT pg_wal_replay_pause()")
    try:
        behind_its_back(primary, "Wieder nur auf dem Primärserver")
        assert headline(base) == "Von der Redaktion geändert"
    finally:
        replica.sql("SELECT pg_wal_replay_resume()")


def test_readers_are_served_from_the_primary_while_the_replica_is_away(clusters, site):
    primary, replica = clusters
    base, _ = site
    caught_up(primary, replica)
    replica.stop()
    try:
        behind_its_back(primary, "Ohne Replikat")
        assert headline(base) == "Ohne Replikat"
    finally:
        replica.start()
