"""The content API, /api/v1/: one NinjaAPI with the routers of views/,
token sign-in (auth.py), throttling (throttling.py) and errors as JSON in
the caller's language. Its OpenAPI 3.1 schema is /api/v1/openapi.json, its
interactive documentation /api/v1/docs (Swagger UI from django-ninja's
own static files: no CDN, no inline script, so the site's
Content-Security-Policy holds)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from ninja import NinjaAPI, Swagger
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from .auth import InvalidToken, TokenAuth
from .responses import ApiError
from .schemas import ANONYMOUS_OR_TOKEN
from .throttling import CallerThrottle
from .validation import field_errors, model_errors
from .views import articles, media, taxonomy

api = NinjaAPI(
    title="Masthead content API",
    version="1",
    description=(
        "Read the newsroom's published articles, sections, topics, authors, images and "
        "corrections; with an integration token, write drafts, upload images, submit and "
        "publish through the same rules as the desk."
    ),
    urls_namespace="api",
    auth=TokenAuth(anonymous=True),
    throttle=CallerThrottle(),
    docs=Swagger(settings={"persistAuthorization": False}),
    docs_url="/docs",
    openapi_url="/openapi.json",
)


def _error(request, status: int, detail: str, errors=None, headers=None):
    response = api.create_response(
        request, {"detail": str(detail), "errors": errors or []}, status=status
    )
    response["Cache-Control"] = "no-store"
    for name, value in (headers or {}).items():
        response[name] = value
    return response


@api.exception_handler(ApiError)
def api_error(request, exc: ApiError):
    return _error(request, exc.status, exc.detail, exc.errors, exc.headers)


@api.exception_handler(InvalidToken)
def invalid_token(request, exc):
    return _error(
        request,
        401,
        _("This integration token is not valid: it is unknown, malformed or revoked."),
        headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
    )


@api.exception_handler(AuthenticationError)
def token_needed(request, exc):
    return _error(
        request,
        401,
        _("This request needs an integration token, sent as “Authorization: Bearer …”."),
        headers={"WWW-Authenticate": "Bearer"},
    )


@api.exception_handler(Throttled)
def throttled(request, exc: Throttled):
    seconds = max(1, round(exc.wait or 1))
    return _error(
        request,
        429,
        ngettext(
            "Too many requests. Please try again in %(seconds)s second.",
            "Too many requests. Please try again in %(seconds)s seconds.",
            seconds,
        )
        % {"seconds": seconds},
    )


@api.exception_handler(Http404)
def not_found(request, exc):
    return _error(request, 404, _("Nothing was found at this address."))


@api.exception_handler(ValidationError)
def invalid_request(request, exc: ValidationError):
    return _error(request, 422, _("The request is not valid."), field_errors(exc.errors))


@api.exception_handler(DjangoValidationError)
def invalid_content(request, exc: DjangoValidationError):
    return _error(request, 422, _("The request is not valid."), model_errors(exc))


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    if exc.status_code == 400:
        return _error(request, 400, _("The request body is not valid JSON."))
    return _error(request, exc.status_code, str(exc))


api.add_router("/articles", articles.router)
api.add_router("/", taxonomy.router)
api.add_router("/media", media.router)

# Reads need no token (they then show what readers see): the schema says
# so, rather than listing the bearer token as required.
for _router in (articles.router, taxonomy.router, media.router):
    for _path in _router.path_operations.values():
        for _operation in _path.operations:
            if _operation.methods == ["GET"]:
                _operation.openapi_extra = {**(_operation.openapi_extra or {}),
                                            **ANONYMOUS_OR_TOKEN}  # fmt: skip
