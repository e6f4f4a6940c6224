"""Numbers typed or crafted by users, read safely.

Every id and counter the database stores is a positive integer of at most
64 bits (SQLite's INTEGER, PostgreSQL's bigint). Python's ``int()`` takes
far more than that: digits of other scripts ("²", "٣"), signs, spaces,
underscores and numbers of any length, which then fail in the database
(OverflowError on SQLite). Read ids from user input with :func:`parse_id`,
and give integer form fields these bounds (``MIN_ID``, ``MAX_ID``).

>>> parse_id("4711")
4711
>>> parse_id("²") is None, parse_id("9" * 20) is None, parse_id("-1") is None
(True, True, True)
"""

import re

# The largest value of a 64-bit signed integer column.
MAX_ID = 2**63 - 1
MIN_ID = 1
# ASCII digits only: ``\d`` and ``str.isdigit`` take every script's digits.
_ASCII_NUMBER = re.compile(r"[0-9]{1,19}")


def parse_id(text: object, *, minimum: int = MIN_ID, maximum: int = MAX_ID) -> int | None:
    """The number ``text`` spells in ASCII digits when it lies within
    ``minimum``…``maximum``, else None (also for None and non-strings)."""
    if not isinstance(text, str) or not _ASCII_NUMBER.fullmatch(text):
        return None
    number = int(text)
    return number if minimum <= number <= maximum else None
