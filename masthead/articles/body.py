"""The stored body as readers get it.

A stored body is sanitised HTML (``Article.save``) in which Masthead's own
nodes (pictures, galleries, embeds) are kept as small placeholders that
name what they show. ``render_body`` turns them into what a page or a feed
shows: ``<picture>`` with renditions and a two-click embed on a page, a
plain ``<img>`` and a link in a feed.

Pictures and galleries
----------------------

A picture of the media library in the body is stored as a figure that
names the image by its id, with the size it is shown at and, when the
reporter wrote one, a caption for this use::

    <figure data-image="123" data-size="column">
      <figcaption>The caption of this use (inline HTML)</figcaption>
    </figure>

``data-size`` is "column" (the text's width, the default when it is
missing) or "full" (the page's width). Without a ``<figcaption>`` the page
shows the image's own caption in the article's language. Alt text and
credit always come from the image (``media.Image``): alt text in the
article's language, the credit with "Photo:" put before it here.

A gallery is a figure marked ``data-gallery`` (always empty) holding
pictures in the order readers see them::

    <figure data-gallery="">
      <figure data-image="123"><figcaption>…</figcaption></figure>
      <figure data-image="124"></figure>
    </figure>

The sanitiser (masthead/lib/html.py) keeps these three attributes on
``<figure>`` only with these values: a number, a known size, an empty
marker. Anything else in a figure (an ``<img>``, text outside the
caption) is left out when the node is shown. A picture whose image is gone
from the library shows nothing. Every image a body names is listed in
``articles.BodyImage`` (kept in step by ``services.save_article``), so the
library refuses to delete an image an article shows.

Embeds
------

Embeds (masthead/lib/embeds.py): a page gets a placeholder naming the
provider, saying that loading sends data to it, and a button that
masthead/static/masthead/embeds.js turns into the provider's frame; without
JavaScript the placeholder's link to the address is all there is. A feed
gets the link. Bodies saved before embeds were nodes may still hold a
player's iframe: it is shown the same way.
"""

import html
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext, pgettext

from masthead.lib import embeds, fallbacks
from masthead.lib.html import EMBED_NODE, FIGURE_SIZES, iframes_to_embeds
from masthead.lib.i18n import lang_attributes, language_name
from masthead.lib.site import absolute_url
from masthead.media.models import Image
from masthead.media.rendering import feed_image, picture_html


@dataclass(frozen=True)
class Picture:
    """A picture node: the image's id, its size and its caption (sanitised
    inline HTML, "" for the image's own)."""

    image_id: int
    size: str = "column"
    caption: str = ""


@dataclass(frozen=True)
class Gallery:
    pictures: tuple[Picture, ...]


# A tag as nh3 writes it: attribute values always in double quotes (a quote
# inside is written &quot;; a ">" inside is not escaped), "<" in text always
# escaped. Its output is a serialised tree, so every element is closed.
_TAG = re.compile(r'<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"\'>/=]+(?:="[^"]*")?)*)\s*/?>')
_ATTRIBUTE = re.compile(r'\s+([^\s"\'>/=]+)(?:="([^"]*)")?')


def _attributes(text: str) -> dict[str, str]:
    return {name.lower(): value or "" for name, value in _ATTRIBUTE.findall(text)}


def _closing(tags: list[re.Match], i: int) -> int | None:
    """The index of the tag that closes the element opened by ``tags[i]``."""
    name, depth = tags[i][2].lower(), 0
    for j in range(i, len(tags)):
        if tags[j][2].lower() != name:
            continue
        depth += -1 if tags[j][1] else 1
        if depth == 0:
            return j
    return None


def _picture(html: str, tags: list[re.Match], i: int, j: int) -> Picture:
    attributes = _attributes(tags[i][3])
    size = attributes.get("data-size", "")
    caption = ""
    k = i + 1
    while k < j:
        tag = tags[k]
        if not tag[1] and tag[2].lower() in ("figcaption", "figure"):
            end = _closing(tags, k) or j
            if tag[2].lower() == "figcaption":
                caption = html[tag.end() : tags[end].start()].strip()
                break
            k = end
        k += 1
    return Picture(
        int(attributes["data-image"]), size if size in FIGURE_SIZES else "column", caption
    )


def body_nodes(html: str) -> list[tuple[int, int, Picture | Gallery]]:
    """The picture and gallery nodes of a sanitised body, each with where it
    starts and ends in ``html``, in order.

    >>> body_nodes('<p>a</p><figure data-image="7" data-size="full"></figure>')
    [(8, 57, Picture(image_id=7, size='full', caption=''))]
    """
    tags = list(_TAG.finditer(html or ""))
    found: list[tuple[int, int, Picture | Gallery]] = []
    i = 0
    while i < len(tags):
        tag = tags[i]
        if tag[1] or tag[2].lower() != "figure":
            i += 1
            continue
        attributes = _attributes(tag[3])
        j = _closing(tags, i)
        if j is None:
            break
        node: Picture | Gallery | None = None
        if "data-gallery" in attributes:
            pictures, k = [], i + 1
            while k < j:
                inner = tags[k]
                if not inner[1] and inner[2].lower() == "figure":
                    end = _closing(tags, k) or j
                    if "data-image" in _attributes(inner[3]):
                        pictures.append(_picture(html, tags, k, end))
                    k = end
                k += 1
            node = Gallery(tuple(pictures))
        elif "data-image" in attributes:
            node = _picture(html, tags, i, j)
        if node is None:
            i += 1  # a figure of its own: a node may sit inside it
            continue
        found.append((tag.start(), tags[j].end(), node))
        i = j + 1
    return found


def image_ids(html: str) -> list[int]:
    """The ids of the images a body shows, each once, in order.

    >>> image_ids('<figure data-gallery=""><figure data-image="2"></figure>'
    ...           '<figure data-image="1"></figure></figure><figure data-image="2"></figure>')
    [2, 1]
    """
    ids: dict[int, None] = {}
    for _start, _end, node in body_nodes(html):
        pictures = node.pictures if isinstance(node, Gallery) else (node,)
        ids.update((picture.image_id, None) for picture in pictures)
    return list(ids)


def body_images(html: str) -> dict[int, Image]:
    """The images a body shows, by id, in one query (none for a body
    without pictures). Images deleted since are missing."""
    ids = image_ids(html)
    return Image.objects.prefetch_related("renditions").in_bulk(ids) if ids else {}


def prefetch_body_images(articles) -> None:
    """Read the images of all ``articles``' bodies in one query (none when
    no body has a picture), for ``render_body`` to use: a feed renders
    thirty bodies, and must not ask once per body."""
    ids = {pk for article in articles for pk in image_ids(article.body)}
    images = Image.objects.prefetch_related("renditions").in_bulk(ids) if ids else {}
    for article in articles:
        article.prefetched_body_images = images


def images_without_alt(body: str, language: str) -> list[Image]:
    """The images of ``body`` that have no alt text in ``language``, the
    article's (a translation starts with the source's pictures)."""
    images = body_images(body)
    return [
        images[pk]
        for pk in image_ids(body)
        if pk in images and not images[pk].alt_for(language).strip()
    ]


def alt_text_error(body: str, language: str):
    """A ``ValidationError`` saying which pictures need a description
    before the article goes to review or to readers; None when none does."""
    missing = images_without_alt(body, language)
    if not missing:
        return None
    # Translators: a file name in quotation marks, in a list of pictures
    names = ", ".join(pgettext("quoted name", "“%(name)s”") % {"name": image} for image in missing)
    return ValidationError(
        ngettext(
            "The picture %(names)s has no description in %(language)s for readers who "
            "cannot see it. Add it in the media library first.",
            "The pictures %(names)s have no description in %(language)s for readers who "
            "cannot see them. Add them in the media library first.",
            len(missing),
        ),
        code="body_image_alt_missing",
        params={"names": names, "language": language_name(language)},
    )


# Rendering


def feed_image_html(image: Image, alt: str) -> SafeString:
    """A plain ``<img>`` for feed readers: an absolute address of the
    1,080-pixel JPEG rendition (the original until it exists)."""
    picture = feed_image(image)
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="{}">',
        absolute_url(picture.url),
        picture.width,
        picture.height,
        alt,
    )


def _caption_html(picture: Picture, image: Image, language: str) -> str:
    caption = picture.caption or escape(image.caption_for(language))
    credit = ""
    if image.credit:
        # Translators: below a picture; the credit is the photographer or agency
        # The name isolated from the sentence's direction (bdi); "Photo:"
        # marked with its language when it is a fallback's (lib/fallbacks.py).
        line = escape(gettext("Photo: %(credit)s")) % {
            "credit": format_html("<bdi>{}</bdi>", image.credit)
        }
        credit = format_html(
            '<span class="credit"{}>{}</span>',
            lang_attributes(fallbacks.ui_language(language), language),
            mark_safe(line),  # noqa: S308 (the text escaped, the name by format_html)
        )
    text = " ".join(part for part in (caption, credit) if part)
    return f"<figcaption>{text}</figcaption>" if text else ""


def _figure_html(
    picture: Picture, images: dict[int, Image], language: str, *, feed: bool, slot: str = ""
) -> str:
    image = images.get(picture.image_id)
    if image is None or not image.file:
        return ""
    alt, caption = image.alt_for(language), _caption_html(picture, image, language)
    if feed:
        return f"<figure>{feed_image_html(image, alt)}{caption}</figure>"
    slot = slot or ("full" if picture.size == "full" else "body")
    return (
        f'<figure class="figure figure--{picture.size}">'
        f"{picture_html(image, slot, alt)}{caption}</figure>"
    )


def _gallery_html(gallery: Gallery, images: dict[int, Image], language: str, *, feed: bool) -> str:
    figures = [
        _figure_html(picture, images, language, feed=feed, slot="gallery")
        for picture in gallery.pictures
    ]
    figures = [figure for figure in figures if figure]
    if not figures:
        return ""
    if feed:
        return "".join(figures)
    items = "".join(f'<li class="gallery__item">{figure}</li>' for figure in figures)
    # Translators: what a screen reader says for a list of pictures in an article
    label = escape(gettext("Picture gallery"))
    return f'<ul class="gallery" aria-label="{label}">{items}</ul>'


def render_body(article, *, feed: bool = False) -> SafeString:
    """``article.body`` for a reader page, or for a feed when ``feed``.

    The images of all pictures come in one query, none when the body has
    no picture or when ``prefetch_body_images`` read them already."""
    body = article.body or ""
    if "<iframe" in body:  # saved before embeds were nodes
        body = iframes_to_embeds(body)
    nodes = body_nodes(body)
    if nodes:
        images = getattr(article, "prefetched_body_images", None)
        if images is None:
            images = body_images(body)
        parts, position = [], 0
        for start, end, node in nodes:
            parts.append(body[position:start])
            if isinstance(node, Gallery):
                parts.append(_gallery_html(node, images, article.language, feed=feed))
            else:
                parts.append(_figure_html(node, images, article.language, feed=feed))
            position = end
        parts.append(body[position:])
        body = "".join(parts)
    if "<figure data-embed=" in body:
        body = EMBED_NODE.sub(lambda match: _render_embed(match, feed=feed), body)
    # The stored body was sanitised on save; what is added here is escaped.
    return mark_safe(body)  # noqa: S308


def has_embeds(article) -> bool:
    """True when the article's page needs embeds.js."""
    return "<figure data-embed=" in article.body or "<iframe" in article.body


def _render_embed(match: re.Match, *, feed: bool) -> str:
    # The stored attribute is escaped HTML; find() wants the address.
    embed = embeds.find(html.unescape(match.group(1)))
    if embed is None:  # a provider removed since the body was saved
        return ""
    if feed:
        return format_html(
            '<p>{}: <a href="{}">{}</a></p>', embed.provider.name, embed.address, embed.address
        )
    return render_to_string("articles/fragment_embed.html", {"embed": embed})
