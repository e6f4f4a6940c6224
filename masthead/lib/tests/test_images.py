"""Only images the site shows are stored, named after their real format
(masthead/lib/images.py)."""

import struct
import zlib
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from masthead.lib import images


def image_bytes(format, size=(40, 30), **options) -> bytes:
    buffer = BytesIO()
    mode = "RGBA" if format == "AVIF" else "RGB"
    Image.new(mode, size, (200, 40, 40)).save(buffer, format, **options)
    return buffer.getvalue()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` × ``height`` pixels (a decompression bomb's
    first bytes): a few dozen bytes that would need gigabytes once decoded."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


EPS = (
    b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n%%EndComments\n"
    b"newpath 0 0 moveto 10 10 lineto stroke\nshowpage\n%%EOF\n"
)
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


@pytest.mark.parametrize(
    ("format", "extension"),
    [("JPEG", "jpg"), ("PNG", "png"), ("GIF", "gif"), ("WEBP", "webp"), ("AVIF", "avif")],
)
def test_it_accepts_the_formats_the_site_shows(format, extension):
    assert format in images.FORMATS, f"this Pillow cannot decode {format}"
    info = images.check_image(upload("photo.bin", image_bytes(format)))
    assert (info.format, info.extension, info.width, info.height) == (format, extension, 40, 30)
    assert images.MEDIA_TYPES[extension].startswith("image/")


@pytest.mark.parametrize("name", ["x.pdf", "x.ps", "x.html", "x.svg", "x", "x.PNG"])
def test_it_names_an_image_after_its_real_format(name):
    assert images.normalised_name(name, upload(name, image_bytes("PNG"))) == "x.png"


def test_it_leaves_the_file_where_it_was():
    file = upload("x.jpg", image_bytes("JPEG"))
    file.seek(5)
    images.check_image(file)
    assert file.tell() == 5


@pytest.mark.parametrize(
    "content",
    [PDF, EPS, SVG, HTML, b"", image_bytes("BMP"), image_bytes("TIFF"), image_bytes("ICO")],
    ids=["pdf", "postscript", "svg", "html", "empty", "bmp", "tiff", "ico"],
)
def test_it_refuses_what_is_not_an_image_it_shows(content):
    with pytest.raises(ValidationError) as caught:
        images.check_image(upload("x.png", content))
    assert caught.value.code == "unsupported_image_format"


@pytest.mark.parametrize("format", ["JPEG", "PNG", "GIF", "WEBP"])
def test_it_refuses_a_truncated_image(format):
    # Noise compresses badly, so cutting the file removes image data.
    import random

    rng = random.Random(7)
    picture = Image.new("RGB", (64, 64))
    picture.putdata([(rng.randrange(256),) * 3 for _ in range(64 * 64)])
    buffer = BytesIO()
    picture.save(buffer, format)
    content = buffer.getvalue()
    with pytest.raises(ValidationError) as caught:
        images.check_image(upload("x.png", content[: len(content) * 2 // 3]))
    assert caught.value.code in ("damaged_image", "unsupported_image_format")


@pytest.mark.parametrize("size", [(30_000, 30_000), (100_000, 100_000), (25_000, 10)])
def test_it_refuses_a_decompression_bomb(size):
    with pytest.raises(ValidationError) as caught:
        images.check_image(upload("bomb.png", png_header_only(*size)))
    assert caught.value.code == "image_too_large"


def test_it_refuses_more_pixels_than_allowed(settings):
    settings.MAX_IMAGE_PIXELS = 1_000_000
    with pytest.raises(ValidationError) as caught:
        images.check_image(upload("big.png", image_bytes("PNG", size=(2000, 1000))))
    assert caught.value.code == "image_too_large"
    images.check_image(upload("ok.png", image_bytes("PNG", size=(1000, 1000))))


def test_it_refuses_an_animation_with_too_many_frames(settings):
    settings.MAX_IMAGE_FRAMES = 3
    frames = [Image.new("RGB", (8, 8), (40 * i, 0, 0)) for i in range(5)]
    buffer = BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:])
    with pytest.raises(ValidationError) as caught:
        images.check_image(upload("x.gif", buffer.getvalue()))
    assert caught.value.code == "too_many_frames"


def test_it_stores_a_jpeg_with_several_pictures_as_a_jpeg():
    # Some cameras write a second picture into the JPEG (MPO); Pillow names
    # that format "MPO", browsers show the first picture.
    buffer = BytesIO()
    first, second = Image.new("RGB", (40, 30), "red"), Image.new("RGB", (40, 30), "blue")
    first.save(buffer, "MPO", save_all=True, append_images=[second])

    info = images.check_image(upload("photo.jpg", buffer.getvalue()))

    assert (info.format, info.extension, info.media_type) == ("JPEG", "jpg", "image/jpeg")


def photo_from_a_phone(orientation: int, size=(40, 30)) -> bytes:
    """A JPEG as a phone writes it: the pixels as the sensor saw them, and
    the way to turn them in the EXIF orientation tag."""
    exif = Image.Exif()
    exif[images.ORIENTATION] = orientation
    return image_bytes("JPEG", size, exif=exif.tobytes())


@pytest.mark.parametrize(
    ("orientation", "shown"),
    [(1, (40, 30)), (3, (40, 30)), (5, (30, 40)), (6, (30, 40)), (7, (30, 40)), (8, (30, 40))],
)
def test_the_shown_size_follows_the_orientation(orientation, shown):
    file = upload("phone.jpg", photo_from_a_phone(orientation))
    file.seek(7)
    assert images.display_size(file) == shown
    assert file.tell() == 7  # the file is where it was


def test_the_shown_size_of_an_image_without_exif_is_its_size():
    assert images.display_size(upload("x.png", image_bytes("PNG"))) == (40, 30)
