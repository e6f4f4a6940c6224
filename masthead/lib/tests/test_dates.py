"""Times read the way the page's language says them: "vor 20 Stunden" on a
German page, "20 hours ago" on an English one, never a mix."""

from datetime import UTC, datetime, timedelta

import pytest
from babel.dates import format_timedelta
from django.utils import translation

from masthead.lib.dates import (
    absolute_date,
    absolute_datetime,
    reader_time,
    relative_time,
    true_for,
    watch_relative_times,
)

NOW = datetime(2026, 3, 25, 12, 0, tzinfo=UTC)

AGES = [
    timedelta(seconds=5),
    timedelta(seconds=40),
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=45),
    timedelta(hours=1),
    timedelta(hours=3),
    timedelta(hours=20),
    timedelta(days=1),
    timedelta(days=2),
    timedelta(days=5),
    timedelta(weeks=1),
    timedelta(weeks=3),
    timedelta(days=45),
    timedelta(days=60),
    timedelta(days=150),
    timedelta(days=400),
]


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("age", AGES, ids=str)
def test_it_matches_babel(language, age):
    expected = format_timedelta(-age, add_direction=True, locale=language)

    assert relative_time(NOW - age, language, now=NOW) == expected


@pytest.mark.parametrize(
    ("age", "language", "expected"),
    [
        (timedelta(seconds=30), "de", "vor 30 Sekunden"),
        (timedelta(seconds=30), "en", "30 seconds ago"),
        (timedelta(minutes=5), "de", "vor 5 Minuten"),
        (timedelta(minutes=5), "en", "5 minutes ago"),
        (timedelta(hours=20), "de", "vor 20 Stunden"),
        (timedelta(hours=20), "en", "20 hours ago"),
        (timedelta(days=2), "de", "vor 2 Tagen"),
        (timedelta(days=2), "en", "2 days ago"),
        (timedelta(weeks=3), "de", "vor 3 Wochen"),
        (timedelta(weeks=3), "en", "3 weeks ago"),
        (timedelta(days=60), "de", "vor 2 Monaten"),
        (timedelta(days=60), "en", "2 months ago"),
        (timedelta(days=400), "de", "vor 1 Jahr"),
        (timedelta(days=400), "en", "1 year ago"),
    ],
    ids=str,
)
def test_it_reads_as_expected(age, language, expected):
    assert relative_time(NOW - age, language, now=NOW) == expected


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize(
    "offset", [timedelta(0), timedelta(seconds=3), timedelta(minutes=5), timedelta(days=2)], ids=str
)
def test_it_never_reads_as_future(language, offset):
    text = relative_time(NOW + offset, language, now=NOW)

    assert not text.startswith("in ")
    assert text == {"de": "vor 1 Sekunde", "en": "1 second ago"}[language]


def test_it_uses_the_current_time_by_default():
    value = datetime.now(UTC) - timedelta(hours=3)

    assert relative_time(value, "de") == "vor 3 Stunden"
    assert relative_time(value, "en") == "3 hours ago"


@pytest.mark.parametrize(
    ("language", "month", "other"),
    [("de", "März", "March"), ("en", "March", "März")],
)
def test_it_names_the_month_in_the_language(language, month, other):
    text = absolute_datetime(NOW, language)

    assert month in text
    assert other not in text
    assert "2026" in text
    assert "'" not in text  # CLDR pattern quotes never leak into the text


def test_it_shows_the_site_time_zone(settings):
    settings.TIME_ZONE = "Europe/Berlin"

    # 12:00 UTC is 13:00 in Berlin in March (CET).
    assert absolute_datetime(NOW, "de") == "25. März 2026, 13:00"
    # CLDR puts a narrow no-break space before "PM".
    assert absolute_datetime(NOW, "en") == "March 25, 2026, 1:00\u202fPM"
    assert absolute_date(NOW, "de") == "25. März 2026"
    assert absolute_date(NOW, "en") == "March 25, 2026"


def test_it_dates_late_evening_utc_by_the_local_day(settings):
    settings.TIME_ZONE = "Europe/Berlin"
    late = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)

    assert absolute_date(late, "de") == "1. Januar 2027"


@pytest.mark.django_db
def test_it_renders_german_relative_times_on_the_german_home_page(client, make_article):
    make_article("Der Rat beschließt den Haushalt", age=timedelta(hours=20))
    make_article("Die Brücke wird saniert", age=timedelta(days=2))

    with translation.override("de"):
        response = client.get("/de/")

    page = response.content.decode()
    assert "vor 20 Stunden" in page
    assert "vor 2 Tagen" in page
    assert " ago" not in page


@pytest.mark.django_db
def test_it_renders_english_relative_times_on_the_english_home_page(client, make_article):
    make_article("Council passes the budget", language="en", age=timedelta(hours=20))
    make_article("The bridge will be repaired", language="en", age=timedelta(days=2))

    with translation.override("en"):
        response = client.get("/en/")

    page = response.content.decode()
    assert "20 hours ago" in page
    assert "2 days ago" in page
    assert "vor " not in page


@pytest.mark.parametrize(
    ("age", "left"),
    [
        (timedelta(minutes=50), float("inf")),  # "11:10" stays true
        (timedelta(minutes=52), 3600 * 2 - 52 * 60),  # "1 hour" (Babel's 0.85) until 2 hours
        (timedelta(hours=3, minutes=40), 3600 * 5 - (3 * 3600 + 40 * 60)),  # "4 hours" until 5
        (timedelta(hours=20), 3600),
        (timedelta(days=2), 86400),
    ],
    ids=str,
)
def test_it_knows_how_long_a_time_stays_true(age, left):
    assert true_for(NOW - age, NOW) == left


@pytest.mark.parametrize(
    ("age", "language", "expected"),
    [
        (timedelta(minutes=5), "de", "12:55"),  # NOW is 12:00 UTC: 13:00 in Berlin
        (timedelta(minutes=5), "en", "12:55\u202fPM"),
        (timedelta(minutes=50), "de", "12:10"),
        (timedelta(minutes=52), "de", "vor 1 Stunde"),
        (timedelta(hours=20), "en", "20 hours ago"),
    ],
    ids=str,
)
def test_a_page_shows_the_clock_time_for_the_last_51_minutes(age, language, expected):
    assert reader_time(NOW - age, language, now=NOW) == expected


@pytest.mark.parametrize("age", [a for a in AGES if a >= timedelta(hours=1)], ids=str)
def test_a_shown_time_is_never_wrong_by_more_than_its_unit_while_it_is_kept(age):
    """Move the clock to the last moment a rendered time is still kept:
    what it says then is at most one of its units from the truth."""
    said = reader_time(NOW - age, "en", now=NOW)
    later = NOW + timedelta(seconds=true_for(NOW - age, NOW))
    amount, unit = said.split()[:2]
    seconds = {"hour": 3600, "day": 86400, "week": 604800, "month": 2592000,
               "year": 31536000}[unit.rstrip("s")]  # fmt: skip
    truth = (later - (NOW - age)).total_seconds()
    assert abs(truth - int(amount) * seconds) <= seconds


def test_the_page_learns_how_long_its_times_stay_true():
    with watch_relative_times() as watch:
        reader_time(NOW - timedelta(minutes=5), "de", now=NOW)
        assert watch.true_until == float("inf")
        reader_time(NOW - timedelta(hours=20), "de", now=NOW)
        reader_time(NOW - timedelta(days=2), "de", now=NOW)
    assert watch.true_until == NOW.timestamp() + 3600
    reader_time(NOW - timedelta(hours=1), "de", now=NOW)  # no longer watched
    assert watch.true_until == NOW.timestamp() + 3600
