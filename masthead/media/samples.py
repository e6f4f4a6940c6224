"""A photo-like picture for tests and benchmarks, made with Pillow.

The repository holds no camera photos (their size, and their rights), and
a flat colour compresses to almost nothing: bytes measured on it say
nothing. ``photo()`` draws a street of buildings under a sky, with texture
at several scales and sensor grain, so that it costs an encoder about as
much as a real photo: 3,000 × 2,000 pixels are 2.4 MB as a JPEG of
quality 90, like a camera's file (2–5 MB).
"""

import functools
import random
from io import BytesIO

from PIL import Image, ImageChops, ImageDraw, ImageFilter


def photo(width: int = 3000, height: int = 2000, seed: int = 1) -> Image.Image:
    rnd = random.Random(seed)  # noqa: S311 (a picture, not a secret)
    size = (width, height)
    # Light: a sky over darker ground.
    gradient = Image.linear_gradient("L").resize(size)
    sky, ground = Image.new("RGB", size, (150, 180, 215)), Image.new("RGB", size, (70, 78, 60))
    image = Image.composite(ground, sky, gradient)
    # Hard edges: buildings with windows, a street, people.
    draw = ImageDraw.Draw(image)
    x = 0
    while x < width:
        w = rnd.randrange(max(width // 20, 2), max(width // 6, 3))
        top = rnd.randrange(height // 5, max(height // 2, height // 5 + 1))
        shade = rnd.randrange(60, 200)
        colour = (shade, shade - rnd.randrange(0, 30), shade - rnd.randrange(0, 50))
        draw.rectangle((x, top, x + w, height), fill=colour)
        for wy in range(top + 30, height - 200, 70):
            for wx in range(x + 20, x + w - 40, 60):
                draw.rectangle((wx, wy, wx + 30, wy + 40), fill=(rnd.randrange(20, 90),) * 3)
        x += w + rnd.randrange(0, 40)
    draw.rectangle((0, height * 4 // 5, width, height), fill=(90, 90, 95))
    for _ in range(12):
        cx, cy = rnd.randrange(width), rnd.randrange(height * 3 // 5, height)
        r = rnd.randrange(40, 160) * width // 3000 + 1
        fill = tuple(rnd.randrange(30, 220) for _ in range(3))
        draw.ellipse((cx - r // 2, cy - r, cx + r // 2, cy + r), fill=fill)
    image = image.filter(ImageFilter.GaussianBlur(1.5))
    # Texture at several scales (walls, foliage, clouds), mostly in brightness.
    grey = Image.new("RGB", size, (128, 128, 128))
    for w, h, strength in [(30, 20, 0.25), (120, 80, 0.2), (600, 400, 0.15), (width, height, 0.08)]:
        noise = Image.effect_noise((w, h), 50).resize(size, Image.Resampling.BICUBIC)
        image = ImageChops.add(
            image, Image.blend(grey, noise.convert("RGB"), strength), offset=-128
        )
    grain = Image.effect_noise(size, 10).convert("RGB")
    return ImageChops.add(image, grain, offset=-128)


@functools.lru_cache(maxsize=16)
def photo_jpeg(width: int = 3000, height: int = 2000, seed: int = 1, **save) -> bytes:
    """``photo()`` as a camera would store it: a JPEG of quality 90. Kept
    once made: the demo loader draws the same pictures for every browser
    test, which took seconds each."""
    buffer = BytesIO()
    photo(width, height, seed).save(buffer, "JPEG", **{"quality": 90, **save})
    return buffer.getvalue()


def picture_bytes(picture: Image.Image, fmt: str = "JPEG", **save) -> bytes:
    buffer = BytesIO()
    picture.save(buffer, fmt, **save)
    return buffer.getvalue()


def make_image(data: bytes | None = None, name: str = "photo.jpg", **fields):
    """A media-library Image stored from ``data`` (default: a 900 × 600
    ``photo()``), as an upload would store it; no renditions yet.

    >>> make_image(photo_jpeg(3000, 2000), alt={"de": "Das Rathaus"})"""
    from django.core.files.base import ContentFile

    from .models import Image as LibraryImage

    if data is None:
        data = photo_jpeg(900, 600)
    return LibraryImage.objects.create(
        file=ContentFile(data, name=name), file_size=len(data), original_name=name, **fields
    )
