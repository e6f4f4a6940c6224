"""The discovery header WordPress sends with its pages, so that a client
given only the site's address finds the API:
``Link: <https://example.org/wp-json/>; rel="https://api.w.org/"``.

Inside the page cache (after it in MIDDLEWARE), so that stored pages keep
it (``KEPT_HEADERS``); the front end's nginx adds the same to the page
files (``masthead frontend_config``)."""

from masthead.lib.i18n import language_from_path
from masthead.pagecache.middleware import NO_STORE_PREFIXES

from .shapes import api_base

REL = "https://api.w.org/"


def discovery_link(path: str) -> str:
    """The header's value for the page at ``path``: the API in the page's language."""
    return f'<{api_base(language_from_path(path))}/>; rel="{REL}"'


class DiscoveryLinkMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.get("Content-Type", "").startswith("text/html")
            and not request.path.startswith(NO_STORE_PREFIXES)
            and not response.has_header("Link")
        ):
            response["Link"] = discovery_link(request.path_info)
        return response
