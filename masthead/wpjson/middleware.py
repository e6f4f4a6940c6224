"""The discovery header WordPress sends with its pages, so that a client
given only a page's address finds the API:
``Link: <https://example.org/de/wp-json/>; rel="https://api.w.org/"``
(the API in the page's language; ``/wp-json/`` for pages outside the
language prefixes).

Inside the page cache (after it in MIDDLEWARE), so that stored pages keep
it (``KEPT_HEADERS``); the front end's nginx adds the same to the page
files (``masthead frontend_config``)."""

from masthead.lib.i18n import language_from_path
from masthead.lib.site import wordpress_api_link
from masthead.pagecache.middleware import NO_STORE_PREFIXES


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
            response["Link"] = wordpress_api_link(language_from_path(request.path_info))
        return response
