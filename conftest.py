"""Shared fixtures: a small newsroom (sections, authors, tags) and a factory
for articles. App tests build on these; see docs/testing.md."""

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.articles import services
from masthead.articles.models import Article
from masthead.people.models import Author
from masthead.sections.models import Section, Tag


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    # Hashed static names need `collectstatic`; tests use the plain names.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.MEDIA_ROOT = tmp_path / "media"
    # Pages render live in tests (query counts, fresh content); the page
    # cache's own tests turn it on (masthead/pagecache/tests/test_pagecache.py).
    settings.PAGE_CACHE_SECONDS = 0
    # The site's address is the test client's host (absolute links, and
    # which requests the page cache may store: masthead/lib/site.py).
    settings.SITE_URL = "http://testserver"
    settings.SITE_URLS = {}


@pytest.fixture
def world(db):
    return Section.objects.create(
        names={"de": "Welt", "en": "World"}, slugs={"de": "welt", "en": "world"}, position=1
    )


@pytest.fixture
def science(db):
    return Section.objects.create(
        names={"de": "Wissenschaft", "en": "Science"},
        slugs={"de": "wissenschaft", "en": "science"},
        position=2,
    )


@pytest.fixture
def author(db):
    return Author.objects.create(
        name="Lena Hartmann",
        slug="lena-hartmann",
        bios={"de": "Lena berichtet aus Brüssel.", "en": "Lena reports from Brussels."},
    )


@pytest.fixture
def make_article(db, world, author):
    """Create an article through the service layer.

    >>> make_article(headline="…", language="en", age=timedelta(hours=2))
    Defaults: German, published an hour ago, in "Welt", by Lena Hartmann.
    """

    def make(
        headline="Der Rat beschließt den Haushalt",
        *,
        language="de",
        status=Article.Status.PUBLISHED,
        age=timedelta(hours=1),
        publish_at=None,
        section=None,
        authors=None,
        tags=(),
        body="<p>Der Rat hat am Dienstag den Haushalt beschlossen.</p>",
        **fields,
    ):
        article = Article(
            headline=headline,
            language=language,
            status=status,
            publish_at=publish_at or (timezone.now() - age if age is not None else None),
            section=section or world,
            body=body,
            standfirst=fields.pop("standfirst", "Eine Zusammenfassung in einem Satz."),
            **fields,
        )
        return services.save_article(article, authors=authors or [author], tags=tags)

    return make


@pytest.fixture
def make_tag(db):
    def make(name, language="de"):
        from masthead.lib.text import make_slug

        return Tag.objects.create(language=language, name=name, slug=make_slug(name))

    return make


@pytest.fixture
def make_author(db):
    """Another person for bylines: ``make_author("Jonas Weber")``."""

    def make(name, slug=None):
        from masthead.lib.text import make_slug

        return Author.objects.create(name=name, slug=slug or make_slug(name))

    return make


@pytest.fixture
def png_file():
    """A small real PNG (Pillow) to use as an ImageField value."""

    def make(width=1200, height=675, name="lead.png"):
        from io import BytesIO

        from django.core.files.base import ContentFile
        from PIL import Image

        buffer = BytesIO()
        Image.new("RGB", (width, height), (30, 90, 160)).save(buffer, format="PNG")
        return ContentFile(buffer.getvalue(), name=name)

    return make


class _CapturedSQL:
    """The queries of a django_assert_num_queries block, numbered; given as its
    ``info`` so that a failing count always prints the SQL (not only with -v)."""

    context = None

    def __bool__(self):
        return True

    def __str__(self):
        queries = self.context.captured_queries if self.context is not None else []
        return "Queries:\n" + "\n".join(f"{n}. {q['sql']}" for n, q in enumerate(queries, 1))


@pytest.fixture
def assert_num_queries(django_assert_num_queries):
    """``with assert_num_queries(5): …`` – an exact count that prints the SQL on failure."""
    from contextlib import contextmanager

    @contextmanager
    def check(num):
        sql = _CapturedSQL()
        with django_assert_num_queries(num, info=sql) as context:
            sql.context = context
            yield context

    return check


@pytest.fixture
def shared_schemas():
    """/work/shared/schemas, found from the repository root (../shared/schemas)."""
    from pathlib import Path

    root = Path(__file__).resolve().parent
    path = root.parent / "shared" / "schemas"
    if not path.is_dir():
        pytest.skip(f"schemas folder {path} is missing")
    return path


class RedisServer:
    """A redis-server of a test's own, on a free port, that the test may
    stop, pause and start again (never the machine's shared Redis)."""

    def __init__(self, folder):
        import socket

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.folder = folder
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        import shutil
        import subprocess
        import time

        import redis

        binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.folder), "--daemonize", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        client = redis.Redis(port=self.port, socket_connect_timeout=1)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.1)
        pytest.fail(f"redis-server did not start on port {self.port}")

    def stop(self):
        """Kill it: its data is gone, and connecting is refused."""
        self.process.kill()
        self.process.wait(timeout=10)

    def pause(self):
        """Stop it answering (SIGSTOP): connections hang, its data stays,
        as in a network outage."""
        import signal

        self.process.send_signal(signal.SIGSTOP)

    def resume(self):
        import signal

        self.process.send_signal(signal.SIGCONT)


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    if server.process.poll() is None:
        server.resume()
        server.stop()
