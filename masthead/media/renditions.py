"""The smaller copies of an image that readers get: which ones, and how
they are made.

Which ones (``SPECS``): every width of ``WIDTHS`` up to the picture's own
width, in AVIF, WebP and JPEG, for the slots that keep the picture's ratio
(the lead image on the article page, pictures in the body), and for the
slots of a fixed ratio (the lead teaser on the home page, 16:9), cropped
around the focal point; one 1,200-pixel JPEG per ratio that social
networks and search engines ask for (Open Graph 1.91:1; JSON-LD 16:9, 4:3,
1:1). A rendition is never wider than the picture (or the crop) it comes
from: no upscaling.

How (``make_renditions``): the original is read and the renditions are
written through Django's storage API only (``image.file.open()``,
``default_storage.save()``), so that they live wherever the media do
(a folder, or an S3 bucket). Each rendition is the picture as a browser
shows it and nothing else:

- turned upright (EXIF orientation, ``ImageOps.exif_transpose``);
- in sRGB: an embedded colour profile (ICC) is converted to sRGB, CMYK
  becomes RGB, 16-bit greys are scaled down to 8 bits (Pillow would clip
  them to white), palettes become RGB;
- transparency kept where the format has it (AVIF, WebP) and laid on white
  for JPEG;
- of an animation, the first frame (renditions are still pictures; the
  original stays available to whoever links it);
- without metadata: no EXIF (GPS position, camera, serial numbers, times),
  no XMP, no comment and no ICC profile (the pixels are sRGB, which is what
  a browser assumes without one). The credit lives on the Image row and
  the page prints it.

Quality settings (measured with ``bench/renditions.py --quality`` on a
photo-like 3,000 × 2,000 picture; the table is in docs/performance.md):
a 1,280-pixel rendition is 191 KB as a progressive JPEG of quality 80,
168 KB as WebP of quality 80 (both SSIM 0.94 against the resized
original) and 83 KB as AVIF of quality 50 (SSIM 0.90). AVIF's 50 is the
default of libvips and sharp, which most of the web's image pipelines
use; SSIM counts AVIF's smoothing of sensor grain as loss, which a reader
of a phone screen does not see. Quality 60 (SSIM 0.93) costs half as many
bytes again and left the showcase article at 99 instead of 100 in
Lighthouse's performance score (bench/lighthouse.sh; docs/performance.md).
AVIF at encoder speed 8 is within 6 % of the bytes of speed 6 and three
times faster, which keeps all 49 renditions of such a photo at about 5 s
on two cores (target: 10 s).
"""

import logging
from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from PIL import Image as PILImage
from PIL import ImageCms, ImageOps, features

from .models import Image, Rendition

logger = logging.getLogger(__name__)

# Steps of about a quarter to a half, and one that fits the most common
# phone: 390 CSS pixels less the page's 32 px of padding, at density 3,
# need 1,074 pixels (1,080 instead of 1,280: a third fewer bytes).
WIDTHS = (320, 480, 640, 800, 1080, 1280, 1600, 2000)
SOCIAL_WIDTH = 1200
# Best first: the order of the <source>s. AVIF where Pillow was built with
# it (the wheel pinned in requirements.txt is); without it, WebP and JPEG.
ALL_FORMATS = ("avif", "webp", "jpeg") if features.check("avif") else ("webp", "jpeg")

# Encoder settings per format (the module docstring says why these).
ENCODERS = {
    "avif": ("AVIF", {"quality": 50, "speed": 8}),
    "webp": ("WEBP", {"quality": 80, "method": 4}),
    "jpeg": ("JPEG", {"quality": 80, "progressive": True, "optimize": True}),
}
EXTENSIONS = {"avif": "avif", "webp": "webp", "jpeg": "jpg"}
MEDIA_TYPES = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg"}


@dataclass(frozen=True)
class Spec:
    """Renditions of one crop: ``crop`` is "" (the picture's own ratio) or
    "w:h"; each of ``widths`` (no wider than the picture) in each of
    ``formats``."""

    crop: str
    widths: tuple[int, ...]
    formats: tuple[str, ...]


SPECS = (
    # The article's lead image and pictures in the body: up to 640 CSS
    # pixels wide (the article column), 2,000 for a screen of density 3.
    Spec("", WIDTHS, ALL_FORMATS),
    # The home page's lead teaser: up to 726 CSS pixels; 1,600 covers
    # density 2.
    Spec("16:9", WIDTHS[:-1], ALL_FORMATS),
    # Open Graph and Twitter cards (1,200 × 628), and the three ratios
    # Google asks for in structured data. Crawlers take JPEG.
    Spec("1.91:1", (SOCIAL_WIDTH,), ("jpeg",)),
    Spec("16:9", (SOCIAL_WIDTH,), ("jpeg",)),
    Spec("4:3", (SOCIAL_WIDTH,), ("jpeg",)),
    Spec("1:1", (SOCIAL_WIDTH,), ("jpeg",)),
)


def ratio(crop: str) -> float:
    """ "16:9" → 1.777…; "1.91:1" → 1.91."""
    across, down = crop.split(":")
    return float(across) / float(down)


def crop_box(
    size: tuple[int, int], crop: str, focal: tuple[float, float]
) -> tuple[int, int, int, int]:
    """The largest box of ratio ``crop`` inside a picture of ``size``,
    centred on the focal point as far as the edges allow.

    >>> crop_box((3000, 2000), "1:1", (0.9, 0.5))   # the subject on the right
    (1000, 0, 3000, 2000)
    >>> crop_box((3000, 2000), "16:9", (0.5, 0.1))  # a face near the top
    (0, 0, 3000, 1688)
    """
    width, height = size
    if not crop:
        return (0, 0, width, height)
    wanted = ratio(crop)
    if width / height > wanted:
        box_width, box_height = min(width, round(height * wanted)), height
    else:
        box_width, box_height = width, min(height, round(width / wanted))
    left = round(focal[0] * width - box_width / 2)
    top = round(focal[1] * height - box_height / 2)
    left = max(0, min(left, width - box_width))
    top = max(0, min(top, height - box_height))
    return (left, top, left + box_width, top + box_height)


def height_for(width: int, box: tuple[int, int, int, int]) -> int:
    box_width, box_height = box[2] - box[0], box[3] - box[1]
    return max(1, round(width * box_height / box_width))


def widths_for(spec: Spec, box_width: int) -> list[int]:
    """The spec's widths that are not wider than the picture (no upscaling);
    a picture narrower than all of them gets one rendition at its own width."""
    return [w for w in spec.widths if w <= box_width] or [box_width]


def planned(image: Image) -> list[tuple[str, str, int]]:
    """Every (crop, format, width) that ``image`` should have."""
    size = (image.width or 0, image.height or 0)
    if not all(size):
        return []
    plan: list[tuple[str, str, int]] = []
    for spec in SPECS:
        box = crop_box(size, spec.crop, (image.focal_x, image.focal_y))
        for width in widths_for(spec, box[2] - box[0]):
            plan.extend((spec.crop, fmt, width) for fmt in spec.formats)
    return list(dict.fromkeys(plan))  # a small picture's social and teaser widths meet


# Making them


def open_upright(image: Image) -> PILImage.Image:
    """The original as a browser shows it, in sRGB, without metadata:
    "RGB", or "RGBA" when it has transparency. Read through the storage."""
    with image.file.open("rb") as file, PILImage.open(file) as original:
        original.seek(0)  # an animation's first frame
        original.load()
        picture = ImageOps.exif_transpose(original)
    picture = to_srgb(picture)
    picture.info = {}  # EXIF, XMP, comments, the ICC profile: nothing goes on
    return picture


SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def to_srgb(picture: PILImage.Image) -> PILImage.Image:
    """8-bit sRGB "RGB" or "RGBA" pixels from whatever the file held."""
    if picture.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        # 16-bit greys (PNG): Pillow's convert() clips them to white.
        picture = picture.convert("I")
        high = picture.getextrema()[1]
        scale = 1 / 256 if isinstance(high, int | float) and high > 255 else 1
        picture = picture.point(lambda value: value * scale, "L")
    elif picture.mode == "F":
        picture = picture.convert("L")
    alpha = picture.has_transparency_data and picture.mode != "CMYK"
    mode = "RGBA" if alpha else "RGB"
    icc = picture.info.get("icc_profile")
    if icc:
        try:
            source = ImageCms.ImageCmsProfile(BytesIO(icc))
            if picture.mode not in ("RGB", "RGBA", "CMYK", "L"):
                picture = picture.convert(mode)
            converted = ImageCms.profileToProfile(picture, source, SRGB, outputMode=mode)
            if converted is not None:
                picture = converted
        except (ImageCms.PyCMSError, OSError, ValueError):
            # A damaged profile: the pixels as they are, like a browser
            # that cannot read it.
            logger.warning("A colour profile could not be read; its pixels are used as they are.")
    picture = picture.convert(mode)
    if mode == "RGBA" and picture.getchannel("A").getextrema() == (255, 255):
        picture = picture.convert("RGB")  # transparency declared, none used
    return picture


def encode(picture: PILImage.Image, fmt: str) -> bytes:
    pillow_format, options = ENCODERS[fmt]
    if fmt == "jpeg" and picture.mode == "RGBA":
        # JPEG has no transparency: lay the picture on white, like the page.
        background = PILImage.new("RGB", picture.size, (255, 255, 255))
        background.paste(picture, mask=picture.getchannel("A"))
        picture = background
    buffer = BytesIO()
    # exif/xmp/icc empty on purpose: no metadata in what readers get.
    picture.save(buffer, pillow_format, exif=b"", **options)
    return buffer.getvalue()


def rendition_name(image: Image, crop: str, fmt: str, width: int) -> str:
    """renditions/2026/11/rathaus-42-16x9-f50x30-1280w.avif. A crop's name
    holds the focal point it was made for, so that a crop made again
    never takes the name of an earlier one (files are cached as immutable)."""
    stem = PurePosixPath(image.file.name).stem[:60] or "image"
    kind = "full"
    if crop:
        focal = f"f{round(image.focal_x * 100)}x{round(image.focal_y * 100)}"
        kind = f"{crop.replace(':', 'x')}-{focal}"
    month = image.uploaded_at.strftime("%Y/%m")
    return f"renditions/{month}/{stem}-{image.pk}-{kind}-{width}w.{EXTENSIONS[fmt]}"


# A rendition made: (crop, format, width), the stored name, height, bytes.
Made = tuple[tuple[str, str, int], str, int, int]


def make_renditions(image: Image) -> int:
    """Make the renditions ``image`` lacks, and make again the crops whose
    focal point has moved since. Existing renditions are kept (the job may
    run twice, or be retried). Returns how many were made.

    The files are written first and the rows in one transaction at the
    end, so that a page sees all of an image's new renditions at once (and
    the page cache starts one new generation, not fifty); a rendition
    another run made in the meantime wins, and this run's file is removed.
    """
    existing = {(r.crop, r.format, r.width): r for r in image.renditions.all()}
    focal = (image.focal_x, image.focal_y)
    todo = [
        key
        for key in planned(image)
        if key not in existing
        or (key[0] and (existing[key].focal_x, existing[key].focal_y) != focal)
    ]
    if not todo:
        return 0
    picture = open_upright(image)
    made: list[Made] = []
    try:
        for crop in dict.fromkeys(crop for crop, _, _ in todo):
            box = crop_box(picture.size, crop, focal)
            cropped = picture.crop(box) if crop else picture
            widths = sorted({w for c, _, w in todo if c == crop}, reverse=True)
            larger: list[PILImage.Image] = []  # the sizes made so far, widest first
            for width in widths:
                height = height_for(width, box)
                # From the narrowest size made so far that is at least twice
                # as wide (as sharp as from the original, and a fraction of
                # the work: resizing the whole photo each time took a fifth
                # of the job's time).
                source = next((s for s in reversed(larger) if s.width >= 2 * width), cropped)
                resized = source.resize(
                    (width, height), PILImage.Resampling.LANCZOS, reducing_gap=3.0
                )
                larger.append(resized)
                for fmt in (f for c, f, w in todo if c == crop and w == width):
                    data = encode(resized, fmt)
                    name = default_storage.save(
                        rendition_name(image, crop, fmt, width), ContentFile(data)
                    )
                    made.append(((crop, fmt, width), name, height, len(data)))
        replaced = _store_rows(image, made, existing, focal)
    except BaseException:
        for _, name, _, _ in made:
            default_storage.delete(name)
        raise
    for name in replaced:
        default_storage.delete(name)
    return len(made)


def _store_rows(
    image: Image,
    made: list[Made],
    existing: dict[tuple[str, str, int], Rendition],
    focal: tuple[float, float],
) -> list[str]:
    """The rows of the renditions just made, in one transaction; returns
    the files they replaced (stale crops), to delete once committed."""
    replaced = []
    with transaction.atomic():
        for (crop, fmt, width), name, height, size in made:
            fields = {
                "height": height,
                "file": name,
                "file_size": size,
                "focal_x": focal[0],
                "focal_y": focal[1],
            }
            old = existing.get((crop, fmt, width))
            if old is not None:
                # A crop made for another focal point: the row stays, with
                # the new file, so a page always has one to show.
                updated = Rendition.objects.filter(pk=old.pk, file=old.file.name).update(**fields)
                if updated:
                    replaced.append(old.file.name)
                else:
                    default_storage.delete(name)  # another run replaced it
                continue
            try:
                with transaction.atomic():
                    Rendition.objects.create(
                        image=image, crop=crop, format=fmt, width=width, **fields
                    )
            except IntegrityError:
                default_storage.delete(name)  # another run made it first
    return replaced


def forget_renditions(image: Image) -> None:
    """Delete ``image``'s renditions (its file was replaced): the rows now,
    the files once the transaction is committed."""
    names = [r.file.name for r in image.renditions.all()]
    image.renditions.all().delete()

    def delete_files() -> None:
        for name in names:
            default_storage.delete(name)

    transaction.on_commit(delete_files)
