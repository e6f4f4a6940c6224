"""With JavaScript off, a cached page's times are all the reader gets: no
copy of a page (in the page cache, as a page file, in a browser or a
shared cache) may outlive the moment its first time stops being true
within its own unit ("vor 2 Stunden" at four hours). Times of the last
51 minutes read as the clock time ("12:03"), which stays true."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from babel.dates import format_time
from django.core.cache import cache
from django.utils import timezone

from masthead.pagecache import files

NOON = datetime(2026, 12, 1, 12, 0, 10, tzinfo=UTC)  # early in a page-file bucket
UNIT = {"Stunde": 3600, "Stunden": 3600, "Tag": 86400, "Tagen": 86400}


@pytest.fixture(autouse=True)
def _cache_on(settings, tmp_path):
    # A cache on the clock the tests move: Redis (the PostgreSQL pass's
    # cache) expires entries by its own clock. What is tested is the
    # timeout the page cache asks for; expiring is the cache's job.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.PAGE_FILES_DIR = str(tmp_path / "pages")
    cache.clear()
    yield
    cache.clear()


def shown_times(page: str) -> list[tuple[datetime, str]]:
    found = re.findall(r'<time datetime="([^"]+)" title="[^"]*" data-reltime>([^<]+)</time>', page)
    return [(datetime.fromisoformat(when), said) for when, said in found]


def true_now(when: datetime, said: str, now: datetime) -> bool:
    """Whether ``said`` is true of ``when`` at ``now``: the clock time it
    happened, or how long ago within one unit."""
    if said == format_time(timezone.localtime(when).time(), "short", locale="de"):
        return True
    amount, unit = re.fullmatch(r"vor (\d+) (\w+)", said).groups()
    return abs((now - when).total_seconds() - int(amount) * UNIT[unit]) <= UNIT[unit]


@pytest.mark.django_db
def test_no_cached_page_says_a_time_that_has_stopped_being_true(client, make_article, settings):
    """A site that keeps pages for six hours: move the clock ten minutes at a
    time through a day; whatever the home page says, fresh or cached, is
    true within its unit."""
    settings.PAGE_CACHE_SECONDS = 6 * 3600
    with time_machine.travel(NOON, tick=False) as clock:
        make_article("Gerade erschienen", age=timedelta(minutes=3))
        make_article("Heute früh", age=timedelta(hours=5))
        states = set()
        for _ in range(6 * 24):
            clock.shift(timedelta(minutes=10))
            response = client.get("/de/")
            states.add(response["X-Cache"])
            now = datetime.now(UTC)
            for when, said in shown_times(response.content.decode()):
                assert true_now(when, said, now), (said, when, now, response["X-Cache"])
    assert states == {"HIT", "MISS"}


@pytest.mark.django_db
def test_a_fresh_article_shows_its_clock_time_and_the_page_is_kept_as_usual(
    client, make_article, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    with time_machine.travel(NOON, tick=False) as clock:
        article = make_article("Gerade erschienen", age=timedelta(minutes=5))
        first = client.get("/de/")
        assert first["X-Cache"] == "MISS"
        said = format_time(timezone.localtime(article.publish_at).time(), "short", locale="de")
        assert [s for _, s in shown_times(first.content.decode())] == [said]
        browser, shared = settings.PAGE_BROWSER_MAX_AGE, settings.PAGE_SHARED_MAX_AGE
        assert first["Cache-Control"].startswith(f"public, max-age={browser}, s-maxage={shared}, ")
        assert list(files.root().rglob("index.html"))
        clock.shift(timedelta(minutes=9))
        assert client.get("/de/")["X-Cache"] == "HIT"


@pytest.mark.django_db
def test_a_page_is_kept_no_longer_than_its_times_stay_true(client, make_article, settings):
    """ "vor 2 Stunden" at 1:59 (Babel rounds) is true until 3:00 (within an
    hour), so a site that keeps pages for six hours keeps this one 61
    minutes, tells shared caches as much, and writes no page file (which
    shared caches would keep for three hours)."""
    settings.PAGE_CACHE_SECONDS = 6 * 3600
    settings.PAGE_SHARED_MAX_AGE = 3 * 3600
    with time_machine.travel(NOON, tick=False) as clock:
        make_article("Vorhin", age=timedelta(hours=1, minutes=59))
        first = client.get("/de/")
        assert "vor 2 Stunden" in first.content.decode()
        assert re.search(r"s-maxage=(\d+)", first["Cache-Control"]).group(1) == str(61 * 60)
        assert "stale-while-revalidate=0" in first["Cache-Control"]
        assert list(files.root().rglob("index.*")) == []
        clock.shift(timedelta(minutes=60))
        assert client.get("/de/")["X-Cache"] == "HIT"
        clock.shift(timedelta(minutes=2))
        again = client.get("/de/")
    assert again["X-Cache"] == "MISS"
    assert "vor 3 Stunden" in again.content.decode()
