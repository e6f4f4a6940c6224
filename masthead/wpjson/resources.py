"""The resources of the WordPress REST API: what each route answers.

Each handler takes the checked request (``Request``) and returns a page
of a collection (``Listing``) or one item, or raises a ``RestError``;
views.py routes to them and makes the HTTP answer. Every article comes
from ``Article.objects.public()``; sections, tags, authors and images are
shown only as public articles reach them (views.py says more).
"""

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import (
    Case,
    Count,
    F,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
    prefetch_related_objects,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from masthead.articles.body import prefetch_body_images, render_body
from masthead.articles.models import Article, ArticleAuthor
from masthead.lib.i18n import pick
from masthead.media.models import Image
from masthead.people.models import Author
from masthead.search.backends import engine
from masthead.search.query import parse
from masthead.sections.models import Section, Tag

from . import errors, shapes
from .errors import InvalidParameters
from .params import Param
from .shapes import Context

# -- parameters ------------------------------------------------------------------

PAGING = {
    "page": Param("integer", 1, minimum=1),
    "per_page": Param("integer", 10, minimum=1, maximum=100),
    "offset": Param("integer", minimum=0),
    "search": Param("string"),
    "include": Param("ids", []),
    "exclude": Param("ids", []),
    "slug": Param("strings", []),
    "lang": Param("language"),
}
POST_PARAMS = {
    **PAGING,
    "after": Param("date"),
    "before": Param("date"),
    "modified_after": Param("date"),
    "modified_before": Param("date"),
    "author": Param("ids", []),
    "author_exclude": Param("ids", []),
    "order": Param("choice", "desc", choices=("asc", "desc")),
    "orderby": Param(
        "choice",
        "date",
        choices=(
            "author",
            "date",
            "id",
            "include",
            "modified",
            "parent",
            "relevance",
            "slug",
            "include_slugs",
            "title",
        ),  # fmt: skip
    ),
    "status": Param("strings", ["publish"]),
    "categories": Param("ids", []),
    "categories_exclude": Param("ids", []),
    "tags": Param("ids", []),
    "tags_exclude": Param("ids", []),
    "sticky": Param("boolean"),
}
TERM_PARAMS = {
    **PAGING,
    "order": Param("choice", "asc", choices=("asc", "desc")),
    "orderby": Param(
        "choice",
        "name",
        choices=(
            "id",
            "include",
            "name",
            "slug",
            "include_slugs",
            "term_group",
            "description",
            "count",
        ),  # fmt: skip
    ),
    "hide_empty": Param("boolean", False),
    "post": Param("integer", minimum=1),
}
CATEGORY_PARAMS = {**TERM_PARAMS, "parent": Param("integer", minimum=0)}
USER_PARAMS = {
    **PAGING,
    "order": Param("choice", "asc", choices=("asc", "desc")),
    "orderby": Param(
        "choice",
        "name",
        choices=(
            "id",
            "include",
            "name",
            "registered_date",
            "slug",
            "include_slugs",
            "email",
            "url",
        ),  # fmt: skip
    ),
}
MEDIA_PARAMS = {
    **{
        name: param
        for name, param in POST_PARAMS.items()
        if not name.startswith(("categ", "tags", "sticky"))
    },
    "parent": Param("ids", []),
    "media_type": Param("choice", choices=("image", "video", "text", "application", "audio")),
    "mime_type": Param("string"),
}
ITEM_PARAMS = {"lang": Param("language")}
# Every parameter some route reads: the page cache keeps these (and only
# these) on a /wp-json/ address (pagecache/middleware.py, NAMESPACE_PARAMETERS).
ALL_PARAMETERS = sorted(
    {"_embed", "_fields"}
    | set(POST_PARAMS)
    | set(CATEGORY_PARAMS)
    | set(USER_PARAMS)
    | set(MEDIA_PARAMS)
)


@dataclass
class Request:
    """What a route handler gets: the request, its context (language,
    address) and its checked parameters."""

    http: object
    ctx: Context
    values: dict
    route: str
    kwargs: dict = field(default_factory=dict)

    @property
    def embed(self) -> set[str] | None:
        """The relations to embed (``?_embed`` = all of them), or None."""
        if "_embed" not in self.http.GET:
            return None
        value = self.http.GET.get("_embed", "").strip()
        if value.lower() in ("", "true", "1"):  # as WordPress reads it (wpapi sends "true")
            return {"author", "wp:featuredmedia", "wp:term", "up"}
        return {part.strip() for part in value.split(",")}


@dataclass
class Listing:
    """A page of a collection: its items and how many there are in all."""

    items: list
    total: int
    per_page: int


# -- the one public gate, per kind -------------------------------------------------


def public_articles(language: str):
    return Article.objects.public().in_language(language)


def public_articles_anywhere():
    return Article.objects.public().in_site_languages()


def public_images(articles):
    """The images the given (public) articles show: lead, social and body
    images, once their file is there (an imported picture still to be
    fetched is shown nowhere, so it is no attachment either)."""
    return Image.objects.with_file().shown_by(articles)


def _public_filter(prefix: str, language: str | None) -> Q:
    """The public articles, as seen from a related model (``articles__``)."""
    q = Q(
        **{
            f"{prefix}status": Article.Status.PUBLISHED,
            f"{prefix}publish_at__lte": timezone.now(),
        }
    )
    if language is not None:
        q &= Q(**{f"{prefix}language": language})
    return q


# -- paging --------------------------------------------------------------------------


def _slice(values: dict, total: int) -> tuple[int, int]:
    """(start, per_page), or WordPress's error for a page past the last."""
    per_page, page = values["per_page"], values["page"]
    if values.get("offset") is not None:
        return values["offset"], per_page
    pages = math.ceil(total / per_page)
    if page > pages and total > 0:
        raise errors.invalid_page_number()
    return (page - 1) * per_page, per_page


def _ordered(queryset, values: dict, fields: dict[str, object], default_order: str):
    """``queryset`` in WordPress's ``orderby``/``order``; ``fields`` maps
    each orderby to a field or expression (include: the order of ``include``)."""
    orderby, descending = values["orderby"], values["order"] == "desc"
    if orderby == "include" and values["include"]:
        key = Case(
            *[When(pk=pk, then=Value(n)) for n, pk in enumerate(values["include"])],
            default=Value(0),
        )
        return queryset.order_by(key.desc() if descending else key.asc(), "pk")
    if orderby == "include_slugs" and values["slug"]:
        key = Case(
            *[When(slug=slug, then=Value(n)) for n, slug in enumerate(values["slug"])],
            default=Value(0),
        )
        return queryset.order_by(key.desc() if descending else key.asc(), "pk")
    expression = fields.get(orderby, fields[default_order])
    if isinstance(expression, str):
        expression = F(expression)
    ordering = expression.desc() if descending else expression.asc()  # type: ignore[attr-defined]
    return queryset.order_by(ordering, "-pk" if descending else "pk")


# -- posts ---------------------------------------------------------------------------


def _post_filters(request: Request, articles):
    values = request.values
    forbidden = [status for status in values["status"] if status != "publish"]
    if forbidden:
        raise InvalidParameters({"status": ("rest_forbidden_status", _("Status is forbidden."))})
    if values["search"]:
        query = parse(values["search"], [request.ctx.language])
        if query:
            sql, params = engine().matching(query)
            articles = articles.filter(pk__in=RawSQL(sql, params))  # noqa: S611 (the engine's SQL; values are parameters)
        else:
            articles = articles.none()
    for name, lookup in (("after", "publish_at__gt"), ("before", "publish_at__lt")):
        if values[name] is not None:
            articles = articles.filter(**{lookup: values[name]})
    modified = Greatest(Coalesce("updated_at", "publish_at"), "publish_at")
    if values["modified_after"] is not None or values["modified_before"] is not None:
        articles = articles.alias(wp_modified=modified)
        if values["modified_after"] is not None:
            articles = articles.filter(wp_modified__gt=values["modified_after"])
        if values["modified_before"] is not None:
            articles = articles.filter(wp_modified__lt=values["modified_before"])
    if values["author"]:
        articles = articles.filter(
            pk__in=Article.objects.filter(bylines__author__in=values["author"]).values("pk")
        )
    if values["author_exclude"]:
        articles = articles.exclude(
            pk__in=Article.objects.filter(bylines__author__in=values["author_exclude"]).values("pk")
        )
    if values["include"]:
        articles = articles.filter(pk__in=values["include"])
    if values["exclude"]:
        articles = articles.exclude(pk__in=values["exclude"])
    if values["slug"]:
        articles = articles.filter(slug__in=values["slug"])
    if values.get("categories"):
        articles = articles.filter(section__in=values["categories"])
    if values.get("categories_exclude"):
        articles = articles.exclude(section__in=values["categories_exclude"])
    if values.get("tags"):
        articles = articles.filter(
            pk__in=Article.tags.through.objects.filter(tag__in=values["tags"]).values("article_id")
        )
    if values.get("tags_exclude"):
        articles = articles.exclude(
            pk__in=Article.tags.through.objects.filter(tag__in=values["tags_exclude"]).values(
                "article_id"
            )
        )
    if values.get("sticky") is not None:
        pinned = Article.objects.pinned().values("pk")
        articles = (
            articles.filter(pk__in=pinned) if values["sticky"] else articles.exclude(pk__in=pinned)
        )
    return articles


def _relevance_needs_search(values) -> None:
    if values["orderby"] == "relevance" and not values["search"]:
        raise errors.no_search_term()


def _post_order(request: Request, articles):
    values = request.values
    fields = {
        "date": "publish_at",
        "id": "pk",
        "modified": Greatest(Coalesce("updated_at", "publish_at"), "publish_at"),
        "slug": "slug",
        "title": "headline",
        # The post's author: the first of the byline.
        "author": Subquery(
            ArticleAuthor.objects.filter(article=OuterRef("pk"))
            .order_by("position")
            .values("author_id")[:1]
        ),
        "parent": "publish_at",  # posts have no parent
        "relevance": "publish_at",  # ranked in _post_page
    }
    return _ordered(articles, values, fields, "date")


def _load_posts(articles) -> list:
    """The articles with everything a post shows, in a fixed number of
    queries: the article with its section, lead image and front-page slot;
    bylines with authors; tags; the images in the bodies."""
    rows = list(articles.for_listing().select_related("front_slot").prefetch_related("tags"))
    prefetch_body_images(rows)
    return rows


def _sticky(article) -> bool:
    try:
        slot = article.front_slot
    except Article.front_slot.RelatedObjectDoesNotExist:
        return False
    return not slot.has_lapsed()


def _translations(rows) -> dict[int, dict[str, int]]:
    """For each article, its public versions in the other languages (one query)."""
    if not rows:
        return {}
    keys = {article.translation_key for article in rows}
    versions: dict = {}
    for key, language, pk in (
        public_articles_anywhere()
        .filter(translation_key__in=keys)
        .order_by()
        .values_list("translation_key", "language", "pk")
    ):
        versions.setdefault(key, {})[language] = pk
    return {article.pk: versions.get(article.translation_key, {}) for article in rows}


def _post_items(request: Request, rows: list) -> list[dict]:
    translations = _translations(rows)
    items = []
    for article in rows:
        with translation.override(article.language):
            content = str(render_body(article, feed=True))
        items.append(
            shapes.post_data(
                article,
                request.ctx,
                content=content,
                sticky=_sticky(article),
                translations=translations[article.pk],
            )
        )
    embed = request.embed
    if embed is not None:
        _embed_posts(request, rows, items, embed)
    return items


def _embed_posts(request: Request, rows: list, items: list[dict], embed: set[str]) -> None:
    """``_embedded`` as WordPress adds it: the linked authors, featured
    image and terms, in their ``embed`` shape (one query more, for the
    images' renditions)."""
    ctx = request.ctx
    images: dict = {}
    if "wp:featuredmedia" in embed:
        illustrated = [article for article in rows if shapes.featured_media(article)]
        prefetch_related_objects(illustrated, "lead_image__renditions")
        images = {article.lead_image_id: article.lead_image for article in illustrated}
    for article, item in zip(rows, items, strict=True):
        embedded: dict = {}
        if "author" in embed and article.byline_authors:
            embedded["author"] = [
                shapes.user_data(author, ctx, embed=True) for author in article.byline_authors
            ]
        if "wp:featuredmedia" in embed and article.lead_image_id in images:
            embedded["wp:featuredmedia"] = [
                shapes.media_data(images[article.lead_image_id], ctx, embed=True)
            ]
        if "wp:term" in embed:
            embedded["wp:term"] = [
                [shapes.category_data(article.section, ctx, 0, embed=True)],
                [shapes.tag_data(tag, ctx, 0, embed=True) for tag in article.tags.all()],
            ]
        if embedded:
            item["_embedded"] = embedded


def posts(request: Request) -> Listing:
    values = request.values
    _relevance_needs_search(values)
    articles = _post_filters(request, public_articles(request.ctx.language))
    total = articles.count()
    start, per_page = _slice(values, total)
    if total == 0:  # also a search of nothing but exclusions or signs
        return Listing([], 0, per_page)
    if values["orderby"] == "relevance":
        ranked = engine().ranked(
            parse(values["search"], [request.ctx.language]), articles, per_page, start
        )
        order = [pk for pk, _score in ranked]
        found = {a.pk: a for a in _load_posts(articles.filter(pk__in=order))}
        rows = [found[pk] for pk in order if pk in found]
    else:
        rows = _load_posts(_post_order(request, articles)[start : start + per_page])
    return Listing(_post_items(request, rows), total, per_page)


def post(request: Request) -> dict:
    rows = _load_posts(public_articles_anywhere().filter(pk=request.kwargs["id"]))
    if not rows:
        raise errors.invalid_post_id()
    return _post_items(request, rows)[0]


def pages(request: Request) -> Listing:
    """Masthead has no pages: an empty collection, as a WordPress site
    without any (the parameters checked as for posts)."""
    _relevance_needs_search(request.values)
    _post_order(request, _post_filters(request, Article.objects.none()))
    return Listing([], 0, request.values["per_page"])


def page(request: Request) -> dict:
    raise errors.invalid_post_id()


# -- categories (sections) ---------------------------------------------------------


def _section_counts(language: str) -> list:
    return list(
        Section.objects.annotate(
            public_count=Count("articles", filter=_public_filter("articles__", language))
        )
    )


def _terms_of_post(request: Request) -> Article | None:
    if request.values.get("post") is None:
        return None
    article = (
        public_articles_anywhere()
        .filter(pk=request.values["post"])
        .prefetch_related("tags")
        .first()
    )
    if article is None:
        raise errors.invalid_post_id()
    return article


def categories(request: Request) -> Listing:
    """Sections are few: filtered, ordered and paged in Python, after one
    query that counts each one's public articles in the language."""
    values, ctx = request.values, request.ctx
    article = _terms_of_post(request)
    sections = _section_counts(ctx.language)
    if article is not None:
        sections = [s for s in sections if s.pk == article.section_id]
    if values["hide_empty"]:
        sections = [s for s in sections if s.public_count]
    if values["parent"] is not None:
        sections = [s for s in sections if (s.parent_id or 0) == values["parent"]]
    if values["include"]:
        sections = [s for s in sections if s.pk in values["include"]]
    if values["exclude"]:
        sections = [s for s in sections if s.pk not in values["exclude"]]
    if values["slug"]:
        sections = [s for s in sections if s.slug_in(ctx.language) in values["slug"]]
    if values["search"]:
        needle = values["search"].casefold()
        sections = [
            s
            for s in sections
            if needle in pick(s.names, ctx.language).casefold()
            or needle in s.slug_in(ctx.language).casefold()
        ]
    keys: dict[str, Callable] = {
        "id": lambda s: s.pk,
        "slug": lambda s: s.slug_in(ctx.language),
        "count": lambda s: s.public_count,
        "include": lambda s: values["include"].index(s.pk) if s.pk in values["include"] else 0,
        "include_slugs": lambda s: (
            values["slug"].index(s.slug_in(ctx.language))
            if s.slug_in(ctx.language) in values["slug"]
            else 0
        ),
    }
    key = keys.get(values["orderby"], lambda s: pick(s.names, ctx.language).casefold())
    sections.sort(key=lambda s: (key(s), s.pk), reverse=values["order"] == "desc")
    total = len(sections)
    start, per_page = _slice(values, total)
    items = [
        shapes.category_data(section, ctx, section.public_count)
        for section in sections[start : start + per_page]
    ]
    return Listing(items, total, per_page)


def category(request: Request) -> dict:
    ctx = request.ctx
    for section in _section_counts(ctx.language):
        if section.pk == int(request.kwargs["id"]):
            return shapes.category_data(section, ctx, section.public_count)
    raise errors.invalid_term()


# -- tags ----------------------------------------------------------------------------


def _public_tags(language: str | None):
    """Tags with at least one public article: a tag only drafts use is not shown."""
    tags = Tag.objects.annotate(
        public_count=Count("articles", filter=_public_filter("articles__", language))
    ).filter(public_count__gt=0)
    return tags.filter(language=language) if language is not None else tags


def tags(request: Request) -> Listing:
    values, ctx = request.values, request.ctx
    article = _terms_of_post(request)
    found = _public_tags(ctx.language if article is None else article.language)
    if article is not None:
        found = found.filter(pk__in=[tag.pk for tag in article.tags.all()])
    if values["include"]:
        found = found.filter(pk__in=values["include"])
    if values["exclude"]:
        found = found.exclude(pk__in=values["exclude"])
    if values["slug"]:
        found = found.filter(slug__in=values["slug"])
    if values["search"]:
        found = found.filter(
            Q(name__icontains=values["search"]) | Q(slug__icontains=values["search"])
        )
    fields = {"id": "pk", "name": "name", "slug": "slug", "count": "public_count",
              "description": "name", "term_group": "name"}  # fmt: skip
    found = _ordered(found, values, fields, "name")
    total = found.count()
    start, per_page = _slice(values, total)
    items = [shapes.tag_data(tag, ctx, tag.public_count) for tag in found[start : start + per_page]]
    return Listing(items, total, per_page)


def tag(request: Request) -> dict:
    found = _public_tags(None).filter(pk=request.kwargs["id"]).first()
    if found is None:
        raise errors.invalid_term()
    return shapes.tag_data(found, request.ctx, found.public_count)


# -- users (authors) ----------------------------------------------------------------


def _public_authors(language: str | None):
    """Authors with a public article, as WordPress shows anonymous callers
    only users who have published posts."""
    articles = public_articles(language) if language else public_articles_anywhere()
    return Author.objects.filter(pk__in=articles.values("bylines__author_id"))


def users(request: Request) -> Listing:
    values, ctx = request.values, request.ctx
    found = _public_authors(ctx.language)
    if values["include"]:
        found = found.filter(pk__in=values["include"])
    if values["exclude"]:
        found = found.exclude(pk__in=values["exclude"])
    if values["slug"]:
        found = found.filter(slug__in=values["slug"])
    if values["search"]:
        found = found.filter(
            Q(name__icontains=values["search"]) | Q(slug__icontains=values["search"])
        )
    fields = {"id": "pk", "name": "name", "slug": "slug", "registered_date": "pk", "email": "name",
              "url": "name"}  # fmt: skip
    found = _ordered(found, values, fields, "name")
    total = found.count()
    start, per_page = _slice(values, total)
    items = [shapes.user_data(author, ctx) for author in found[start : start + per_page]]
    return Listing(items, total, per_page)


def user(request: Request) -> dict:
    found = _public_authors(None).filter(pk=request.kwargs["id"]).first()
    if found is None:
        raise errors.invalid_user_id()
    return shapes.user_data(found, request.ctx)


# -- media ---------------------------------------------------------------------------


def media(request: Request) -> Listing:
    values, ctx = request.values, request.ctx
    articles = public_articles(ctx.language)
    if values["parent"]:
        articles = articles.filter(pk__in=values["parent"])
    found = public_images(articles)
    if values["media_type"] not in (None, "image"):
        found = found.none()
    if values["mime_type"]:
        extensions = [ext for ext, kind in shapes.MIME_TYPES.items() if kind == values["mime_type"]]
        match = Q()
        for extension in extensions:
            match |= Q(file__iendswith=extension)
        found = found.filter(match) if extensions else found.none()
    if values["search"]:
        found = found.search(values["search"], [ctx.language])
    times = {"after": "uploaded_at__gt", "before": "uploaded_at__lt",
             "modified_after": "uploaded_at__gt", "modified_before": "uploaded_at__lt"}  # fmt: skip
    for name, lookup in times.items():
        if values[name] is not None:
            found = found.filter(**{lookup: values[name]})
    if values["author"]:
        found = found.none()  # attachments here have no author (shapes.media_data)
    if values["include"]:
        found = found.filter(pk__in=values["include"])
    if values["exclude"]:
        found = found.exclude(pk__in=values["exclude"])
    if values["slug"]:
        found = found.filter(
            pk__in=[int(s[6:]) for s in values["slug"] if re.fullmatch(r"image-\d{1,9}", s)]
        )
    fields = {"date": "uploaded_at", "id": "pk", "modified": "uploaded_at",
              "slug": "original_name", "title": "original_name", "author": "pk", "parent": "pk",
              "relevance": "uploaded_at"}  # fmt: skip
    if values["orderby"] == "relevance" and not values["search"]:
        raise errors.no_search_term()
    found = _ordered(found, values, fields, "date")
    total = found.count()
    start, per_page = _slice(values, total)
    rows = found.prefetch_related("renditions")[start : start + per_page]
    return Listing([shapes.media_data(image, ctx) for image in rows], total, per_page)


def media_item(request: Request) -> dict:
    found = (
        public_images(public_articles_anywhere())
        .filter(pk=request.kwargs["id"])
        .prefetch_related("renditions")
        .first()
    )
    if found is None:
        raise errors.invalid_post_id()
    return shapes.media_data(found, request.ctx)
