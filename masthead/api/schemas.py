"""The shapes of what the API answers and accepts. The OpenAPI schema at
/api/v1/openapi.json is made from these (and the views' type hints)."""

from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated
from uuid import UUID

from ninja import Path
from ninja import Schema as InputSchema
from pydantic import AfterValidator, BaseModel, Field


class Schema(BaseModel):
    """What the API answers: plain Pydantic models, filled from the dicts of
    serializers.py (ninja's Schema reads model attributes too, which costs
    a validator per object and is not needed here)."""


# Ids are positive and fit the database's 64-bit integers: anything else is
# a 422, never a database error.
MAX_ID = 2**63 - 1
Id = Annotated[int, Field(ge=1, le=MAX_ID)]


def _in_utc(value: datetime) -> datetime:
    """A time with an offset, in UTC; one without stays as it is. Offsets
    are not all a database can store (PostgreSQL refuses -23:05), and a
    time at the edge of the calendar may not exist in UTC: a 422, never a
    database error."""
    if value.tzinfo is None:
        return value
    try:
        return value.astimezone(UTC)
    except OverflowError:
        raise ValueError("out of range") from None


def _utc_if_naive(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


# A time to filter by: without an offset, UTC.
FilterTime = Annotated[datetime, AfterValidator(_utc_if_naive), AfterValidator(_in_utc)]
# A time to publish at: its offset is required (the view says so).
Moment = Annotated[datetime, AfterValidator(_in_utc)]


class FieldError(Schema):
    field: str = Field(description="The field the message is about; empty for the whole request.")
    message: str


class Error(Schema):
    detail: str = Field(description="What went wrong, in the caller's language (Accept-Language).")
    errors: list[FieldError] = []


class SectionRef(Schema):
    id: int
    name: str
    url: str | None


class Section(Schema):
    id: int
    parent: int | None
    position: int
    names: dict[str, str]
    slugs: dict[str, str]
    urls: dict[str, str | None]


class TopicRef(Schema):
    id: int
    name: str
    slug: str


class Topic(Schema):
    id: int
    language: str
    name: str
    slug: str
    topic: UUID | None = Field(
        description="Shared by the versions of the topic in other languages."
    )
    url: str


class AuthorRef(Schema):
    id: int
    name: str
    slug: str


class Author(Schema):
    id: int
    name: str
    slug: str
    bios: dict[str, str]
    url: str


class Rendition(Schema):
    url: str
    width: int
    height: int
    format: str
    crop: str = Field(description="Empty for the picture's own ratio, else e.g. 16:9.")
    file_size: int


class Image(Schema):
    id: int
    url: str
    width: int | None
    height: int | None
    file_size: int
    alt: dict[str, str]
    caption: dict[str, str]
    credit: str
    source: str
    licence: str
    focal_x: float
    focal_y: float
    uploaded_at: datetime
    renditions: list[Rendition]


class Correction(Schema):
    id: int
    article: int
    text: str
    created_at: datetime


class TranslationRef(Schema):
    id: int
    language: str
    url: str


class ArticleStatus(StrEnum):
    DRAFT = "draft"
    REVIEW = "review"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    UNPUBLISHED = "unpublished"


class ArticleSummary(Schema):
    id: int
    language: str
    status: ArticleStatus
    version: int
    kicker: str
    headline: str
    standfirst: str
    teaser: str
    section: SectionRef
    topics: list[TopicRef]
    authors: list[AuthorRef]
    lead_image: Image | None
    published_at: datetime | None
    updated_at: datetime | None = Field(description="When readers last saw a change.")
    modified_at: datetime = Field(description="When the article was last saved.")
    url: str = Field(description="The canonical address of the article's page.")


class Article(ArticleSummary):
    body: str = Field(description="The body as readers get it: sanitised HTML, pictures expanded.")
    translations: list[TranslationRef]
    corrections: list[Correction]


class Page(Schema):
    next: str | None = Field(description="The address of the next page; null on the last one.")


class ArticlePage(Page):
    results: list[ArticleSummary]


class SectionPage(Page):
    results: list[Section]


class TopicPage(Page):
    results: list[Topic]


class AuthorPage(Page):
    results: list[Author]


class ImagePage(Page):
    results: list[Image]


class CorrectionPage(Page):
    results: list[Correction]


class ArticleIn(InputSchema):
    """A new draft. Unknown sections, topics, authors or images are refused (422)."""

    language: str = Field(max_length=10)
    headline: str = Field(min_length=1, max_length=200)
    section: Id
    authors: list[Id] = Field(min_length=1, max_length=20)
    topics: list[Id] = Field(default=[], max_length=50)
    kicker: str = Field(default="", max_length=80)
    standfirst: str = Field(default="", max_length=5000)
    body: str = Field(default="", max_length=1_000_000)
    excerpt: str = Field(default="", max_length=5000)
    slug: str = Field(default="", max_length=200)
    lead_image: Id | None = None


class ArticlePatch(InputSchema):
    """Changes to an article; what is left out stays as it is."""

    headline: str | None = Field(default=None, min_length=1, max_length=200)
    section: Id | None = None
    authors: list[Id] | None = Field(default=None, min_length=1, max_length=20)
    topics: list[Id] | None = Field(default=None, max_length=50)
    kicker: str | None = Field(default=None, max_length=80)
    standfirst: str | None = Field(default=None, max_length=5000)
    body: str | None = Field(default=None, max_length=1_000_000)
    excerpt: str | None = Field(default=None, max_length=5000)
    slug: str | None = Field(default=None, max_length=200)
    lead_image: Id | None = None
    version: Id | None = Field(
        default=None, description="The version edited (instead of an If-Match header)."
    )


class PublishIn(InputSchema):
    at: Moment | None = Field(default=None, description="Empty: now. A time to come schedules.")


PathId = Annotated[int, Path(ge=1, le=MAX_ID)]


# Reads need no token (then they show what readers see): say so in the
# schema, which otherwise lists the bearer token as required.
ANONYMOUS_OR_TOKEN = {"security": [{}]}  # added to the token's own entry
