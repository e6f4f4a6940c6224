"""Addresses of content in a given language, worked out once per process.

A reader page links to a few dozen articles, sections and authors, and
each link was a ``reverse()`` inside ``translation.override()``: a
twentieth of a millisecond apiece, the same answer every time. The
answer depends only on the language, the address pattern, the slug and
the URL configuration, so it is kept (up to 8,192 addresses; the oldest
go first). Tests that change settings (address words, languages) start
afresh: every changed setting empties it.
"""

from functools import lru_cache

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation


def reverse_in(language: str, viewname: str, slug: str) -> str:
    """``reverse(viewname, kwargs={"slug": slug})`` with ``language`` active."""
    return _reverse_in(language, viewname, slug, get_script_prefix(), get_urlconf())


@lru_cache(maxsize=8192)
def _reverse_in(language: str, viewname: str, slug: str, prefix: str, urlconf: object) -> str:
    with translation.override(language):
        return reverse(viewname, kwargs={"slug": slug})


@receiver(setting_changed)
def _forget(**kwargs: object) -> None:
    _reverse_in.cache_clear()
