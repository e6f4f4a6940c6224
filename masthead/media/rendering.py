"""Pictures on pages: ``<picture>`` with the renditions that exist.

One function, ``picture_html``, writes every picture readers see (the
``{% picture %}`` tag, the lead image, teasers, figures in the body), so
that ``srcset`` and ``sizes`` are right everywhere. A page never waits for
renditions: it uses those that exist, and the original until they do.

Callers prefetch the renditions (``image.renditions.all()``): one query
for a page, not one per picture.
"""

from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString

from masthead.lib import tags

from .models import Image, Rendition
from .renditions import ALL_FORMATS, MEDIA_TYPES, SOCIAL_WIDTH


@dataclass(frozen=True)
class Slot:
    """Where a picture goes: the crop it needs ("" keeps the picture's
    ratio) and the width it is shown at (``sizes``), from the layout in
    static/masthead/site.css."""

    crop: str
    sizes: str


# The widths follow site.css: .wrap is at most 72rem (1,152 px) with 1rem
# padding on each side; the article column is at most 40rem (640 px), and
# from 60rem (960 px) it shares the row with the 20rem sidebar and a 3rem
# gap; the home page's lead is 2fr of "2fr 1fr" with a 2rem gap from 50rem.
ARTICLE_COLUMN = (
    "(min-width: 1040px) 640px, (min-width: 960px) calc(100vw - 400px), "
    "(min-width: 672px) 640px, calc(100vw - 32px)"
)
SLOTS = {
    # The lead image on the article page, and pictures in its body.
    "lead": Slot("", ARTICLE_COLUMN),
    "body": Slot("", ARTICLE_COLUMN),
    # A body picture at full width: the column on wider screens, the whole
    # screen on phones (.figure--full loses the page's side margins).
    "full": Slot(
        "",
        "(min-width: 1040px) 640px, (min-width: 960px) calc(100vw - 400px), "
        "(min-width: 800px) 640px, 100vw",
    ),
    # A picture in a body gallery: .gallery's grid of columns at least
    # 12rem wide in the column (three across in 640 px, two or one on phones).
    "gallery": Slot(
        "",
        "(min-width: 672px) 203px, (min-width: 432px) calc(50vw - 24px), calc(100vw - 32px)",
    ),
    # The lead teaser on the home page.
    "teaser-lead": Slot(
        "16:9",
        "(min-width: 1152px) 726px, (min-width: 800px) calc((100vw - 64px) * 2 / 3), "
        "calc(100vw - 32px)",
    ),
}

# The rendition an <img> shows in browsers without srcset (and in feeds).
FALLBACK_WIDTH = 1080


@dataclass(frozen=True)
class Picture:
    """One file of a picture: its address and its size."""

    url: str
    width: int
    height: int


def _renditions(image: Image, crop: str, fmt: str) -> list[Rendition]:
    found = [r for r in image.renditions.all() if r.crop == crop and r.format == fmt]
    return sorted(found, key=lambda r: r.width)


def _original(image: Image) -> Picture:
    return Picture(image.file.url, image.width or 0, image.height or 0)


def _nearest(renditions: list[Rendition], width: int) -> Rendition:
    """The widest of ``renditions`` not wider than ``width``, else the narrowest."""
    fitting = [r for r in renditions if r.width <= width]
    return fitting[-1] if fitting else renditions[0]


def srcset(renditions: list[Rendition]) -> str:
    return ", ".join(f"{r.file.url} {r.width}w" for r in renditions)


def picture_html(
    image: Image,
    slot: str,
    alt: str,
    *,
    lazy: bool = True,
    priority: bool = False,
    css_class: str = "",
) -> SafeString:
    """``<picture>`` for ``image`` in ``slot`` (``SLOTS``): a ``<source>``
    per modern format that has renditions, and an ``<img>`` with the JPEG
    renditions (or the original, until they exist), ``width`` and
    ``height`` (the box the page reserves: no layout shift), ``alt``.

    ``lazy`` for pictures below the fold; ``priority`` for the one picture
    that is the page's largest content (the article's lead image): loaded
    at once and first. Nothing for an imported picture whose file is not
    fetched yet (never an ``<img>`` to the other site, nor a broken one)."""
    if not image.file:
        return SafeString("")
    tags.note(tags.IMAGE, image.pk)
    where = SLOTS[slot]
    sources = []
    for fmt in ALL_FORMATS[:-1]:
        found = _renditions(image, where.crop, fmt)
        if found:
            sources.append(
                format_html(
                    '<source type="{}" srcset="{}" sizes="{}">',
                    MEDIA_TYPES[fmt],
                    srcset(found),
                    where.sizes,
                )
            )
    jpegs = _renditions(image, where.crop, "jpeg")
    if jpegs:
        # The box of the crop: the widest rendition's size, whose ratio is
        # the crop's (the picture's own ratio for crop "").
        widest = jpegs[-1]
        src = _nearest(jpegs, FALLBACK_WIDTH).file.url
        width, height = (
            (image.width, image.height) if not where.crop else (widest.width, widest.height)
        )
        img_srcset = srcset(jpegs)
    else:
        original = _original(image)
        src, width, height, img_srcset = original.url, original.width, original.height, ""
    loading = "eager" if priority or not lazy else "lazy"
    img = format_html(
        '<img{} src="{}"{} width="{}" height="{}" alt="{}" loading="{}" decoding="async"{}>',
        format_html(' class="{}"', css_class) if css_class else "",
        src,
        format_html(' srcset="{}" sizes="{}"', img_srcset, where.sizes) if img_srcset else "",
        width,
        height,
        alt,
        loading,
        SafeString(' fetchpriority="high"') if priority else "",
    )
    return format_html("<picture>{}{}</picture>", SafeString("".join(sources)), img)


def social_image(image: Image, crop: str = "1.91:1") -> Picture:
    """The 1,200-pixel JPEG of ``crop`` for Open Graph, Twitter and
    JSON-LD, with its real size; the original until it exists."""
    found = _renditions(image, crop, "jpeg")
    if not found:
        return _original(image)
    best = _nearest(found, SOCIAL_WIDTH)
    return Picture(best.file.url, best.width, best.height)


def structured_data_images(image: Image) -> list[Picture]:
    """The pictures JSON-LD names: 16:9, 4:3 and 1:1, as Google asks for,
    those that exist; the original until they do; none while the file
    is not fetched."""
    if not image.file:
        return []
    found = [
        _nearest(renditions, SOCIAL_WIDTH)
        for crop in ("16:9", "4:3", "1:1")
        if (renditions := [r for r in _renditions(image, crop, "jpeg") if r.width <= SOCIAL_WIDTH])
    ]
    if not found:
        return [_original(image)]
    return [Picture(r.file.url, r.width, r.height) for r in found]


def feed_image(image: Image) -> Picture:
    """A picture of a sensible size for feeds: the 1,080-pixel JPEG; the
    original until it exists."""
    found = _renditions(image, "", "jpeg")
    if not found:
        return _original(image)
    best = _nearest(found, FALLBACK_WIDTH)
    return Picture(best.file.url, best.width, best.height)


# The width of the newsroom's thumbnails (the media library's grid, the
# chooser, the editor's pictures): two device pixels for a 10rem tile.
THUMBNAIL_WIDTH = 320


def thumbnail(image: Image) -> Picture:
    """A small copy of ``image`` for the newsroom: the narrowest JPEG
    rendition of the picture's own ratio; the original until it exists."""
    found = _renditions(image, "", "jpeg")
    if not found:
        return _original(image)
    small = _nearest(found, THUMBNAIL_WIDTH)
    return Picture(small.file.url, small.width, small.height)
