"""What every endpoint answers with: JSON checked against its schema, an
``ETag`` (and 304 for a matching ``If-None-Match``), ``Cache-Control``,
translated errors, and opaque cursors for the lists."""

import base64
import binascii
import hashlib
import re

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags, urlencode

from masthead.articles.pagination import Cursor, older_than
from masthead.lib.site import absolute_url

from .auth import caller_of

# Anonymous answers are what readers see: shared caches may keep them
# briefly. Answers to a token are that member's: never shared.
PUBLIC_MAX_AGE = 60


class ApiError(Exception):
    """An answer other than success: ``status``, a translated ``detail``
    and, for invalid input, a message per field."""

    def __init__(self, status: int, detail: str, errors: list[dict] | None = None, headers=None):
        super().__init__(detail)
        self.status = status
        self.detail = str(detail)
        self.errors = errors or []
        self.headers = headers or {}


def _cache_headers(request, response: HttpResponse) -> None:
    if caller_of(request).is_anonymous:
        response["Cache-Control"] = f"public, max-age={PUBLIC_MAX_AGE}"
    else:
        response["Cache-Control"] = "private, no-cache"
    patch_vary_headers(response, ("Authorization", "Accept-Language"))


def json_response(request, schema, data, *, status: int = 200, etag_prefix: str = ""):
    """``data`` as ``schema`` says (a mismatch is a bug, raised here rather
    than sent), with its ETag; 304 when the client has it already."""
    body = schema.model_validate(data).model_dump_json().encode()
    etag = f'"{etag_prefix}{hashlib.sha256(body).hexdigest()[:32]}"'
    if status == 200 and request.method in ("GET", "HEAD"):
        wanted = parse_etags(request.headers.get("If-None-Match", ""))
        if etag in wanted or "*" in wanted:
            response = HttpResponse(status=304)
            response["ETag"] = etag
            _cache_headers(request, response)
            return response
    response = HttpResponse(body, status=status, content_type="application/json")
    response["ETag"] = etag
    _cache_headers(request, response)
    return response


def article_etag_prefix(article) -> str:
    """An article's ETag starts with its id and version: what ``If-Match``
    on an update is compared with."""
    return f"a{article.pk}v{article.version}-"


_ARTICLE_ETAG = re.compile(r'(?:W/)?"a(\d+)v(\d+)-[0-9a-f]*"')


def version_from_etags(header: str, pk: int) -> int | None:
    """The article version an ``If-Match`` header names for article ``pk``
    (None when it names none of it)."""
    for match in _ARTICLE_ETAG.finditer(header or ""):
        if int(match[1]) == pk:
            return int(match[2])
    return None


# Cursors: opaque to clients; inside, the time field's letter and the
# position in the newest-first order (masthead.articles.pagination).
FIELDS = {"p": "publish_at", "m": "modified_at", "u": "uploaded_at", "c": "created_at"}


def encode_cursor(field: str, cursor: Cursor) -> str:
    letter = next(k for k, v in FIELDS.items() if v == field)
    return base64.urlsafe_b64encode(f"{letter}{cursor}".encode()).decode().rstrip("=")


def decode_cursor(text: str, field: str) -> Cursor:
    from django.utils.translation import gettext as _

    invalid = ApiError(400, _("This cursor is not valid: use the “next” address of a page."))
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise invalid from None
    if not raw or FIELDS.get(raw[0]) != field:
        raise invalid
    try:
        return Cursor.parse(raw[1:])
    except ValueError:
        raise invalid from None


def page_size(limit: int | None) -> int:
    return min(limit or settings.API_PAGE_SIZE, settings.API_MAX_PAGE_SIZE)


def keyset(request, queryset, field: str, cursor: str | None, limit: int | None, details=None):
    """(rows, next address) of one page of ``queryset``, newest first by
    ``field`` and id, in one query. Rows inserted meanwhile do not shift
    the pages: each continues after the last row of the one before.
    ``details`` adds the select_related and prefetch_related of the rows.

    The cursor's condition comes first in the query: SQLite takes the
    first range on ``field`` as the index's bound, and with the public
    gate's ``publish_at <= now`` first it read every row from now down to
    the cursor (19 ms for the middle of 100,000 articles; 0.3 ms so).
    PostgreSQL takes both bounds whatever their order."""
    size = page_size(limit)
    if cursor:
        position = older_than(
            queryset.model._default_manager.all(), decode_cursor(cursor, field), field
        )
        queryset = position & queryset
    if details is not None:
        queryset = details(queryset)
    rows = list(queryset.order_by(f"-{field}", "-id")[: size + 1])
    following = None
    if len(rows) > size:
        rows = rows[:size]
        last = rows[-1]
        params = [(k, v) for k, v in request.GET.items() if k != "cursor"]
        params.append(("cursor", encode_cursor(field, Cursor(getattr(last, field), last.pk))))
        following = absolute_url(f"{request.path}?{urlencode(params)}")
    return rows, following
