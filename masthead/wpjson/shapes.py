"""Masthead's content in WordPress's shapes (the REST API's ``view`` and
``embed`` contexts, as an anonymous caller gets them).

Plain functions from rows to dicts, as the API's other serializers: the
shapes are WordPress's, not a schema of ours. Everything a function reads
comes with the rows (the views fetch it in a fixed number of queries).

How Masthead maps onto WordPress:

* an article is a post (``type`` "post"); Masthead has no pages;
* a section is a category (its ``parent`` is the parent section), a tag is
  a tag (tags are rows per language, as Masthead keeps them);
* an author of the byline is a user; the first author is the post's
  ``author``, and every author of the byline is linked and embedded;
* an image of the library is an attachment (``media``), its renditions
  are its ``media_details.sizes``;
* a story pinned to the front page is ``sticky``.
"""

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import PurePosixPath
from urllib.parse import urlencode

from django.utils import timezone
from django.utils.html import escape

from masthead.lib.i18n import pick
from masthead.lib.site import absolute_url
from masthead.lib.text import make_slug

CURIES = [{"name": "wp", "href": "https://api.w.org/{rel}", "templated": True}]
MIME_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
}
# WordPress's image sizes, each with the width Masthead's renditions stand
# in for (the nearest rendition at least as wide, else the widest).
WORDPRESS_SIZES = {"medium": 300, "medium_large": 768, "large": 1024}


@dataclass(frozen=True)
class Context:
    """Where a request came in: its content language, the API's address as
    the client used it (``…/wp-json`` or ``…/de/wp-json``), and whether the
    language came as ``?lang=``, which the links then carry on."""

    language: str
    base: str
    lang_param: bool = False

    def url(self, route: str, **query: object) -> str:
        if self.lang_param:
            query["lang"] = self.language
        return self.base + route + ("?" + urlencode(query) if query else "")


def local_time(moment: datetime | None) -> str | None:
    """WordPress's ``date``: the site's local time, without an offset."""
    if moment is None:
        return None
    return timezone.localtime(moment).replace(tzinfo=None, microsecond=0).isoformat()


def gmt_time(moment: datetime | None) -> str | None:
    """WordPress's ``date_gmt``: UTC, without an offset."""
    if moment is None:
        return None
    return moment.astimezone(UTC).replace(tzinfo=None, microsecond=0).isoformat()


def paragraph(text: str) -> str:
    """Plain text as WordPress's ``wpautop`` gives a one-paragraph excerpt."""
    return f"<p>{escape(text)}</p>\n" if text else ""


def etag(body: bytes) -> str:
    """The same tag the page cache gives the same bytes (pagecache/middleware.py)."""
    return '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'


# -- posts -------------------------------------------------------------------------


def featured_media(article) -> int:
    """The lead image's id, or 0 while it has no file (an imported picture
    still to be fetched is no attachment: ``resources.public_images``).
    The lead image comes with the article (``for_listing``)."""
    if article.lead_image_id and article.lead_image.has_file:
        return article.lead_image_id
    return 0


def post_links(article, ctx: Context) -> dict:
    links: dict = {
        "self": [
            {"href": ctx.url(f"/wp/v2/posts/{article.pk}"), "targetHints": {"allow": ["GET"]}}
        ],
        "collection": [{"href": ctx.url("/wp/v2/posts")}],
        "author": [
            {"embeddable": True, "href": ctx.url(f"/wp/v2/users/{author.pk}")}
            for author in article.byline_authors
        ],
    }
    if featured_media(article):
        links["wp:featuredmedia"] = [
            {"embeddable": True, "href": ctx.url(f"/wp/v2/media/{article.lead_image_id}")}
        ]
    links["wp:term"] = [
        {
            "taxonomy": "category",
            "embeddable": True,
            "href": ctx.url("/wp/v2/categories", post=article.pk),
        },
        {
            "taxonomy": "post_tag",
            "embeddable": True,
            "href": ctx.url("/wp/v2/tags", post=article.pk),
        },
    ]
    links["curies"] = CURIES
    return links


def post_data(article, ctx: Context, *, content: str, sticky: bool, translations: dict) -> dict:
    """An article as WordPress's post (context ``view``). ``content`` is
    the rendered body (articles/body.py, as the feeds have it: absolute
    addresses, plain images, embeds as links)."""
    authors = article.byline_authors
    modified = article.last_modified
    return {
        "id": article.pk,
        "date": local_time(article.publish_at),
        "date_gmt": gmt_time(article.publish_at),
        "guid": {"rendered": absolute_url(article.get_absolute_url())},
        "modified": local_time(modified),
        "modified_gmt": gmt_time(modified),
        "slug": article.slug,
        "status": "publish",
        "type": "post",
        "link": absolute_url(article.get_absolute_url()),
        "title": {"rendered": escape(article.headline)},
        "content": {"rendered": content, "protected": False},
        "excerpt": {"rendered": paragraph(article.teaser), "protected": False},
        "author": authors[0].pk if authors else 0,
        "featured_media": featured_media(article),
        "comment_status": "closed",
        "ping_status": "closed",
        "sticky": sticky,
        "template": "",
        "format": "standard",
        "meta": [],
        "categories": [article.section_id],
        "tags": [tag.pk for tag in article.tags.all()],
        # As Polylang gives them: the post's language and its versions in
        # the others (language code -> post id).
        "lang": article.language,
        "translations": translations,
        "_links": post_links(article, ctx),
    }


# -- terms -------------------------------------------------------------------------


def category_data(section, ctx: Context, count: int, *, embed: bool = False) -> dict:
    language = ctx.language
    url = section.url_in(language)
    links: dict = {
        "self": [{"href": ctx.url(f"/wp/v2/categories/{section.pk}")}],
        "collection": [{"href": ctx.url("/wp/v2/categories")}],
        "wp:post_type": [{"href": ctx.url("/wp/v2/posts", categories=section.pk)}],
    }
    if section.parent_id:
        links["up"] = [
            {"embeddable": True, "href": ctx.url(f"/wp/v2/categories/{section.parent_id}")}
        ]
    links["curies"] = CURIES
    data = {
        "id": section.pk,
        "link": absolute_url(url) if url else "",
        "name": pick(section.names, language),
        "slug": section.slug_in(language),
        "taxonomy": "category",
        "_links": links,
    }
    if embed:
        return data
    return {
        "id": section.pk,
        "count": count,
        "description": "",
        **{key: data[key] for key in ("link", "name", "slug", "taxonomy")},
        "parent": section.parent_id or 0,
        "meta": [],
        "_links": links,
    }


def tag_data(tag, ctx: Context, count: int, *, embed: bool = False) -> dict:
    links = {
        "self": [{"href": ctx.url(f"/wp/v2/tags/{tag.pk}")}],
        "collection": [{"href": ctx.url("/wp/v2/tags")}],
        "wp:post_type": [{"href": ctx.url("/wp/v2/posts", tags=tag.pk)}],
        "curies": CURIES,
    }
    data = {
        "id": tag.pk,
        "link": absolute_url(tag.get_absolute_url()),
        "name": tag.name,
        "slug": tag.slug,
        "taxonomy": "post_tag",
        "_links": links,
    }
    if embed:
        return data
    return {
        "id": tag.pk,
        "count": count,
        "description": "",
        **{key: data[key] for key in ("link", "name", "slug", "taxonomy")},
        "meta": [],
        "_links": links,
    }


# -- users -------------------------------------------------------------------------


def user_data(author, ctx: Context, *, embed: bool = False) -> dict:
    """An author as WordPress shows a user to anonymous callers: no login,
    no e-mail address, no roles."""
    photo = absolute_url(author.photo.url) if author.photo else ""
    data = {
        "id": author.pk,
        "name": author.name,
        "url": "",
        "description": (author.bios or {}).get(ctx.language, ""),
        "link": absolute_url(author.url_in(ctx.language)),
        "slug": author.slug,
        # WordPress's sizes; Masthead has one photo (or none: no avatar
        # service is asked, readers' addresses go to no third party).
        "avatar_urls": dict.fromkeys(("24", "48", "96"), photo) if photo else {},
    }
    if not embed:
        data["meta"] = []
    data["_links"] = {
        "self": [{"href": ctx.url(f"/wp/v2/users/{author.pk}"), "targetHints": {"allow": ["GET"]}}],
        "collection": [{"href": ctx.url("/wp/v2/users")}],
    }
    return data


# -- media -------------------------------------------------------------------------


def mime_type(name: str) -> str:
    return MIME_TYPES.get(PurePosixPath(name).suffix.lower(), "application/octet-stream")


def _size(url: str, width: int, height: int, file_size: int, name: str) -> dict:
    return {
        "file": PurePosixPath(name).name,
        "width": width,
        "height": height,
        "filesize": file_size,
        "mime_type": mime_type(name),
        "source_url": absolute_url(url),
    }


def media_sizes(image) -> dict:
    """``media_details.sizes``: WordPress's names (thumbnail, medium,
    medium_large, large, full) for the nearest renditions, and every JPEG
    rendition under its own name (``original-640``, ``16x9-640``).
    Reads the renditions prefetched with the image."""
    renditions = sorted(
        (r for r in image.renditions.all() if r.format == "jpeg"), key=lambda r: (r.crop, r.width)
    )
    sizes: dict = {}
    own = [r for r in renditions if r.crop == ""]
    square = [r for r in renditions if r.crop == "1:1"]
    thumbnail = (square or own)[:1]
    if thumbnail:
        sizes["thumbnail"] = thumbnail[0]
    for name, width in WORDPRESS_SIZES.items():
        wide_enough = [r for r in own if r.width >= width]
        if wide_enough:
            sizes[name] = wide_enough[0]
        elif own:
            sizes[name] = own[-1]
    for rendition in renditions:
        sizes[f"{rendition.crop.replace(':', 'x') or 'original'}-{rendition.width}"] = rendition
    shaped = {
        name: _size(r.file.url, r.width, r.height, r.file_size, r.file.name)
        for name, r in sizes.items()
    }
    if image.file:
        shaped["full"] = _size(
            image.file.url, image.width or 0, image.height or 0, image.file_size, image.file.name
        )
    return shaped


def media_data(image, ctx: Context, *, embed: bool = False) -> dict:
    language = ctx.language
    name = image.file.name if image.file else ""
    title = PurePosixPath(image.original_name or name).stem
    caption = image.caption_for(language)
    data = {
        "id": image.pk,
        "date": local_time(image.uploaded_at),
        "slug": make_slug(title) or f"image-{image.pk}",
        "type": "attachment",
        "link": absolute_url(image.file.url) if image.file else "",
        "title": {"rendered": escape(title)},
        "author": 0,
        "featured_media": 0,
        "caption": {"rendered": paragraph(caption)},
        "alt_text": image.alt_for(language),
        "media_type": "image",
        "mime_type": mime_type(name),
        "media_details": {
            "width": image.width or 0,
            "height": image.height or 0,
            "file": name,
            "filesize": image.file_size,
            "sizes": media_sizes(image),
            "image_meta": {
                "credit": image.credit,
                "copyright": image.licence,
                "caption": caption,
                "title": title,
            },
        },
        "source_url": absolute_url(image.file.url) if image.file else "",
    }
    links = {
        "self": [{"href": ctx.url(f"/wp/v2/media/{image.pk}"), "targetHints": {"allow": ["GET"]}}],
        "collection": [{"href": ctx.url("/wp/v2/media")}],
    }
    if embed:
        return {**data, "_links": links}
    return {
        **data,
        "date_gmt": gmt_time(image.uploaded_at),
        "guid": {"rendered": data["source_url"]},
        "modified": data["date"],
        "modified_gmt": gmt_time(image.uploaded_at),
        "status": "inherit",
        "comment_status": "closed",
        "ping_status": "closed",
        "template": "",
        "meta": [],
        "description": {"rendered": paragraph(caption)},
        "post": None,
        "_links": links,
    }
