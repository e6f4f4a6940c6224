"""Fixtures for the browser suite: Debian's Chromium through Playwright, a
fresh browser context per test, and the demo newsroom on a live server."""

import os

import pytest
from browser_helpers import CHROMIUM, CHROMIUM_ARGS


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
def new_page(browser):
    """``new_page(locale="en-GB", java_script_enabled=False, viewport=…)``: a
    page in a browser context of its own, closed after the test."""
    contexts = []

    def make(locale="de-DE", **options):
        options.setdefault("viewport", {"width": 1280, "height": 900})
        context = browser.new_context(locale=locale, **options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


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
