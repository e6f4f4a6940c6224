"""A newsroom's afternoon on the command line, with nothing but what a
newsroom has: `masthead import_wxr` imports WordPress's Theme Unit Test
data into a new site, `masthead serve` (with the jobs worker it starts)
runs it, ten old WordPress addresses answer 301 with the right Masthead
page, a WordPress client (wpapi, under node) reads the posts, and a story
made and published with an integration token through /api/v1/ reaches a
webhook receiver (a real HTTP server) signed as README.md says.

The site has a database of its own: a SQLite file, or on the PostgreSQL
pass a database of its own on the suite's server, dropped afterwards."""

import html
import json
import os
import signal
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest

from masthead.importers.tests.conftest import THEME_UNIT_TEST, needs_wxr
from masthead.webhooks.tests.receivers import Receiver
from tests.serving import MASTHEAD, free_port
from tests.test_wordpress_client import NODE_MODULES, wpapi  # noqa: F401 (a fixture)

PASSWORD = "correct-horse-42"  # noqa: S105 (a test site's)


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(NoRedirects)


def fetch(url, method="GET", body=None, headers=None):
    """One request, redirects not followed: (status, headers, body)."""
    headers = dict(headers or {})
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with _opener.open(request, timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def run(env, *args, timeout=300) -> str:
    result = subprocess.run(
        [MASTHEAD, *args], env=env, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def shell(env, script: str) -> str:
    return run(env, "shell", "--no-imports", "-c", script, timeout=120)


def wait_for(condition, seconds: float, message) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, message()
        time.sleep(0.2)


@pytest.fixture
def database(tmp_path):
    """DATABASE_URL of an empty database for the site: a SQLite file, or on
    the PostgreSQL pass a new database on the suite's server."""
    suite = os.environ.get("DATABASE_URL", "")
    if not suite.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{tmp_path / 'site.sqlite3'}"
        return
    import psycopg

    parts = urllib.parse.urlsplit(suite)
    name = f"{parts.path.lstrip('/') or 'masthead'}_afternoon_{uuid.uuid4().hex[:8]}"
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    yield parts._replace(path=f"/{name}").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def site(database, tmp_path):
    """A new site with the Theme Unit Test data imported and an
    administrator; the environment of its commands."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env |= {
        "DATABASE_URL": database,
        "MASTHEAD_VAR_DIR": str(tmp_path / "var"),
        "SITE_URL": f"http://127.0.0.1:{port}",
        "PORT": str(port),
        # The receiver is a plain HTTP server on this machine.
        "WEBHOOKS_ALLOW_HTTP": "true",
        "WEBHOOKS_ALLOW_PRIVATE_ADDRESSES": "true",
        "DJANGO_SUPERUSER_PASSWORD": PASSWORD,
        "LANG": "en_US.UTF-8",
    }
    run(env, "migrate", "-v0")
    report = run(env, "import_wxr", "--no-progress", str(THEME_UNIT_TEST))
    assert "Stories: 58 new" in report, report
    assert "Pages: 21 new" in report, report
    run(env, "createsuperuser", "--noinput", "--username", "ada", "--email", "ada@example.org")
    return env


@pytest.fixture
def server(site, tmp_path):
    """`masthead serve`, which starts a real `masthead worker` beside it
    (JOBS_WORKER_WITH_SERVE): the worker delivers the webhooks."""
    log = tmp_path / "serve.log"
    process = subprocess.Popen(
        [MASTHEAD, "serve", "--bind", f"127.0.0.1:{site['PORT']}", "--workers", "2"],
        env=site,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = site["SITE_URL"]

    def answers():
        try:
            fetch(base + "/robots.txt")
            return True
        except OSError:
            assert process.poll() is None, log.read_text()
            return False

    try:
        wait_for(answers, 300, lambda: log.read_text())
        yield base, log
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


# What the import made, as the site's own models say: the expected new
# address and the text the page shows, per old address.
EXPECTATIONS = r"""
import json
from masthead.articles.models import Article
from masthead.importers.models import WordPressItem
from masthead.people.models import Author
from masthead.sections.models import Section, Tag

def item(kind, **lookup):
    return WordPressItem.objects.get(kind=kind, **lookup)

def story(wp_id):
    return Article.objects.get(pk=item('post', wp_id=str(wp_id)).object_id) \
        if WordPressItem.objects.filter(kind='post', wp_id=str(wp_id)).exists() \
        else Article.objects.get(pk=item('page', wp_id=str(wp_id)).object_id)

out = {}
for wp_id in (358, 1177, 2, 146, 1011, 555):
    a = story(wp_id)
    out[wp_id] = [a.get_absolute_url(), a.headline]
markup = Section.objects.get(pk=item('category', slug='markup').object_id)
out['markup'] = [markup.url_in('en'), markup.names['en']]
codex = Tag.objects.get(pk=item('tag', slug='codex').object_id)
out['codex'] = [codex.get_absolute_url(), codex.name]
author = Author.objects.get(pk=item('author', slug='themedemos').object_id)
out['themedemos'] = [author.url_in('en'), author.name]
out['pk1177'] = story(1177).pk
out['section'] = story(358).section_id
out['author'] = author.pk
out['public'] = sorted(Article.objects.public().filter(language='en').values_list('pk', flat=True))
print(json.dumps(out))
"""

OLD = "https://wpthemetestdata.wordpress.com"

# The wpapi client finds the API from the English home page's discovery
# header, lists every post, page by page, and gets one by id.
CLIENT = r"""
const WPAPI = require("wpapi");
const [base, postId] = process.argv.slice(2);
(async () => {
  const wp = await WPAPI.discover(base + "/en/");
  const ids = [];
  let page = await wp.posts().perPage(50).get();
  const total = page._paging.total;
  for (;;) {
    ids.push(...page.map((post) => post.id));
    if (!page._paging || !page._paging.next) break;
    page = await page._paging.next.get();
  }
  const one = await wp.posts().id(Number(postId)).get();
  console.log(JSON.stringify({
    ids, total, one: { title: one.title.rendered, link: one.link, lang: one.lang },
  }));
})().catch((error) => { console.error(error); process.exit(1); });
"""


@needs_wxr
def test_a_newsroom_moves_in_from_wordpress_in_an_afternoon(site, server, wpapi, tmp_path):  # noqa: F811
    base, log = server
    expected = {str(k): v for k, v in json.loads(shell(site, EXPECTATIONS)).items()}

    # Ten old addresses, each to the right page.
    old_addresses = {
        "/?p=358": "358",
        "/?page_id=2": "2",
        "/2013/01/10/markup-image-alignment/": "1177",
        "/lorem-ipsum/": "146",
        "/?attachment_id=1022": "1011",  # the featured image of 1011
        # An attachment's page: the story it belonged to.
        "/2010/09/10/post-format-gallery/canola2/": "555",
        "/category/markup/": "markup",
        "/tag/codex/": "codex",
        "/author/themedemos/": "themedemos",
    }
    for old, key in old_addresses.items():
        status, headers, _ = fetch(base + old)
        new, text = expected[key]
        assert status == 301, (old, status)
        assert urllib.parse.urljoin(base + old, headers["Location"]) == base + new, old
        status, _, body = fetch(base + new)
        assert status == 200, (new, status)
        assert html.escape(text, quote=False) in body.decode(), (old, new, text)
    status, headers, _ = fetch(base + "/feed/")
    assert status == 301
    assert headers["Location"].startswith(("/en/", base + "/en/"))  # the imported language's
    status, feed_headers, body = fetch(urllib.parse.urljoin(base, headers["Location"]))
    assert status == 200
    assert "xml" in feed_headers["Content-Type"]
    assert expected["1177"][1] in body.decode()

    # A WordPress client reads the imported posts.
    script = tmp_path / "client.js"
    script.write_text(CLIENT)
    result = subprocess.run(
        [wpapi, str(script), base, str(expected["pk1177"])],
        env=os.environ | {"NODE_PATH": str(NODE_MODULES)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    read = json.loads(result.stdout)
    assert read["total"] == len(expected["public"])
    assert sorted(read["ids"]) == expected["public"]
    assert read["one"] == {
        "title": "Markup: Image Alignment",
        "link": base + expected["1177"][0],
        "lang": "en",
    }

    with Receiver() as receiver:
        # An integration token and a webhook, as an administrator makes them.
        made = json.loads(
            shell(
                site,
                "import json\n"
                "from django.contrib.auth import get_user_model\n"
                "from masthead.api.services import create_token\n"
                "from masthead.webhooks import services\n"
                "from masthead.webhooks.models import Subscription\n"
                "ada = get_user_model().objects.get(username='ada')\n"
                "_, token = create_token('Wire desk', ada, ['write:articles', 'publish'],"
                " created_by=ada)\n"
                f"hook = Subscription(url={receiver.url!r}, events=['article.published'])\n"
                "services.create_subscription(hook, ada)\n"
                "print(json.dumps({'token': token, 'secret': hook.secret}))\n",
            )
        )
        receiver.secret = made["secret"]
        auth = {"Authorization": f"Bearer {made['token']}"}

        draft = {
            "language": "en",
            "headline": "Council passes the budget",
            "section": expected["section"],
            "authors": [expected["author"]],
            "standfirst": "The vote was close.",
            "body": "<p>The council passed the budget on Tuesday.</p>",
        }
        status, _, content = fetch(base + "/api/v1/articles", "POST", draft, auth)
        assert status == 201, content
        article = json.loads(content)
        assert article["status"] == "draft"
        path = f"/api/v1/articles/{article['id']}"
        assert fetch(base + path)[0] == 404  # not for readers yet
        status, _, content = fetch(base + path + "/publish", "POST", None, auth)
        assert status == 200, content
        status, _, content = fetch(base + path)
        assert status == 200
        url = json.loads(content)["url"]

        # The worker delivers the signed event to the receiver.
        wait_for(
            lambda: receiver.received,
            90,
            lambda: "no delivery:\n" + log.read_text()[-5000:],
        )
    delivered = receiver.received[0]
    assert delivered.verified, delivered.headers
    assert delivered.headers["masthead-event"] == "article.published"
    event = json.loads(delivered.body)
    assert event["type"] == "article.published"
    assert event["article"]["id"] == article["id"]
    assert event["article"]["url"] == url
    assert len(receiver.received) == 1

    # And the story is on the site.
    status, _, body = fetch(url)
    assert status == 200
    assert "Council passes the budget" in body.decode()
    status, _, body = fetch(base + "/en/")
    assert "Council passes the budget" in body.decode()
