"""What every reader page shows the same until the next change (the
sections, the recent posts of a language, breaking news), worked out once
per content generation in each process and kept in its memory.

The content generation is the page cache's (pagecache/generation.py): every
change begins a new one, on every machine that shares the cache. Its
middleware hands each request the generation it renders in
(``request.content_generation``), or the means to learn it when a view asks
(``request.generation_source``); without them (a request made outside the
middleware) nothing is kept.
"""

from collections.abc import Callable
from typing import Any, TypeVar

from django.db import DatabaseError, connection

# The generation while neither the cache nor page files can say which it is.
NO_GENERATION = "none"

T = TypeVar("T")

# What per_generation has worked out in this process, and the newest
# generation it has seen.
_remembered: dict = {}
_remembered_for: str | None = None
_NOTHING = object()


def generation_of(request: Any) -> Any:
    """The content generation ``request`` renders in (with its ``number``),
    or None when it cannot be known (the database or the middleware away)."""
    if not hasattr(request, "content_generation"):
        source = getattr(request, "generation_source", None)
        try:
            request.content_generation = source() if source else None
        except DatabaseError:
            request.content_generation = None
    return request.content_generation


def per_generation(request: Any, key: tuple, compute: Callable[[], T]) -> T:
    """``compute()``, worked out once per content generation in this
    process and kept in its memory until the next change. Keyed by the
    generation the page is rendered in, so a page stored under a generation
    never shows what an older one held. Only public content belongs here,
    and nothing that depends on the request beyond ``key``; the value is
    shared, so never change it.

    Not kept while a transaction is open (a preview inside one could see
    what is never committed), and forgotten at every change this process
    makes (``forget``), before the change's generation begins."""
    global _remembered_for
    generation = generation_of(request)
    if generation is None or generation.number == NO_GENERATION or _in_transaction():
        return compute()
    if _remembered_for != generation.number:
        _remembered.clear()  # what older generations held
        _remembered_for = generation.number
    # The generation is part of the key: a request of another thread still
    # rendering in the generation before keeps its value apart.
    key = (generation.number, *key)
    value = _remembered.get(key, _NOTHING)
    if value is _NOTHING:
        value = _remembered[key] = compute()
    return value


def forget() -> None:
    """Forget what per_generation kept: this process has changed content."""
    _remembered.clear()


def _in_transaction() -> bool:
    # A test's own transaction (Django's TestCase, pytest-django) does not
    # count: every test runs in one, and changes in it still call forget().
    return any(not getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)
