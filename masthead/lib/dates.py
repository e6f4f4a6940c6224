"""Dates and relative times in the reader's language, from CLDR via Babel.

Everything a reader sees about time is rendered here, so that a German page
says "vor 20 Stunden" and an English page "20 hours ago", never a mix.

>>> from datetime import datetime, timedelta, timezone
>>> now = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
>>> relative_time(now - timedelta(hours=20), "de", now=now)
'vor 20 Stunden'
>>> relative_time(now - timedelta(days=2), "en", now=now)
'2 days ago'
"""

import math
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime, timedelta, tzinfo
from functools import lru_cache

from babel import Locale
from babel.dates import (
    format_date,
    format_datetime,
    format_time,
    format_timedelta,
    get_datetime_format,
)
from django.utils import timezone


def babel_locale(language: str) -> str:
    """Django's language code ("pt-br") as a Babel locale name ("pt_BR")."""
    language, _, region = language.partition("-")
    return f"{language}_{region.upper()}" if region else language


@lru_cache(maxsize=64)
def locale_for(language: str) -> Locale:
    """The Babel locale of a Django language code, parsed once per process
    (parsing looks through every CLDR locale name: a third of a
    millisecond, several times per page otherwise)."""
    return Locale.parse(babel_locale(language))


def relative_time(value: datetime, language: str, now: datetime | None = None) -> str:
    """How long ago ``value`` was, as a reader of ``language`` says it.

    Times in the future (a clock a little ahead) read as one second ago:
    a published article is never "in 3 seconds".
    """
    now = now or timezone.now()
    delta = value - now
    if delta > timedelta(seconds=-1):
        delta = timedelta(seconds=-1)
    return format_timedelta(delta, add_direction=True, locale=locale_for(language))


# What a page says about when something happened (``reader_time``): how
# long ago, as Babel says it, from the moment Babel counts in hours (0.85
# of an hour: 51 minutes are "1 hour"); before that, the clock time it
# happened ("12:03"). "vor 5 Minuten" would be wrong a minute later on a
# cached page (and a page file is served for longer than that); "12:03"
# stays true, and "vor 3 Stunden" for an hour at least. reltime.js keeps
# the same rules in the browser.
CLOCK_BELOW = 0.85 * 3600
UNITS = (("year", 31_536_000), ("month", 2_592_000), ("week", 604_800), ("day", 86_400),
         ("hour", 3_600))  # fmt: skip


def reader_time(value: datetime, language: str, now: datetime | None = None) -> str:
    """``value`` as a page shows it: "12:03" for the last 51 minutes, then
    "vor 1 Stunde", "vor 2 Tagen" (in the page's language, CLDR via Babel)."""
    now = now or timezone.now()
    _watched(value, now)
    if (now - value).total_seconds() < CLOCK_BELOW:
        local = timezone.localtime(value)
        return format_time(local.time(), "short", locale=locale_for(language))
    return relative_time(value, language, now)


def true_for(value: datetime, now: datetime) -> float:
    """For how many more seconds ``reader_time(value)`` stays true within
    its own unit: a clock time for good, "vor 3 Stunden" until the article
    is 4 hours old. A page that shows it may be kept (cached, written as a
    file) no longer."""
    age = (now - value).total_seconds()
    if age < CLOCK_BELOW:
        return math.inf
    for _unit, seconds in UNITS:
        amount = age / seconds
        if amount >= 0.85 or seconds == 3_600:
            shown = round(amount)
            return max(0.0, (shown + 1) * seconds - age)
    raise AssertionError("unreachable: an hour is the last unit")


class RelativeTimes:
    """What ``watch_relative_times`` hands out: the earliest moment (a Unix
    time) a relative time rendered meanwhile stops being true."""

    def __init__(self) -> None:
        self.true_until = math.inf


_watch: ContextVar[RelativeTimes | None] = ContextVar("relative_times", default=None)


@contextmanager
def watch_relative_times() -> Iterator[RelativeTimes]:
    """Collect how long the relative times of what is rendered inside
    stay true (the page cache keeps a page no longer)."""
    watch = RelativeTimes()
    token = _watch.set(watch)
    try:
        yield watch
    finally:
        _watch.reset(token)


def _watched(value: datetime, now: datetime) -> None:
    watch = _watch.get()
    if watch is not None:
        watch.true_until = min(watch.true_until, now.timestamp() + true_for(value, now))


def absolute_datetime(value: datetime, language: str, fmt: str = "long") -> str:
    """``value`` in the site's time zone, e.g. "25. November 2026, 13:14" or
    "November 25, 2026, 1:14 PM" for ``fmt="long"`` (a long date with a short
    time: CLDR's long time would add the zone name), else any Babel format."""
    return _absolute_datetime(value, language, fmt, timezone.get_current_timezone())


# Remembered: a page shows the same few times on every render (the recent
# posts' titles, the article's dates), and Babel takes 0.1 ms for each.
@lru_cache(maxsize=4096)
def _absolute_datetime(value: datetime, language: str, fmt: str, zone: tzinfo) -> str:
    locale = locale_for(language)
    local = timezone.localtime(value, zone)
    if fmt != "long":
        return format_datetime(local, fmt, tzinfo=local.tzinfo, locale=locale)
    # CLDR's combined pattern is a plain string such as "{1}, {0}" (Babel
    # annotates it as a DateTimePattern).
    pattern = str(get_datetime_format("long", locale=locale))
    date = format_date(local.date(), "long", locale=locale)
    time = format_time(local.time(), "short", locale=locale)
    return pattern.format(time, date)


def absolute_date(value: datetime, language: str, fmt: str = "long") -> str:
    """The date alone, in the site's time zone: "25. November 2026"."""
    return format_date(timezone.localtime(value).date(), fmt, locale=locale_for(language))
