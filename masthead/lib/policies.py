"""Masthead's browser security policies as header values, from the settings.

Masthead sends them with its responses (core/security.py), and the front
end's configuration (pagecache's ``frontend_config``) gives the page files
and uploads that nginx serves the very same values. The policies that
django-csp and django-permissions-policy build are settings of theirs.
"""

from django.conf import settings

# Shown as a page of its own, an upload may run nothing and load nothing.
MEDIA_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox"

# The page that says "back in a moment" while the database is away
# (pagecache/middleware.py): it is answered before the other middleware
# runs, so it carries its own policy: its stylesheet, nothing else.
OUTAGE_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)


def reporting_endpoints() -> str:
    """Reporting-Endpoints: where browsers send the reports that the
    Content-Security-Policy's ``report-to csp`` asks for."""
    return f'csp="{settings.CSP_REPORT_PATH}"'


def hsts_header() -> str:
    """Strict-Transport-Security as Django's SecurityMiddleware sends it on
    HTTPS (SECURE_COOKIES=true), for the front end's page files; "" when off."""
    if not settings.SECURE_HSTS_SECONDS:
        return ""
    value = f"max-age={settings.SECURE_HSTS_SECONDS}"
    if settings.SECURE_HSTS_INCLUDE_SUBDOMAINS:
        value += "; includeSubDomains"
    if settings.SECURE_HSTS_PRELOAD:
        value += "; preload"
    return value
