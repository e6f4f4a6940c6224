"""Cached pages written as files for the front end (pagecache/files.py).
tests/test_frontend.py runs them behind a real nginx."""

import os
import re
import time
from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from django.utils import timezone

from masthead.articles.pagination import Cursor
from masthead.pagecache import files
from masthead.pagecache.generation import GENERATION_KEY, Generation, bump, current_generation
from masthead.pagecache.middleware import _key, cache_control, every_query_parameter


@pytest.fixture(autouse=True)
def _files_on(settings, tmp_path):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_FILES_DIR = str(tmp_path / "pages")
    cache.clear()
    yield
    cache.clear()


def current_dir(settings):
    return files.root() / "current" / str(files.bucket()) / "testserver"


@pytest.mark.django_db
def test_a_cached_page_is_written_with_its_compressed_versions(client, make_article, settings):
    article = make_article("Als Datei")
    response = client.get(article.get_absolute_url())
    assert response["X-Cache"] == "MISS"
    folder = current_dir(settings) / article.get_absolute_url().strip("/")
    assert (folder / "index.html").read_bytes() == response.content
    assert (folder / "index.html.gz").exists()
    assert (folder / "index.html.br").exists()
    # The file's time is the page's Last-Modified.
    generation = cache.get(GENERATION_KEY)
    assert os.stat(folder / "index.html").st_mtime == pytest.approx(generation.started)


@pytest.mark.django_db
def test_feeds_get_their_own_file_names(client, make_article, settings):
    make_article("Im Feed")
    client.get("/de/feed/rss/")
    client.get("/de/feed.json")
    assert (current_dir(settings) / "de/feed/rss/index.rss").exists()
    assert (current_dir(settings) / "de/feed.json/index.feedjson").exists()


@pytest.mark.django_db
def test_a_change_starts_an_empty_generation(client, make_article, settings):
    article = make_article("Vorher")
    client.get(article.get_absolute_url())
    before = files.current_number(files.root())
    assert list(files.root().rglob("index.html"))
    new = bump()
    assert files.current_number(files.root()) == new.number != before
    assert list(files.root().rglob("index.*")) == []
    assert [p.name for p in files.root().iterdir() if p.name.startswith(".old-")] == []


@pytest.mark.django_db
def test_a_page_rendered_before_a_change_is_never_written_after_it(client, make_article):
    """A slow request that began in the old generation finishes after the
    change: its page must not land among the new generation's files."""
    article = make_article("Langsam")
    old = current_generation()
    response = client.get(article.get_absolute_url())
    page = cache.get(_key(response.wsgi_request, old.number))
    bump()
    for p in files.root().rglob("index.*"):
        p.unlink()
    files.write(response.wsgi_request, page, old)
    assert list(files.root().rglob("index.*")) == []


@pytest.mark.django_db
def test_files_follow_a_generation_bumped_elsewhere(client, make_article):
    """Another machine changed something: the shared cache has a new
    generation, this machine's files do not know yet."""
    article = make_article("Anderswo")
    client.get(article.get_absolute_url())
    newer = Generation(number="elsewhere", started=time.time(), next_publish=None)
    cache.set(GENERATION_KEY, newer, timeout=None)
    response = client.get(article.get_absolute_url())
    assert response["X-Cache"] == "MISS"
    assert files.current_number(files.root()) == "elsewhere"
    assert (current_dir(None) / article.get_absolute_url().strip("/") / "index.html").exists()


@pytest.mark.django_db
def test_nothing_is_written_for_view_parameters_staff_errors_or_the_desk(
    client, editor, make_article, settings
):
    settings.PAGE_SIZE = 1
    articles = [make_article(f"Nicht als Datei {n}", age=timedelta(days=n + 1)) for n in range(9)]
    response = client.get(f"/de/?before={Cursor.of(articles[7])}&utm_source=x")
    assert response["X-Cache"] == "MISS"  # cached, but no file: nginx asks Masthead
    client.get("/de/artikel/gibt-es-nicht/")
    client.get("/desk/login/")
    client.get("/", headers={"accept-language": "en"})
    client.force_login(editor)
    client.get("/en/")
    assert list(files.root().rglob("index.*")) == []


@pytest.mark.django_db
def test_tracking_parameters_write_the_file_of_the_plain_address(client, make_article, settings):
    make_article("Geteilt")
    shared = client.get("/de/?utm_source=newsletter&fbclid=abc")
    assert shared["X-Cache"] == "MISS"
    assert (current_dir(settings) / "de" / "index.html").read_bytes() == shared.content
    assert client.get("/de/").content == shared.content


@pytest.mark.django_db
@pytest.mark.parametrize("host", ["127.0.0.1:6666", "testserver:6666", "localhost"])
def test_nothing_is_written_for_another_host_or_port(client, make_article, host):
    """nginx looks for files under the host without its port: a page asked
    for at another port must never land where the site's readers get it."""
    article = make_article("Fremder Port")
    client.get(article.get_absolute_url(), headers={"host": host})
    client.get(article.get_absolute_url(), headers={"host": host})
    assert list(files.root().rglob("index.*")) == []
    client.get(article.get_absolute_url())  # now the site's own request
    client.get(article.get_absolute_url(), headers={"host": host})  # a HIT, still no file
    assert [p.parent.parent.parent.parent.name for p in files.root().rglob("index.html")] == [
        "testserver"
    ]


@pytest.mark.django_db
def test_no_file_outlives_a_scheduled_article(client, make_article):
    # The clock stands still, early in a bucket: on a slow machine the five
    # seconds must not pass before the request (the article would be out,
    # and a file right), and the article must go live before the bucket
    # ends (a file that expires before it does is right too).
    early = (files.bucket() + 1) * files.BUCKET_SECONDS + 10
    with time_machine.travel(early, tick=False):
        make_article("Schon da")
        make_article("Geplant", publish_at=timezone.now() + timedelta(seconds=5))
        bump()
        response = client.get("/de/")
    assert response["X-Cache"] == "MISS"
    assert list(files.root().rglob("index.*")) == []


@pytest.mark.parametrize(
    "path",
    ["/de/../etc/", "/de/%2e%2e/", "/de/artikel/über/", "/de//x/", "/de/.hidden/"],
)
def test_unsafe_paths_are_never_written(path):
    request = RequestFactory().get(path)
    generation = Generation(number="abc", started=time.time(), next_publish=None)
    assert files.path_for(request, generation, "text/html", time.time()) is None


def test_a_safe_path_maps_into_the_current_bucket():
    request = RequestFactory().get("/de/artikel/ein-titel/")
    now = time.time()
    generation = Generation(number="abc", started=now, next_publish=None)
    path = files.path_for(request, generation, "text/html; charset=utf-8", now)
    assert path == files.root() / "current" / str(files.bucket(now)) / "testserver" / (
        "de/artikel/ein-titel/index.html"
    )


def test_old_buckets_are_removed(settings):
    base = files.root() / "current"
    for number in (10, 11, 12):
        (base / str(number)).mkdir(parents=True)
    files._cleaned.clear()
    files._remove_old_buckets(base, 12)
    assert sorted(p.name for p in base.iterdir()) == ["11", "12"]


def test_the_front_end_configuration_needs_the_files_directory(settings):
    settings.PAGE_FILES_DIR = ""
    with pytest.raises(CommandError, match="PAGE_FILES_DIR is not set"):
        call_command("frontend_config")


def test_the_front_end_configuration_matches_the_settings(settings, capsys):
    call_command("frontend_config", "--listen", "8080", "--upstream", "10.0.0.2:8000")
    config = capsys.readouterr().out
    assert "listen 8080;" in config
    assert "server 10.0.0.2:8000;" in config
    assert f"root {files.root().resolve()}/current/$masthead_bucket/$host;" in config
    assert '"~^(?<bucket>\\d+)\\d\\d\\." $bucket;' in config  # BUCKET_SECONDS = 100
    assert files.BUCKET_SECONDS == 100
    assert f"$cookie_{settings.SESSION_COOKIE_NAME}" in config
    # Requests with a parameter a view reads go to Masthead, the rest to the
    # files; and so do those with a parameter of a former WordPress site's
    # addresses (/?page_id=2), which Masthead redirects.
    names = (
        "before|after|page|p|page_id|attachment_id|cat|tag|author|feed"
        "|q|section|topic|since|until|sort"
    )
    # The WordPress API's (masthead/wpjson/), which no file ever answers:
    # its JSON is kept in Masthead's own cache only.
    names += (
        "|per_page|offset|post|search|modified_after|modified_before|mime_type|_embed|context"
        "|hide_empty|lang|media_type|order|orderby|sticky|status|status[]|author[]"
        "|author_exclude|author_exclude[]|categories|categories[]|categories_exclude"
        "|categories_exclude[]|exclude|exclude[]|include|include[]|parent|parent[]|tags|tags[]"
        "|tags_exclude|tags_exclude[]|_fields|slug|slug[]"
    )
    pattern = "|".join(map(re.escape, names.split("|")))
    assert f'"~(?:^|&)(?:{pattern})(?:=|&|$)" 1;' in config
    assert set(every_query_parameter()) == set(names.split("|"))
    assert f'add_header Cache-Control "{cache_control()}" always;' in config
    assert '"~^/de/" de;' in config and '"~^/en/" en;' in config
    # WordPress's API discovery header on the HTML files, in the page's language.
    assert "add_header Link $masthead_api_link;" in config
    assert (
        """"~^text/html[^|]*\\|/de/" '<http://testserver/de/wp-json/>; rel="https://api.w.org/"';"""
        in config
    )
    assert """"~^text/html" '<http://testserver/wp-json/>; rel="https://api.w.org/"';""" in config
    # The page files carry the policies Masthead sends with the same pages.
    from csp.utils import build_policy

    assert f'add_header Content-Security-Policy "{build_policy()}";' in config
    assert "'nonce-" not in build_policy() and "script-src 'self';" in build_policy()
    assert "add_header Reporting-Endpoints 'csp=\"/csp-report/\"';" in config
    assert "add_header Permissions-Policy '" in config and "camera=()" in config
    assert "Strict-Transport-Security" not in config  # SECURE_COOKIES is off
    assert "image/png png;" in config and "default_type application/octet-stream;" in config
    assert "events {" not in config  # a block for nginx's http context
