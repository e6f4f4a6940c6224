"""The cache is an accelerator, not a dependency: with Redis away, pages
render from the database, sign-in and the desk work, the log says so once
a minute, and everything recovers by itself when Redis answers again.
tests/test_cache_outage.py does the same to a running `masthead serve`."""

import logging
import socket

import pytest
import redis
from django.core.cache import cache, caches

from masthead.lib import cache as cache_module
from masthead.lib.cache import FailSafeRedisCache
from masthead.pagecache import generation
from masthead.pagecache.files import current_number, root
from masthead.testing import password_of


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def use_redis(settings, url, **options):
    settings.CACHES = {
        "default": {
            "BACKEND": "masthead.lib.cache.FailSafeRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "outage-test",
            "OPTIONS": {"socket_timeout": 0.3, **options},
        }
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    cache_module._outages.clear()  # each test starts with a process that has seen no outage
    generation._outages_seen = 0


@pytest.fixture
def away(settings):
    """The page cache on, and a Redis that refuses every connection."""
    settings.PAGE_CACHE_SECONDS = 600
    use_redis(settings, f"redis://127.0.0.1:{closed_port()}/0", RETRY_SECONDS=0)
    assert isinstance(caches["default"], FailSafeRedisCache)


def warnings(caplog):
    return [r for r in caplog.records if r.name == "masthead.lib.cache"]


def test_it_answers_as_an_empty_cache_while_redis_is_away(away):
    cache.set("a", 1)
    assert cache.get("a") is None
    assert cache.get("a", "default") == "default"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.has_key("a") is False
    assert cache.add("a", 1) is False
    assert cache.touch("a") is False
    assert cache.delete("a") is False
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    cache.delete_many(["a", "b"])
    assert cache.get_or_set("a", 5) == 5
    with pytest.raises(ValueError):
        cache.incr("a")
    with pytest.raises(ValueError):
        cache.decr("a")


def test_it_warns_once_per_interval_not_per_operation(away, caplog):
    caplog.set_level(logging.WARNING)
    for _ in range(50):  # RETRY_SECONDS=0: each of them really tries, and fails
        cache.get("a")
    [record] = warnings(caplog)
    assert "does not answer" in record.getMessage()
    assert "127.0.0.1" in record.getMessage()
    # A minute later (REPORT_SECONDS), the next failure is reported again, with the count.
    caches["default"].outage.reported_at -= 61
    cache.get("a")
    assert len(warnings(caplog)) == 2
    assert "since the last report: 50)" in warnings(caplog)[1].getMessage()


def test_it_does_not_ask_redis_again_before_the_retry_time(settings, redis_server, caplog):
    caplog.set_level(logging.WARNING)
    use_redis(settings, redis_server.url, RETRY_SECONDS=3600)
    cache.set("a", "before")
    redis_server.stop()
    assert cache.get("a") is None  # fails: away for an hour
    redis_server.start()  # empty, on the same port
    cache.set("a", "meanwhile")
    assert cache.get("a") is None  # not asked: no wait per request
    assert not redis.Redis(port=redis_server.port).keys("*")
    caches["default"].outage.retry_at = 0  # the hour has passed
    cache.set("a", "after")
    assert cache.get("a") == "after"
    assert [r.getMessage().split(" (")[0].split(" after")[0] for r in warnings(caplog)] == [
        f"The cache at redis://127.0.0.1:{redis_server.port}/0 does not answer",
        f"The cache at redis://127.0.0.1:{redis_server.port}/0 answers again",
    ]


def test_writes_it_missed_are_undone_before_it_is_asked_again(settings, redis_server):
    """A Redis that kept its data (a network outage, here a paused server)
    must not serve what a failed write should have replaced: a signed-out
    session, an old page generation."""
    use_redis(settings, redis_server.url, RETRY_SECONDS=3600)
    cache.set("session", "signed in")
    cache.set("other", "kept")
    cache.set("generation", "old")
    redis_server.pause()
    try:
        assert cache.get("other") is None  # times out: away
        assert cache.delete("session") is False  # not even tried
        cache.set("generation", "new")
    finally:
        redis_server.resume()
    caches["default"].outage.retry_at = 0
    assert cache.get("session") is None
    assert cache.get("generation") is None
    assert cache.get("other") == "kept"
    assert not caches["default"].is_away


@pytest.mark.django_db
def test_pages_render_live_while_the_cache_is_away(client, make_article, away):
    article = make_article("Ohne Cache")
    for url in ("/robots.txt", "/de/", article.get_absolute_url(), "/de/feed/rss/", "/sitemap.xml"):
        for _ in range(2):
            response = client.get(url)
            assert response.status_code == 200, url
            assert response["X-Cache"] == "MISS"
    assert "Ohne Cache" in client.get("/de/").content.decode()


@pytest.mark.django_db
def test_no_request_starts_a_generation_while_the_cache_is_away_but_a_change_does(
    client, make_article, away, settings, tmp_path, changes
):
    """The page files on this machine stand in for the shared generation:
    the front end keeps serving them and workers keep adding to them, and
    a change made meanwhile still replaces them."""
    settings.PAGE_FILES_DIR = str(tmp_path / "pages")
    article = make_article("Vorher")
    client.get("/de/")
    base = root()
    number = current_number(base)
    assert number is not None
    for _ in range(3):
        client.get("/de/")
        client.get(article.get_absolute_url())
    assert current_number(base) == number  # no folder switched per request
    files = list((base / "current").rglob("index.html"))
    assert len(files) == 2

    article.headline = "Nachher"
    changes(article.save)
    assert current_number(base) != number
    assert not list((base / "current").rglob("index.html"))
    response = client.get(article.get_absolute_url())
    assert "Nachher" in response.content.decode()
    [file] = (base / "current").rglob("index.html")
    assert "Nachher" in file.read_text()


@pytest.mark.django_db
def test_staff_sign_in_and_use_the_desk_while_the_cache_is_away(client, away, editor):
    response = client.post("/desk/login/", {"username": "eda", "password": password_of("eda")})
    assert response.status_code == 302
    assert client.get("/desk/").status_code == 200
    client.post("/desk/logout/")
    assert client.get("/desk/").status_code == 302  # signed out: to the sign-in page


@pytest.mark.django_db
def test_the_page_cache_starts_afresh_when_the_cache_answers_again(
    client, make_article, settings, redis_server
):
    """A change whose new generation never reached Redis (made by another
    process while it was away) shows once Redis answers again, though
    Redis kept the pages it had."""
    settings.PAGE_CACHE_SECONDS = 600
    use_redis(settings, redis_server.url, RETRY_SECONDS=3600)
    article = make_article("Vorher")
    client.get("/de/")
    assert client.get("/de/")["X-Cache"] == "HIT"
    redis_server.pause()
    try:
        assert client.get("/de/")["X-Cache"] == "MISS"  # times out: rendered live
        # Another process changes the article; its bump cannot reach Redis.
        type(article).objects.filter(pk=article.pk).update(headline="Nachher")
        assert "Nachher" in client.get("/de/").content.decode()
    finally:
        redis_server.resume()
    caches["default"].outage.retry_at = 0
    response = client.get("/de/")
    assert "Nachher" in response.content.decode()
    assert response["X-Cache"] == "MISS"
    assert client.get("/de/")["X-Cache"] == "HIT"


@pytest.mark.django_db
def test_a_session_signed_out_while_redis_hangs_stays_signed_out(
    client, settings, redis_server, editor
):
    """Sessions are kept in the database and in Redis (cached_db). Signing
    out while Redis hangs deletes the database row only; the copy Redis kept
    must not sign the stolen or left-behind cookie in again."""
    use_redis(settings, redis_server.url, RETRY_SECONDS=3600)
    client.post("/desk/login/", {"username": "eda", "password": password_of("eda")})
    assert client.get("/desk/").status_code == 200
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    redis_server.pause()
    try:
        client.post("/desk/logout/")
    finally:
        redis_server.resume()
    caches["default"].outage.retry_at = 0
    client.cookies[settings.SESSION_COOKIE_NAME] = cookie
    assert client.get("/desk/").status_code == 302


def test_it_says_so_when_it_missed_more_writes_than_it_can_undo(
    settings, redis_server, caplog, monkeypatch
):
    monkeypatch.setattr(cache_module, "MAX_UNDONE", 2)
    use_redis(settings, redis_server.url, RETRY_SECONDS=3600)
    redis_server.stop()
    for key in ("a", "b", "c"):
        cache.set(key, 1)
    redis_server.start()
    caches["default"].outage.retry_at = 0
    assert cache.get("a") is None
    [error] = [r for r in warnings(caplog) if r.levelno == logging.ERROR]
    assert "More than 2 writes" in error.getMessage()
