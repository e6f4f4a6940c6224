"""A stored page answered from the worker's memory, before Django
(local.py, masthead/wsgi.py): Masthead's own WSGI application, called as a
server calls it, with the real database and cache behind it."""

import io
import time
from dataclasses import replace
from datetime import timedelta

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.urls import reverse
from django.utils import timezone, translation

from masthead.pagecache import local
from masthead.pagecache.generation import current_generation
from masthead.wsgi import application

pytestmark = [pytest.mark.usefixtures("page_cache_on"), pytest.mark.django_db]

SITE = "testserver"  # the host of the tests' SITE_URL


def call(path, *, method="GET", host=SITE, query="", **headers):
    """Call the WSGI application: status, headers and body."""
    environ = {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": host,
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": io.StringIO(),
        **{"HTTP_" + name.upper().replace("-", "_"): value for name, value in headers.items()},
    }
    answered = {}

    def start_response(status, response_headers, exc_info=None):
        answered["status"] = status
        answered["headers"] = dict(response_headers)

    # As Django's test client does: a request's start and end must not
    # close the test's database connection (with its open transaction).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        response = application(environ, start_response)
        body = b"".join(response)
        if hasattr(response, "close"):
            response.close()  # as a server does: request_finished
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return answered["status"], answered["headers"], body


@pytest.fixture
def entered_django():
    """How many requests reached Django's handler."""
    calls = []

    def count(**kwargs):
        calls.append(1)

    request_started.connect(count)
    yield calls
    request_started.disconnect(count)


def home(language="de"):
    with translation.override(language):
        return reverse("articles:home")


def test_a_stored_page_is_answered_from_memory_without_django(
    make_article, entered_django, django_assert_num_queries
):
    make_article("Erster Artikel")
    status, headers, first = call(home())
    assert status == "200 OK" and headers["X-Cache"] == "MISS"
    assert len(entered_django) == 1
    with django_assert_num_queries(0):
        status, headers, body = call(home(), Accept_Encoding="gzip, br")
    assert len(entered_django) == 1  # not entered again
    assert status == "200 OK" and headers["X-Cache"] == "HIT"
    assert headers["Content-Encoding"] == "br" and headers["Vary"] == "Accept-Encoding"
    assert headers["Content-Language"] == "de"
    assert "Content-Security-Policy" in headers
    assert headers["Content-Length"] == str(len(body))
    # The same page as Django sends, and a 304 for the browser's copy.
    status, headers, body = call(home())
    assert body == first
    status, headers, body = call(home(), If_None_Match=headers["ETag"])
    assert status == "304 Not Modified" and body == b""
    status, headers, body = call(home(), method="HEAD")
    assert body == b"" and headers["Content-Length"] == str(len(first))
    assert len(entered_django) == 1


def test_what_is_not_the_same_for_every_reader_goes_to_django(make_article, entered_django):
    make_article("Erster Artikel")
    call(home())
    assert len(entered_django) == 1
    call(home(), Cookie="sessionid=abc")  # a signed-in member: a live page
    call(home(), query="utm_source=x")  # the one copy, but through Django
    call(home(), method="POST")
    call(home(), host="other.example")  # not the site's address: Django says 400
    assert len(entered_django) == 5
    # A cookie that is not the session's changes nothing.
    call(home(), Cookie="csrftoken=abc; theme=dark")
    assert len(entered_django) == 5


def test_a_page_with_the_parameters_it_reads_is_answered_from_memory(make_article, entered_django):
    make_article("Wahl in Wien")  # (the page shows the words searched for)
    with translation.override("de"):
        search = reverse("search:results")
    call(search, query="q=Wahl")
    status, headers, body = call(search, query="q=Wahl")
    assert headers["X-Cache"] == "HIT" and 'value="Wahl"' in body.decode()
    assert len(entered_django) == 1
    # The same page asked with a parameter it does not read: its one copy,
    # but through Django (the memory knows addresses only as they came).
    assert call(search, query="q=Wahl&utm_source=x")[1]["X-Cache"] == "HIT"
    assert len(entered_django) == 2
    assert len(local._pages) == 1


def test_a_change_in_this_process_shows_on_the_next_request(make_article, changes):
    make_article("Alter Artikel")
    call(home())
    assert call(home())[1]["X-Cache"] == "HIT"
    changes(make_article, "Neuer Artikel")
    status, headers, body = call(home())
    assert headers["X-Cache"] == "MISS"
    assert "Neuer Artikel" in body.decode()


def test_a_page_rendered_before_a_change_here_is_not_kept_after_it(make_article, changes):
    """Another thread of the worker rendered the page in the generation
    before this process's change, and finishes after it."""
    make_article("Alter Artikel")
    call(home())
    [(key, kept)] = local._pages.items()
    before = current_generation()
    changes(make_article, "Neuer Artikel")
    local.keep(key, kept.page, before)
    assert not local._pages
    local.keep(key, kept.page, current_generation())
    assert key in local._pages


def test_a_page_is_kept_in_memory_for_a_second_at_most(make_article, entered_django):
    make_article("Erster Artikel")
    call(home())
    call(home())
    assert len(entered_django) == 1
    time.sleep(1.1)  # PAGE_CACHE_LOCAL_SECONDS
    # Then the shared cache is asked again (through Django): a change made
    # by another worker or machine shows from now on.
    assert call(home())[1]["X-Cache"] == "HIT"
    assert len(entered_django) == 2


def test_no_page_is_kept_with_a_front_cache_or_when_turned_off(
    make_article, entered_django, settings
):
    make_article("Erster Artikel")
    settings.PAGE_CACHE_LOCAL_SECONDS = 0
    for _ in range(3):
        call(home())
    settings.PAGE_CACHE_LOCAL_SECONDS = 1
    # A front cache fetches a page again right after its purge: it must get
    # the new one, which memory kept for a second could miss.
    settings.FRONT_CACHES = ["varnish:http://127.0.0.1:9"]
    for _ in range(2):
        call(home())
    assert len(entered_django) == 5
    assert not local._pages


def test_a_page_is_kept_no_longer_than_it_stays_true(make_article):
    """Not past the moment a scheduled article goes live, nor past the
    moment a relative time on the page ("vor 3 Stunden") stops being true."""
    # Under a second away (a page is kept a second at most), with room for
    # a slow machine to render the page before it goes live.
    make_article("Geplant", age=None, publish_at=timezone.now() + timedelta(seconds=0.9))
    call(home())
    [(key, kept)] = local._pages.items()
    assert kept.until == kept.next_change < time.time() + 0.9
    local.forget()
    generation = current_generation()
    # A relative time that stops being true before the article goes live.
    page = replace(kept.page, true_until=min(time.time() + 0.3, kept.next_change - 0.1))
    local.keep(key, page, generation)
    assert local._pages[key].until == page.true_until
    local.keep(key, replace(page, true_until=time.time() - 1), generation)
    assert local.find({"REQUEST_METHOD": "GET", "HTTP_HOST": key[0], "PATH_INFO": key[1]}) is None


def test_memory_keeps_a_bounded_number_of_pages(make_article, monkeypatch):
    """The pages that have run out go first, then the oldest kept."""
    monkeypatch.setattr(local, "MAX_PAGES", 3)
    make_article("Erster Artikel")
    call(home())
    [(key, kept)] = local._pages.items()
    generation = current_generation()
    local.keep(("h", "/1/"), kept.page, generation)
    local._pages[("h", "/1/")].until = time.time() - 1  # run out
    local.keep(("h", "/2/"), kept.page, generation)
    local.keep(("h", "/3/"), kept.page, generation)  # full: /1/ goes
    assert list(local._pages) == [key, ("h", "/2/"), ("h", "/3/")]
    local.keep(("h", "/4/"), kept.page, generation)  # full: the oldest goes
    assert list(local._pages) == [("h", "/2/"), ("h", "/3/"), ("h", "/4/")]
