"""Shared fixtures: the newsroom's people (eda the editor, ron the reporter,
cora the contributor, theo the translator, ada the administrator), a small
world for them (sections, authors, tags) and a factory for articles. Every
app's tests build on these; see docs/testing.md."""

import os
import shutil
from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.accounts.roles import Role
from masthead.articles import services
from masthead.articles.models import Article
from masthead.lib import generations
from masthead.people.models import Author
from masthead.sections.models import Section, Tag
from masthead.testing import PERSONAS, make_user, suite_settings


@pytest.fixture(scope="session", autouse=True)
def _one_static_root(tmp_path_factory):
    """Every site a test starts as a process of its own (`masthead serve`,
    `masthead demo`) collects its static files into one folder of the
    session: the first collects them, the others find them collected
    (masthead/core/static.py) instead of compressing every file again.
    The settings of this process were read before: only those sites see
    the variables set here."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("STATIC_ROOT", str(tmp_path_factory.mktemp("static")))
        # Their demo's photographs at a quarter of their size: drawing them
        # and making their renditions took most of each demo build.
        patch.setenv("MASTHEAD_DEMO_PICTURE_SCALE", "4")
        yield


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    for name, value in suite_settings(tmp_path / "media").items():
        setattr(settings, name, value)
    # Nothing kept from another test's database (pagecache/generation.py:
    # per_generation): its changes were rolled back, not followed by a new
    # content generation.
    generations.forget()


# The cast (masthead/testing.py): one staff user per role, made when a test
# asks for them, with the password ``password_of(username)``.


@pytest.fixture
def persona(db):
    """``persona("editor")``: the user of a role, eda for the editor (made
    once per test, on first use)."""
    users = {}

    def get(role: str):
        if role not in users:
            users[role] = make_user(PERSONAS[Role(role)], role)
        return users[role]

    return get


@pytest.fixture
def editor(persona):
    """eda: does everything to every article, and the taxonomy."""
    return persona(Role.EDITOR)


@pytest.fixture
def reporter(persona):
    """ron: opens every article, edits, submits and publishes his own."""
    return persona(Role.REPORTER)


@pytest.fixture
def contributor(persona):
    """cora: writes drafts and submits her own articles."""
    return persona(Role.CONTRIBUTOR)


@pytest.fixture
def translator(persona):
    """theo: opens every article, translates, edits his own until published."""
    return persona(Role.TRANSLATOR)


@pytest.fixture
def administrator(persona):
    """ada: every role's rights, and users; not a superuser."""
    return persona(Role.ADMINISTRATOR)


@pytest.fixture
def outsider(db):
    """Signed in, not staff: a role group does not let them in."""
    return make_user("outsider", Role.EDITOR, is_staff=False)


@pytest.fixture
def editor_client(client, editor):
    """The test client, signed in as eda."""
    client.force_login(editor)
    return client


def pytest_addoption(parser):
    parser.addoption(
        "--skip-missing-programs",
        action="store_true",
        help="skip the tests whose system program (needs_program) is not installed (make check)",
    )


# Where Debian puts nginx, whose folder is not on a normal user's PATH.
_SYSTEM_PATH = os.pathsep.join([os.environ.get("PATH", ""), "/usr/local/sbin", "/usr/sbin"])


def require_program(config, program, package=None):
    """Fail the test at once when ``program`` (from a system package) is
    missing, naming the package; `make test` installs them all. `make
    check`, a newcomer's first run without root, skips it instead
    (--skip-missing-programs), saying what was left out."""
    if shutil.which(program, path=_SYSTEM_PATH):
        return
    message = (
        f"{program} is not installed (Debian package {package or program}; make test installs it)"
    )
    if config.getoption("--skip-missing-programs"):
        pytest.skip(message)
    pytest.fail(message, pytrace=False)


def pytest_runtest_setup(item):
    """Tests marked ``needs_program("xgettext", package="gettext")``, and
    ``own_site``."""
    for marker in item.iter_markers("needs_program"):
        require_program(item.config, *marker.args, **marker.kwargs)
    if item.get_closest_marker("own_site") and os.environ.get("DATABASE_URL", "").startswith(
        ("postgres://", "postgresql://")
    ):
        # The suite runs twice, on SQLite and on PostgreSQL + Redis (make
        # test): a test of a site with its own SQLite database and no Redis
        # of the suite's would run the same thing twice.
        pytest.skip("runs a site on its own SQLite database: the SQLite pass runs it")


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
    >>> make_article(status=Article.Status.DRAFT, age=None, user=reporter)
    Defaults: German, published an hour ago, in "Welt", by Lena Hartmann.
    With ``user`` it is saved by that person: they created it (it is their
    own) and wrote its first revision.
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
        user=None,
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
        return services.save_article(article, authors=authors or [author], tags=tags, user=user)

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


@pytest.fixture
def make_image(db, png_file):
    """An image in the media library (through its service), 1200×675 unless
    asked: ``make_image(alt={"de": "Das Rathaus"}, credit="Jana Berger")``."""

    def make(width=1200, height=675, name="lead.png", user=None, **metadata):
        from masthead.media import services as media_services

        return media_services.add_image(png_file(width, height, name=name), user, **metadata)

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
def redis_server(request, tmp_path):
    require_program(request.config, "redis-server")
    server = RedisServer(tmp_path)
    server.start()
    yield server
    if server.process.poll() is None:
        server.resume()
        server.stop()


# Media in an S3-compatible bucket (masthead/lib/storage.py): moto's
# standalone server, the S3-compatible server the package registries offer,
# started once per test session (requirements-dev.txt installs it).


@pytest.fixture(scope="session")
def s3_server():
    """The address of a moto S3 server of the session's own, on a free port."""
    import socket
    import subprocess
    import sys
    import time

    pytest.importorskip("moto.server", reason="moto[s3] (requirements-dev.txt) runs the S3 tests")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail("moto's S3 server did not start")
                time.sleep(0.05)
        else:
            pytest.fail(f"moto's S3 server did not answer on port {port}")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


class S3Bucket:
    """A bucket on the test S3 server, and a boto3 client to look into it."""

    def __init__(self, endpoint, name):
        import boto3

        self.name = name
        self.client = boto3.client(
            "s3", endpoint_url=endpoint, region_name="us-east-1",
            aws_access_key_id="test", aws_secret_access_key="test",  # noqa: S106 (moto's test server takes any)
        )  # fmt: skip
        self.client.create_bucket(Bucket=name)

    def keys(self) -> list[str]:
        listing = self.client.list_objects_v2(Bucket=self.name)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    def head(self, key) -> dict:
        return self.client.head_object(Bucket=self.name, Key=key)

    def read(self, key) -> bytes:
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()


@pytest.fixture
def s3_media(s3_server, settings):
    """Media go to a fresh bucket on the test S3 server (MEDIA_STORAGE=s3)
    and readers get them from the media host https://media.example.test."""
    import uuid

    bucket = S3Bucket(s3_server, f"media-{uuid.uuid4().hex[:12]}")
    settings.MEDIA_URL = "https://media.example.test/"
    settings.SERVE_MEDIA = False
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "masthead.lib.storage.S3ImageStorage",
            "OPTIONS": {
                "bucket_name": bucket.name,
                "endpoint_url": s3_server,
                "region_name": "us-east-1",
                "access_key": "test",
                "secret_key": "test",
            },
        },
    }
    return bucket
