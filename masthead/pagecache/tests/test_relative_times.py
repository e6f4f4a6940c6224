"""With JavaScript off, a cached page's relative times are all the reader
gets: no copy of a page (in the page cache, as a page file, in a browser
or a shared cache) may outlive the moment its first relative time stops
being true within its own unit ("vor 5 Minuten" at 20 minutes)."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.cache import cache

from masthead.lib import dates
from masthead.pagecache import files

NOON = datetime(2026, 12, 1, 12, 0, 10, tzinfo=UTC)  # early in a page-file bucket


@pytest.fixture(autouse=True)
def _cache_on(settings, tmp_path):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_FILES_DIR = str(tmp_path / "pages")
    cache.clear()
    yield
    cache.clear()


def reltimes(page: str) -> list[tuple[str, str]]:
    return re.findall(r'<time datetime="([^"]+)" title="[^"]*" data-reltime>([^<]+)</time>', page)


def max_age(response, name) -> int:
    return int(re.search(rf"(?<![-\w]){name}=(\d+)", response["Cache-Control"]).group(1))


@pytest.mark.django_db
def test_no_cached_page_says_a_time_that_has_stopped_being_true(client, make_article):
    """Move the clock minute by minute for two hours: whatever the home page
    says, fresh or from the cache, is never more than its unit off."""
    with time_machine.travel(NOON, tick=False) as clock:
        make_article("Gerade erschienen", age=timedelta(minutes=3))
        make_article("Heute früh", age=timedelta(hours=5))
        for _ in range(120):
            clock.shift(timedelta(seconds=61))
            response = client.get("/de/")
            now = datetime.now(UTC)
            for when, said in reltimes(response.content.decode()):
                assert said == dates.relative_time(datetime.fromisoformat(when), "de", now=now) or (
                    _off_by_at_most_a_unit(said, datetime.fromisoformat(when), now)
                ), (said, when, now, response["X-Cache"])


def _off_by_at_most_a_unit(said: str, when: datetime, now: datetime) -> bool:
    amount, unit = re.match(r"vor (\d+) (\w+)", said).groups()
    seconds = {"Minute": 60, "Minuten": 60, "Stunde": 3600, "Stunden": 3600}[unit]
    return abs((now - when).total_seconds() - int(amount) * seconds) <= seconds


@pytest.mark.django_db
def test_a_page_with_a_fresh_time_is_kept_only_while_it_is_true(client, make_article):
    with time_machine.travel(NOON, tick=False) as clock:
        make_article("Gerade erschienen", age=timedelta(minutes=5))  # "vor 5 Minuten": 60 s
        first = client.get("/de/")
        assert first["X-Cache"] == "MISS"
        assert max_age(first, "s-maxage") <= 60
        assert max_age(first, "s-maxage") + max_age(first, "stale-while-revalidate") <= 60
        # Too short for a page file, which the front end would serve for a bucket.
        assert list(files.root().rglob("index.*")) == []
        clock.shift(timedelta(seconds=30))
        assert client.get("/de/")["X-Cache"] == "HIT"
        clock.shift(timedelta(seconds=31))
        again = client.get("/de/")
    assert again["X-Cache"] == "MISS"
    assert "vor 6 Minuten" in again.content.decode()


@pytest.mark.django_db
def test_a_page_with_older_times_is_cached_and_written_as_usual(client, make_article, settings):
    with time_machine.travel(NOON, tick=False):
        make_article("Heute früh", age=timedelta(hours=5))  # "vor 5 Stunden": an hour
        response = client.get("/de/")
    assert response["X-Cache"] == "MISS"
    browser, shared = settings.PAGE_BROWSER_MAX_AGE, settings.PAGE_SHARED_MAX_AGE
    assert response["Cache-Control"].startswith(f"public, max-age={browser}, s-maxage={shared}, ")
    assert list(files.root().rglob("index.html"))
