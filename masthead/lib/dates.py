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
