"""WordPress's REST API (``/wp-json/wp/v2/…``), read only, over public content.

One view answers every address under ``/wp-json/`` and finds the route in
``ROUTES``, as WordPress's REST server does: so an unknown route, or a
method no route takes (every write), gets WordPress's ``rest_no_route``
404 in JSON rather than a page, and the index (``/wp-json/``) lists the
same routes that answer.

What readers may see is decided where it always is: every article comes
from ``Article.objects.public()``; sections, tags, authors and images are
shown only as public articles reach them (a tag or an author with no
public article does not exist here, an image no public article shows
neither).

Languages: WordPress's API knows one language per site. A request is
answered in one content language: the address's prefix
(``/de/wp-json/…``, as WPML serves a language from its folder), else
``?lang=de`` (Polylang's parameter), else the site's default language, so
that a client written for WordPress gets one site's stories and not each
story once per language. A post says its ``lang`` and its
``translations`` (language → id), as Polylang adds them; a post, tag or
image asked for by id is found in any language.
"""

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.utils import timezone, translation
from django.utils.http import parse_etags, urlencode
from django.views.decorators.csrf import csrf_exempt

from masthead.lib.i18n import content_language_codes
from masthead.lib.site import site_url, wordpress_api_url
from masthead.pagecache.middleware import cache_control

from . import errors, shapes
from .errors import RestError
from .params import Param, read
from .resources import (
    ALL_PARAMETERS,
    CATEGORY_PARAMS,
    ITEM_PARAMS,
    MEDIA_PARAMS,
    POST_PARAMS,
    TERM_PARAMS,
    USER_PARAMS,
    Listing,
    Request,
    categories,
    category,
    media,
    media_item,
    page,
    pages,
    post,
    posts,
    tag,
    tags,
    user,
    users,
)
from .shapes import Context

__all__ = ["ALL_PARAMETERS", "ROUTES", "api"]

NAMESPACE = "wp/v2"
ID = r"(?P<id>[\d]+)"

# -- the index -----------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    path: str  # WordPress's pattern, as the index names it
    handler: Callable | None
    params: dict = field(default_factory=dict)

    @property
    def regex(self) -> re.Pattern:
        return re.compile(self.path + "/?")

    def describe(self, ctx: Context) -> dict:
        namespace = "" if self.path == "/" else NAMESPACE
        described = {
            "namespace": namespace,
            "methods": ["GET"],
            "endpoints": [
                {
                    "methods": ["GET"],
                    "args": {name: param.schema() for name, param in self.params.items()},
                }
            ],
        }
        if "(?P<" not in self.path:
            described["_links"] = {"self": [{"href": ctx.base + self.path}]}
        return described


def index(request: Request) -> dict:
    ctx = request.ctx
    now = timezone.localtime()
    offset = now.utcoffset()
    return {
        "name": settings.SITE_NAME,
        "description": "",
        "url": site_url(ctx.language),
        "home": site_url(ctx.language) + f"/{ctx.language}/",
        "gmt_offset": offset.total_seconds() / 3600 if offset is not None else 0,
        "timezone_string": settings.TIME_ZONE,
        "namespaces": [NAMESPACE],
        "authentication": [],
        "routes": {route.path: route.describe(ctx) for route in ROUTES},
        "site_logo": 0,
        "site_icon": 0,
        "site_icon_url": "",
        "_links": {"help": [{"href": "https://developer.wordpress.org/rest-api/"}]},
    }


def namespace_index(request: Request) -> dict:
    ctx = request.ctx
    return {
        "namespace": NAMESPACE,
        "routes": {
            route.path: route.describe(ctx)
            for route in ROUTES
            if route.path.startswith(f"/{NAMESPACE}")
        },
        "_links": {"up": [{"href": ctx.base + "/"}]},
    }


ROUTES = [
    Route("/", index, {"context": Param("choice", "view", choices=("view",))}),
    Route(f"/{NAMESPACE}", namespace_index, {}),
    Route(f"/{NAMESPACE}/posts", posts, POST_PARAMS),
    Route(f"/{NAMESPACE}/posts/{ID}", post, ITEM_PARAMS),
    Route(f"/{NAMESPACE}/pages", pages, POST_PARAMS),
    Route(f"/{NAMESPACE}/pages/{ID}", page, ITEM_PARAMS),
    Route(f"/{NAMESPACE}/media", media, MEDIA_PARAMS),
    Route(f"/{NAMESPACE}/media/{ID}", media_item, ITEM_PARAMS),
    Route(f"/{NAMESPACE}/categories", categories, CATEGORY_PARAMS),
    Route(f"/{NAMESPACE}/categories/{ID}", category, ITEM_PARAMS),
    Route(f"/{NAMESPACE}/tags", tags, TERM_PARAMS),
    Route(f"/{NAMESPACE}/tags/{ID}", tag, ITEM_PARAMS),
    Route(f"/{NAMESPACE}/users", users, USER_PARAMS),
    Route(f"/{NAMESPACE}/users/{ID}", user, ITEM_PARAMS),
]


# -- the view ------------------------------------------------------------------------

# WordPress's CORS headers for a read-only API that takes no cookies: any
# origin may read, no credentials.
CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "X-WP-Total, X-WP-TotalPages, Link",
}
PREFLIGHT = {
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "Authorization, X-WP-Nonce, Content-Disposition, "
    "Content-MD5, Content-Type",
    "Access-Control-Max-Age": "86400",
}


def _json_response(request, data: object, status: int = 200) -> HttpResponse:
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).encode()
    response = HttpResponse(body, status=status, content_type="application/json; charset=UTF-8")
    for name, value in CORS.items():
        response[name] = value
    response["Allow"] = "GET"
    response["X-Robots-Tag"] = "noindex"
    # Not a page of a language: no redirect to a language's prefix for a
    # 404 here (core/locale.py).
    response.no_language_redirect = True  # type: ignore[attr-defined]
    if status != 200:
        response["Cache-Control"] = "no-cache"
        return response
    response["ETag"] = shapes.etag(body)
    response["Cache-Control"] = cache_control()
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match and response["ETag"] in parse_etags(if_none_match):
        not_modified = HttpResponse(status=304)
        for name in ("ETag", "Cache-Control", *CORS):
            not_modified[name] = response[name]
        not_modified.no_language_redirect = True  # type: ignore[attr-defined]
        return not_modified
    return response


def only_fields(data: dict, fields: list[str], embedding: bool) -> dict:
    """``data`` with only the ``_fields`` asked for, as WordPress filters
    them: ``title`` or ``title.rendered``; ``_links`` only when asked for,
    ``_embedded`` when asked for or embedding."""
    kept: dict = {}
    for field_path in fields:
        top, _dot, rest = field_path.partition(".")
        if top not in data:
            continue
        if rest and isinstance(data[top], dict):
            nested = only_fields(data[top], [rest], embedding)
            if isinstance(kept.get(top), dict):
                kept[top].update(nested)
            elif top not in kept:
                kept[top] = nested
        else:
            kept[top] = data[top]
    if embedding and "_embedded" in data:
        kept["_embedded"] = data["_embedded"]
    return kept


def _filtered(result: object, request: Request) -> object:
    asked = request.http.GET.get("_fields")
    if not asked:
        return result
    fields = [part.strip() for part in asked.split(",") if part.strip()]
    embedding = request.embed is not None
    if isinstance(result, list):
        return [only_fields(item, fields, embedding) for item in result]
    if isinstance(result, dict):
        return only_fields(result, fields, embedding)
    return result


def _paging_headers(response, request: Request, listing: Listing) -> None:
    pages = math.ceil(listing.total / listing.per_page) if listing.total else 0
    response["X-WP-Total"] = str(listing.total)
    response["X-WP-TotalPages"] = str(pages)
    page = request.values.get("page") or 1
    kept = [
        (name, value)
        for name, values in request.http.GET.lists()
        if name != "page"
        for value in values
    ]
    base = request.ctx.base + request.route

    def link(number: int) -> str:
        return base + "?" + urlencode([*kept, ("page", number)])

    links = []
    if page > 1 and pages:
        links.append(f'<{link(min(page - 1, pages))}>; rel="prev"')
    if pages > page:
        links.append(f'<{link(page + 1)}>; rel="next"')
    if links:
        response["Link"] = ", ".join(links)


def _find(path: str) -> tuple[Route, dict] | None:
    for route in ROUTES:
        match = route.regex.fullmatch(path)
        if match:
            return route, match.groupdict()
    return None


@csrf_exempt  # read only: every other method gets rest_no_route, and no cookie is read
def api(request, route: str = "", language: str | None = None) -> HttpResponse:
    if language is not None and language not in content_language_codes():
        raise Http404
    path = "/" + route.strip("/") if route.strip("/") else "/"
    lang = request.GET.get("lang")
    chosen = language or settings.LANGUAGE_CODE
    if lang in content_language_codes():
        chosen = lang
    ctx = Context(chosen, wordpress_api_url(language), lang_param=lang in content_language_codes())
    with translation.override(chosen):
        found = _find(path)
        try:
            if found is None or request.method not in ("GET", "HEAD", "OPTIONS"):
                raise errors.no_route()
            route_, kwargs = found
            if request.method == "OPTIONS":
                response = _json_response(request, route_.describe(ctx))
                for name, value in PREFLIGHT.items():
                    response[name] = value
                return response
            values = read(request.GET, route_.params)
            handled = Request(request, ctx, values, path, kwargs)
            result = route_.handler(handled)
            if isinstance(result, Listing):
                response = _json_response(request, _filtered(result.items, handled))
                _paging_headers(response, handled, result)
            else:
                response = _json_response(request, _filtered(result, handled))
        except RestError as error:
            response = _json_response(request, error.as_json(), error.status)
    # The answer's language, not the reader's (which the locale middleware
    # would name).
    response["Content-Language"] = chosen
    if request.method == "HEAD":
        response.content = b""
    return response
