"""The Content-Security-Policy report endpoint: browsers post violations
there (report-uri and the Reporting API's report-to); they are logged,
never cached, and a flood or an oversized body is dropped unread."""

import json
import logging

import pytest
from django.core.cache import cache
from django.test import Client

URL = "/csp-report/"
REPORT_URI_BODY = {
    "csp-report": {
        "document-uri": "https://news.example/de/",
        "violated-directive": "script-src-elem",
        "effective-directive": "script-src-elem",
        "blocked-uri": "inline",
        "line-number": 12,
    }
}
REPORT_TO_BODY = [
    {
        "type": "csp-violation",
        "url": "https://news.example/desk/",
        "body": {
            "documentURL": "https://news.example/desk/",
            "effectiveDirective": "style-src-elem",
            "blockedURL": "inline",
            "sample": "body{color:red}",
        },
    },
    {"type": "deprecation", "body": {"id": "x"}},
]


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def browser():
    """A client that enforces CSRF like a real browser post would meet it."""
    return Client(enforce_csrf_checks=True)


def post(client, body, content_type="application/csp-report", **extra):
    data = body if isinstance(body, bytes) else json.dumps(body)
    return client.post(URL, data, content_type=content_type, **extra)


def csp_lines(caplog):
    return [r.getMessage() for r in caplog.records if r.name == "masthead.csp"]


def test_it_logs_a_report_uri_report(browser, caplog):
    with caplog.at_level(logging.WARNING, logger="masthead.csp"):
        response = post(browser, REPORT_URI_BODY)
    assert response.status_code == 204
    assert "no-cache" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    [line] = csp_lines(caplog)
    assert "effective-directive='script-src-elem'" in line
    assert "document-uri='https://news.example/de/'" in line


def test_it_logs_reporting_api_reports(browser, caplog):
    with caplog.at_level(logging.WARNING, logger="masthead.csp"):
        response = post(browser, REPORT_TO_BODY, content_type="application/reports+json")
    assert response.status_code == 204
    [line] = csp_lines(caplog)  # the deprecation report is not ours to log
    assert "effective-directive='style-src-elem'" in line
    assert "script-sample='body{color:red}'" in line


@pytest.mark.parametrize("body", [b"", b"not json", b"[1, 2]", b'{"csp-report": 3}', b"\xff"])
def test_it_ignores_what_is_not_a_report(browser, caplog, body):
    with caplog.at_level(logging.WARNING, logger="masthead.csp"):
        assert post(browser, body).status_code == 204
    assert csp_lines(caplog) == []


def test_it_drops_an_oversized_body_unread(browser, caplog, settings):
    settings.CSP_REPORT_MAX_BYTES = 1000
    big = {"csp-report": {**REPORT_URI_BODY["csp-report"], "script-sample": "x" * 2000}}
    with caplog.at_level(logging.WARNING, logger="masthead.csp"):
        assert post(browser, big).status_code == 204
    assert csp_lines(caplog) == []


def test_it_cuts_long_values(browser, caplog):
    long = {"csp-report": {**REPORT_URI_BODY["csp-report"], "blocked-uri": "y" * 5000}}
    with caplog.at_level(logging.WARNING, logger="masthead.csp"):
        post(browser, long)
    [line] = csp_lines(caplog)
    assert "y" * 200 in line and "y" * 201 not in line


def test_it_limits_the_reports_per_address(browser, caplog, settings):
    settings.CSP_REPORTS_PER_MINUTE = 3
    with caplog.at_level(logging.WARNING, logger="masthead.csp"):
        for _ in range(5):
            assert post(browser, REPORT_URI_BODY).status_code == 204
        post(browser, REPORT_URI_BODY, REMOTE_ADDR="10.1.2.3")
    assert len(csp_lines(caplog)) == 4


def test_it_takes_posts_only(browser):
    assert browser.get(URL).status_code == 405
