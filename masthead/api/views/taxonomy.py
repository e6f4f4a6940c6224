"""/api/v1/sections, /topics, /authors and /corrections: what the
reader pages show about them. Corrections are those of public articles."""

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from pydantic import Field

from masthead.articles.models import Article, Correction
from masthead.people.models import Author
from masthead.sections.models import Section, Tag

from .. import schemas, serializers
from ..responses import ApiError, json_response, keyset, page_size

router = Router()

ERRORS = dict.fromkeys((400, 401, 404, 422, 429), schemas.Error)


class Paging(Schema):
    cursor: str | None = Field(default=None, max_length=200)
    limit: int | None = Field(default=None, ge=1, le=100)


def _after_id(queryset, cursor: str | None):
    """Lists in a fixed order of small tables (sections, topics, authors)
    page by id: the cursor is the last id seen."""
    if cursor:
        if not (cursor.isascii() and cursor.isdigit() and len(cursor) < 19):
            raise ApiError(400, _("This cursor is not valid: use the “next” address of a page."))
        queryset = queryset.filter(pk__gt=int(cursor))
    return queryset.order_by("pk")


def _id_page(request, queryset, paging: Paging):
    from django.utils.http import urlencode

    from masthead.lib.site import absolute_url

    size = page_size(paging.limit)
    rows = list(_after_id(queryset, paging.cursor)[: size + 1])
    following = None
    if len(rows) > size:
        rows = rows[:size]
        params = [(k, v) for k, v in request.GET.items() if k != "cursor"]
        params.append(("cursor", str(rows[-1].pk)))
        following = absolute_url(f"{request.path}?{urlencode(params)}")
    return rows, following


def _missing():
    return ApiError(404, _("Nothing was found at this address."))


@router.get("sections", response={200: schemas.SectionPage, **ERRORS}, tags=["sections"])
def section_list(request, paging: Query[Paging]):
    rows, following = _id_page(request, Section.objects.all(), paging)
    data = {"results": [serializers.section_data(s) for s in rows], "next": following}
    return json_response(request, schemas.SectionPage, data)


@router.get(
    "sections/{pk}", response={200: schemas.Section, 304: None, **ERRORS}, tags=["sections"]
)
def section_detail(request, pk: schemas.PathId):
    section = Section.objects.filter(pk=pk).first()
    if section is None:
        raise _missing()
    return json_response(request, schemas.Section, serializers.section_data(section))


class TopicFilters(Paging):
    language: str | None = Field(default=None, max_length=10)


def _public_tags():
    """Topics readers can reach: those of at least one public article."""
    public = Article.objects.public().filter(tags=OuterRef("pk"))
    return Tag.objects.filter(Exists(public))


@router.get("topics", response={200: schemas.TopicPage, **ERRORS}, tags=["topics"])
def topic_list(request, filters: Query[TopicFilters]):
    tags = _public_tags()
    if filters.language:
        tags = tags.filter(language=filters.language)
    rows, following = _id_page(request, tags, filters)
    data = {"results": [serializers.topic_data(t) for t in rows], "next": following}
    return json_response(request, schemas.TopicPage, data)


@router.get("topics/{pk}", response={200: schemas.Topic, 304: None, **ERRORS}, tags=["topics"])
def topic_detail(request, pk: schemas.PathId):
    tag = _public_tags().filter(pk=pk).first()
    if tag is None:
        raise _missing()
    return json_response(request, schemas.Topic, serializers.topic_data(tag))


@router.get("authors", response={200: schemas.AuthorPage, **ERRORS}, tags=["authors"])
def author_list(request, paging: Query[Paging]):
    rows, following = _id_page(request, Author.objects.all(), paging)
    data = {"results": [serializers.author_data(a) for a in rows], "next": following}
    return json_response(request, schemas.AuthorPage, data)


@router.get("authors/{pk}", response={200: schemas.Author, 304: None, **ERRORS}, tags=["authors"])
def author_detail(request, pk: schemas.PathId):
    author = Author.objects.filter(pk=pk).first()
    if author is None:
        raise _missing()
    return json_response(request, schemas.Author, serializers.author_data(author))


class CorrectionFilters(Paging):
    language: str | None = Field(default=None, max_length=10)
    article: schemas.Id | None = None


@router.get("corrections", response={200: schemas.CorrectionPage, **ERRORS}, tags=["corrections"])
def correction_list(request, filters: Query[CorrectionFilters]):
    """Newest first; only those of articles readers can see."""
    articles = Article.objects.public()
    if filters.language:
        articles = articles.filter(language=filters.language)
    if filters.article is not None:
        articles = articles.filter(pk=filters.article)
    corrections = Correction.objects.filter(article__in=articles.values("pk"))
    rows, following = keyset(request, corrections, "created_at", filters.cursor, filters.limit)
    data = {"results": [serializers.correction_data(c) for c in rows], "next": following}
    return json_response(request, schemas.CorrectionPage, data)
