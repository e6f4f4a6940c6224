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
import time
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime, timedelta
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


# The units of a relative time, as Babel's format_timedelta counts them,
# down to the smallest a page shows: a minute. "vor 40 Sekunden" would be
# wrong a second later on a cached page; "vor 1 Minute" stays true (within
# its unit) for a minute.
UNITS = (("year", 31_536_000), ("month", 2_592_000), ("week", 604_800), ("day", 86_400),
         ("hour", 3_600), ("minute", 60))  # fmt: skip
THRESHOLD = 0.85  # Babel's: 51 minutes are "1 hour"


def relative_time(value: datetime, language: str, now: datetime | None = None) -> str:
    """How long ago ``value`` was, as a reader of ``language`` says it, in
    whole minutes at least (CLDR via Babel; reltime.js follows the same
    rules in the browser).

    Times in the future (a clock a little ahead) read as one minute ago:
    a published article is never "in 3 seconds".
    """
    now = now or timezone.now()
    delta = value - now
    if delta > timedelta(seconds=-1):
        delta = timedelta(seconds=-1)
    _watched(value, now)
    return format_timedelta(
        delta, granularity="minute", add_direction=True, locale=locale_for(language)
    )


def true_for(value: datetime, now: datetime) -> float:
    """For how many more seconds ``relative_time(value)`` stays true within
    its own unit: "vor 5 Minuten" until the article is 6 minutes old, "vor
    3 Stunden" until it is 4 hours old. A page that shows it may be kept
    (cached, written as a file) no longer."""
    age = max(1.0, (now - value).total_seconds())
    for unit, seconds in UNITS:
        amount = age / seconds
        if amount >= THRESHOLD or unit == "minute":
            shown = round(max(1.0, amount))
            return max(0.0, (shown + 1) * seconds - age)
    raise AssertionError("unreachable: minute is the last unit")


class RelativeTimes:
    """What ``watch_relative_times`` hands out: the earliest moment (a Unix
    time) a relative time rendered meanwhile stops being true."""

    def __init__(self):
        self.true_until = math.inf

    def seconds_left(self, now: float | None = None) -> float:
        return self.true_until - (time.time() if now is None else now)


_watch: ContextVar[RelativeTimes | None] = ContextVar("relative_times", default=None)


@contextmanager
def watch_relative_times():
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
    locale = locale_for(language)
    local = timezone.localtime(value)
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
