"""Fixtures for the browser suite: Debian's Chromium through Playwright, a
fresh browser context per test, and the demo newsroom on a live server.

After each test the browser contexts are closed and the live server is
waited on until it has finished every request (an autosave sent just before
the page closed, say) before pytest-django empties the database: a request
still running against the flush's TRUNCATE deadlocks on PostgreSQL and
leaves rows behind for the next test."""

import os

import pytest
from browser_helpers import CHROMIUM, CHROMIUM_ARGS, CountingWSGIServer, wait_until_idle

PAGE_TIMEOUT_MS = 60_000


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, on a CountingWSGIServer."""
    from pytest_django.live_server_helper import LiveServer

    addr = (
        request.config.getvalue("liveserver")
        or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    server = LiveServer(addr, start=False)
    server.thread.server_class = CountingWSGIServer
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole session."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(
            f"Chromium is missing at {CHROMIUM}. The browser tests need Debian's chromium "
            "package; scripts/test.sh installs it (apt-get install chromium).",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in the main thread,
    # which makes Django refuse database access there. Tests and fixtures
    # still run synchronously, one at a time.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def new_page(browser, live_server):
    """``new_page(locale="en-GB", java_script_enabled=False, viewport=…)``: a
    page in a browser context of its own, closed after the test.

    It asks for the live server so that pytest-django sets the database up
    before it, and empties it only after the pages are closed and the
    server has finished their requests."""
    contexts = []

    def make(locale="de-DE", **options):
        options.setdefault("viewport", {"width": 1280, "height": 900})
        context = browser.new_context(locale=locale, **options)
        # A limit, not a wait: on a busy machine a page can take long to load.
        context.set_default_timeout(PAGE_TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
    wait_until_idle(live_server)


@pytest.fixture
def page(new_page):
    """A page of a German-speaking reader's browser."""
    return new_page()


@pytest.fixture
def demo_site(transactional_db, live_server, settings, monkeypatch):
    """The demo newsroom in the test database; returns the live server's URL."""
    from masthead import urls
    from masthead.demo.load import load_demo

    # The media route took MEDIA_ROOT when the URLconf was imported; point it
    # at this test's MEDIA_ROOT (a tmp dir) so that lead images load.
    for pattern in urls.urlpatterns:
        if "document_root" in getattr(pattern, "default_args", {}):
            monkeypatch.setitem(pattern.default_args, "document_root", settings.MEDIA_ROOT)
    load_demo()
    return live_server.url
