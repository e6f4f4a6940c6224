"""/api/v1/articles: the list, one article, and the writes (drafts,
updates, submit, publish) through the desk's services and rules."""

from django.db import transaction
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from pydantic import Field

from masthead.accounts import rules
from masthead.articles import services
from masthead.articles.body import alt_text_error
from masthead.articles.models import Article
from masthead.lib.i18n import content_language_codes
from masthead.media.models import Image
from masthead.people.models import Author
from masthead.search.backends import engine
from masthead.search.query import parse
from masthead.sections.models import Section, Tag
from masthead.translations.models import Translation
from masthead.translations.services import unreviewed_error

from .. import schemas, serializers
from ..auth import Caller, TokenAuth, caller_of
from ..models import Scope
from ..responses import (
    ApiError,
    article_etag_prefix,
    json_response,
    keyset,
    version_from_etags,
)

router = Router(tags=["articles"])
writer = TokenAuth()

ERRORS = dict.fromkeys((400, 401, 403, 404, 422, 429), schemas.Error)
WRITE_ERRORS = dict.fromkeys((400, 401, 403, 404, 409, 412, 422, 428, 429), schemas.Error)


class ArticleFilters(Schema):
    language: str | None = Field(default=None, max_length=10)
    section: schemas.Id | None = Field(default=None, description="A section's id.")
    topic: schemas.Id | None = Field(default=None, description="A topic's (tag's) id.")
    author: schemas.Id | None = Field(default=None, description="An author's id.")
    published_after: schemas.FilterTime | None = Field(
        default=None, description="An ISO 8601 time; without an offset, UTC."
    )
    published_before: schemas.FilterTime | None = Field(
        default=None, description="An ISO 8601 time; without an offset, UTC."
    )
    q: str | None = Field(default=None, max_length=200, description="Words to search for.")
    status: schemas.ArticleStatus | None = Field(
        default=None,
        description="Other states than published need a token with the read:drafts scope.",
    )
    cursor: str | None = Field(default=None, max_length=200)
    limit: int | None = Field(default=None, ge=1, le=100)


def _with_details(queryset):
    """What a list item needs, in a fixed number of queries (and two more
    in ``serializers.load_relations``)."""
    return queryset.select_related("section", "lead_image").prefetch_related(
        "lead_image__renditions"
    )


def readable(caller: Caller, *, writing: bool = False):
    """The articles ``caller`` may read: what readers see, and with the
    read:drafts scope every article the member may open in the desk. A
    write (``writing``: the token has the write's scope) finds, and answers
    with, what the member may open, whatever the read scope."""
    if not (writing or caller.has_scope(Scope.READ_DRAFTS)):
        return Article.objects.public()
    user = caller.user
    if not rules.can(user, rules.USE_DESK):
        return Article.objects.public()
    if rules.can(user, rules.VIEW):
        return Article.objects.all()
    # Only their own (rules: OWN), and what readers see.
    return Article.objects.public() | Article.objects.filter(created_by=user)


def _in_state(queryset, status: str | None):
    now = timezone.now()
    if status in (None, "published"):
        return queryset.filter(status=Article.Status.PUBLISHED, publish_at__lte=now)
    if status == "scheduled":
        return queryset.filter(status=Article.Status.PUBLISHED, publish_at__gt=now)
    return queryset.filter(status=status)


def _search(queryset, text: str, language: str | None):
    """The articles of ``queryset`` that the site's search finds for ``text``."""
    query = parse(text, [language] if language else content_language_codes())
    if not (query.words or query.phrases or query.prefix):
        return queryset.none() if query.excluded else queryset
    sql, params = engine().matching(query)
    return queryset.filter(pk__in=RawSQL(sql, params))  # noqa: S611 (the engine's SQL; values are parameters)


@router.get("", response={200: schemas.ArticlePage, **ERRORS}, summary="List articles")
def article_list(request, filters: Query[ArticleFilters]):
    """Newest first (by publish time; drafts and articles in review by
    their last change). Page on with the ``next`` address."""
    caller = caller_of(request)
    status = filters.status.value if filters.status else None
    if status not in (None, "published") and not caller.has_scope(Scope.READ_DRAFTS):
        raise ApiError(
            403, _("Only a token with the read:drafts scope may list articles in other states.")
        )
    articles = _in_state(readable(caller), status)
    if filters.language:
        articles = articles.filter(language=filters.language)
    if filters.section is not None:
        articles = articles.filter(section_id=filters.section)
    if filters.topic is not None:
        articles = articles.filter(tags__id=filters.topic)
    if filters.author is not None:
        articles = articles.filter(bylines__author_id=filters.author)
    if filters.published_after:
        articles = articles.filter(publish_at__gte=filters.published_after)
    if filters.published_before:
        # First in the query, as the cursor's bound (responses.keyset).
        articles = Article.objects.filter(publish_at__lt=filters.published_before) & articles
    if filters.q and filters.q.strip():
        articles = _search(articles, filters.q, filters.language)
    field = "publish_at" if status in (None, "published", "scheduled") else "modified_at"
    rows, following = keyset(
        request, articles, field, filters.cursor, filters.limit, details=_with_details
    )
    serializers.load_relations(rows)
    addresses = serializers.Addresses()
    data = {
        "results": [serializers.article_summary(a, addresses) for a in rows],
        "next": following,
    }
    return json_response(request, schemas.ArticlePage, data)


def _article(caller: Caller, pk: int, *, details: bool = False, writing: bool = False) -> Article:
    queryset = readable(caller, writing=writing)
    if details:
        queryset = _with_details(queryset).prefetch_related("corrections")
    article = queryset.filter(pk=pk).first()
    if article is None or not (article.is_public or rules.can(caller.user, rules.VIEW, article)):
        raise ApiError(404, _("Nothing was found at this address."))
    if details:
        serializers.load_relations([article])
    return article


def _detail(request, caller: Caller, article: Article, status: int = 200, writing=False):
    translations = Article.objects.filter(translation_key=article.translation_key).exclude(
        pk=article.pk
    )
    translations = list(
        readable(caller, writing=writing)
        .filter(pk__in=translations.values("pk"))
        .only("language", "slug")
    )
    data = serializers.article_data(article, translations)
    return json_response(
        request, schemas.Article, data, status=status, etag_prefix=article_etag_prefix(article)
    )


@router.get("/{pk}", response={200: schemas.Article, 304: None, **ERRORS}, summary="An article")
def article_detail(request, pk: schemas.PathId):
    caller = caller_of(request)
    return _detail(request, caller, _article(caller, pk, details=True))


# Writing


def _require(caller: Caller, scope: str) -> None:
    if not caller.has_scope(scope):
        raise ApiError(403, _("This token does not have the %(scope)s scope.") % {"scope": scope})


def _allowed(caller: Caller, action: str, article: Article | None = None) -> None:
    if not rules.can(caller.user, rules.USE_DESK) or not rules.can(caller.user, action, article):
        raise ApiError(
            403,
            _("The member this token acts for may not do this (%(action)s).")
            % {"action": rules.LABELS[action]},
        )


def _invalid(field: str, message: str) -> ApiError:
    return ApiError(422, _("The request is not valid."), [{"field": field, "message": message}])


def _section(pk: int) -> Section:
    section = Section.objects.filter(pk=pk).first()
    if section is None:
        raise _invalid("section", _("There is no section with this id."))
    return section


def _authors(pks: list[int]) -> list[Author]:
    found = Author.objects.in_bulk(pks)
    if len(found) != len(set(pks)):
        raise _invalid("authors", _("There is no author with one of these ids."))
    return [found[pk] for pk in dict.fromkeys(pks)]


def _topics(pks: list[int], language: str) -> list[Tag]:
    found = Tag.objects.filter(pk__in=pks, language=language)
    if len(found) != len(set(pks)):
        raise _invalid(
            "topics", _("There is no topic with one of these ids in the article's language.")
        )
    return list(found)


def _image(pk: int | None) -> Image | None:
    if pk is None:
        return None
    image = Image.objects.filter(pk=pk).first()
    if image is None:
        raise _invalid("lead_image", _("There is no image with this id."))
    return image


def _language(code: str) -> str:
    if code not in content_language_codes():
        raise _invalid(
            "language",
            _("Choose one of the site's languages: %(languages)s.")
            % {"languages": ", ".join(content_language_codes())},
        )
    return code


@router.post(
    "",
    auth=writer,
    response={201: schemas.Article, **WRITE_ERRORS},
    summary="Create a draft",
)
def article_create(request, payload: schemas.ArticleIn):
    caller = caller_of(request)
    _require(caller, Scope.WRITE_ARTICLES)
    _allowed(caller, rules.CREATE)
    language = _language(payload.language)
    article = Article(
        language=language,
        headline=payload.headline,
        slug=payload.slug,
        kicker=payload.kicker,
        standfirst=payload.standfirst,
        body=payload.body,
        excerpt=payload.excerpt,
        section=_section(payload.section),
        lead_image=_image(payload.lead_image),
        status=Article.Status.DRAFT,
    )
    article = services.save_article(
        article,
        authors=_authors(payload.authors),
        tags=_topics(payload.topics, language),
        user=caller.user,
    )
    created = _article(caller, article.pk, details=True, writing=True)
    return _detail(request, caller, created, status=201, writing=True)


@router.patch(
    "/{pk}",
    auth=writer,
    response={200: schemas.Article, **WRITE_ERRORS},
    summary="Change an article",
)
def article_update(request, pk: schemas.PathId, payload: schemas.ArticlePatch):
    """Send the version you edited: the article's ``ETag`` in ``If-Match``
    (or ``version`` in the body). An article that changed since answers 412,
    and nothing is saved."""
    caller = caller_of(request)
    _require(caller, Scope.WRITE_ARTICLES)
    article = _article(caller, pk, writing=True)
    _allowed(caller, rules.EDIT, article)
    expected = version_from_etags(request.headers.get("If-Match", ""), article.pk)
    if expected is None:
        expected = payload.version
    if expected is None:
        raise ApiError(
            428,
            _("Say which version you changed: send the article's ETag in If-Match."),
        )
    given = payload.model_fields_set
    texts = {"headline", "kicker", "standfirst", "body", "excerpt"}
    if texts & {n for n in given if getattr(payload, n) is not None} and (
        Translation.objects.filter(article=article).exists()
    ):
        # Its texts come from its segments (masthead/translations): a change
        # here would be undone by the translator's next save.
        raise ApiError(
            409,
            _(
                "This version is translated segment by segment: change its texts in the "
                "translation desk."
            ),
        )
    for name in ("headline", "kicker", "standfirst", "body", "excerpt", "slug"):
        if name in given and getattr(payload, name) is not None:
            setattr(article, name, getattr(payload, name))
    if "section" in given and payload.section is not None:
        article.section = _section(payload.section)
    if "lead_image" in given:
        article.lead_image = _image(payload.lead_image)
    authors = (
        _authors(payload.authors)
        if payload.authors is not None
        else [byline.author for byline in article.bylines.select_related("author")]
    )
    topics = (
        _topics(payload.topics, article.language)
        if payload.topics is not None
        else list(article.tags.all())
    )
    try:
        services.save_article(
            article, authors=authors, tags=topics, user=caller.user, expected_version=expected
        )
    except services.StaleEdit as stale:
        raise ApiError(
            412,
            _("The article was changed since version %(version)s; read it again first.")
            % {"version": expected},
            headers={"ETag": f'"{article_etag_prefix(stale.current)}"'},
        ) from None
    return _written(request, caller, pk)


def _written(request, caller: Caller, pk: int):
    """The article as a write left it, to the writer."""
    article = _article(caller, pk, details=True, writing=True)
    return _detail(request, caller, article, writing=True)


def _pictures_described(article: Article) -> None:
    """As the desk: no review and no publishing while a picture in the
    text has no alt text in the article's language."""
    if error := alt_text_error(article.body, article.language):
        raise ApiError(
            422, " ".join(error.messages), [{"field": "body", "message": m} for m in error.messages]
        )
    # Nor while a segment of a translation is not reviewed (masthead/translations).
    if error := unreviewed_error(article):
        raise ApiError(
            422, " ".join(error.messages), [{"field": "body", "message": m} for m in error.messages]
        )


@router.post(
    "/{pk}/submit",
    auth=writer,
    response={200: schemas.Article, **WRITE_ERRORS},
    summary="Submit for review",
)
def article_submit(request, pk: schemas.PathId):
    caller = caller_of(request)
    _require(caller, Scope.WRITE_ARTICLES)
    article = _article(caller, pk, writing=True)
    _allowed(caller, rules.SUBMIT, article)
    if article.status == Article.Status.PUBLISHED:
        # Sending a published article to review takes it off the site.
        _allowed(caller, rules.UNPUBLISH, article)
    _pictures_described(article)
    with transaction.atomic():
        services.submit_for_review(article, caller.user)
    return _written(request, caller, pk)


@router.post(
    "/{pk}/publish",
    auth=writer,
    response={200: schemas.Article, **WRITE_ERRORS},
    summary="Publish now or at a time",
)
def article_publish(request, pk: schemas.PathId, payload: schemas.PublishIn | None = None):
    """Without a time, or with one that has passed, the article is public
    at once; with a time to come it is scheduled."""
    caller = caller_of(request)
    _require(caller, Scope.PUBLISH)
    article = _article(caller, pk, writing=True)
    _allowed(caller, rules.PUBLISH, article)
    _pictures_described(article)
    at = payload.at if payload is not None else None
    if at is not None and timezone.is_naive(at):
        raise _invalid("at", _("Give the time with its offset from UTC, e.g. +01:00."))
    services.publish(article, caller.user, at=at if at and at > timezone.now() else None)
    return _written(request, caller, pk)
