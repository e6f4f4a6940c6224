"""Browser security policies that Django does not set by itself: the
endpoint that receives Content-Security-Policy reports, the header that
names it for the Reporting API, and how uploaded media is served.

The policies themselves are settings (CONTENT_SECURITY_POLICY for
django-csp, PERMISSIONS_POLICY for django-permissions-policy, HSTS with
SECURE_COOKIES), and the header values of Masthead's own are in
masthead/lib/policies.py; see docs/security.md.
"""

import json
import logging
from pathlib import PurePath

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.static import serve

from masthead.lib import images
from masthead.lib.policies import MEDIA_POLICY, reporting_endpoints

logger = logging.getLogger("masthead.csp")

# The fields of a report worth a log line, each cut to FIELD_CHARS.
REPORT_FIELDS = (
    ("document-uri", "documentURL"),
    ("effective-directive", "effectiveDirective"),
    ("violated-directive", None),
    ("blocked-uri", "blockedURL"),
    ("source-file", "sourceFile"),
    ("line-number", "lineNumber"),
    ("script-sample", "sample"),
)
FIELD_CHARS = 200
MAX_REPORTS_PER_REQUEST = 20


class ReportingEndpointsMiddleware:
    """Name the report endpoint for the Reporting API (``report-to csp``)
    wherever a Content-Security-Policy is sent."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Content-Security-Policy") and not response.has_header(
            "Reporting-Endpoints"
        ):
            response["Reporting-Endpoints"] = reporting_endpoints()
        return response


def _allowed(request) -> bool:
    """At most CSP_REPORTS_PER_MINUTE requests a minute from one address.
    Without the shared cache nothing is logged (a flood must not reach the log)."""
    key = f"csp-reports:{request.META.get('REMOTE_ADDR', '')}"
    try:
        cache.add(key, 0, timeout=60)
        return cache.incr(key) <= settings.CSP_REPORTS_PER_MINUTE
    except Exception:  # the cache is away, or the key expired between the calls
        return False


def _reports(body: bytes) -> list[dict]:
    """The reports in a request body: one ``{"csp-report": {…}}`` object
    (report-uri) or a list of ``{"type": "csp-violation", "body": {…}}``
    (the Reporting API's report-to)."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return []
    if isinstance(data, dict) and isinstance(data.get("csp-report"), dict):
        return [data["csp-report"]]
    if isinstance(data, list):
        return [
            item["body"]
            for item in data[:MAX_REPORTS_PER_REQUEST]
            if isinstance(item, dict)
            and item.get("type") == "csp-violation"
            and isinstance(item.get("body"), dict)
        ]
    return []


def _summary(report: dict) -> str:
    parts = []
    for old, new in REPORT_FIELDS:
        value = report.get(old, report.get(new) if new else None)
        if value not in (None, ""):
            parts.append(f"{old}={str(value)[:FIELD_CHARS]!r}")
    return " ".join(parts)


@csrf_exempt
@never_cache
@require_POST
def csp_report(request):
    """Accept Content-Security-Policy violation reports from browsers and
    log them (logger ``masthead.csp``). Always 204, never cached; oversized
    bodies and floods are dropped unread."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > settings.CSP_REPORT_MAX_BYTES or not _allowed(request):
        return _no_content()
    body = request.read(settings.CSP_REPORT_MAX_BYTES + 1)
    if len(body) > settings.CSP_REPORT_MAX_BYTES:
        return _no_content()
    for report in _reports(body):
        logger.warning("Content-Security-Policy violation: %s", _summary(report))
    return _no_content()


def _no_content() -> HttpResponse:
    response = HttpResponse(status=204)
    add_never_cache_headers(response)
    return response


def media(request, path):
    """Serve an upload (SERVE_MEDIA, media on this machine's disk only; a
    bucket serves its own): images with the type their (checked) extension
    names, anything else only as a download; never sniffed, never run as a
    page, and cached as long as a file in the bucket (a stored name never
    gets other bytes)."""
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    media_type = images.MEDIA_TYPES.get(PurePath(path).suffix.lower().lstrip("."))
    if response.status_code == 200:
        if media_type:
            response["Content-Type"] = media_type
        else:
            # Saved before uploads were checked, or put there by hand.
            response["Content-Type"] = "application/octet-stream"
            response["Content-Disposition"] = "attachment"
    response["Cache-Control"] = images.media_cache_control()  # also on "304 Not Modified"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = MEDIA_POLICY
    return response
