"""Fixtures of the page-cache tests."""

import pytest
from django.core.cache import cache
from django.db import connection

from masthead.pagecache import local


def commit_setup():
    """A test runs in one transaction that never commits; its setup stands
    for changes committed before. One transaction starts one generation
    (signal_handlers.py), so the setup's pending bump would absorb the next
    change's: run it, as its commit would have."""
    pending = getattr(connection, "pagecache_bump", None)
    if pending is not None:
        pending()


@pytest.fixture
def changes(django_capture_on_commit_callbacks):
    """Run a change as if committed, so that its cache invalidation runs."""

    def run(function, *args, **kwargs):
        commit_setup()
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run


@pytest.fixture
def page_cache_on(settings):
    """The full-page cache on (the tests' settings turn it off), empty."""
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    local.forget()
    yield
    cache.clear()
    local.forget()
