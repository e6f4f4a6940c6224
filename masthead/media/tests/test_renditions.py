"""Renditions: the widths, crops and formats a picture gets, and what is
in them (the picture upright, in sRGB) and what is not (metadata)."""

from io import BytesIO

import pytest
from django.core.files.storage import default_storage
from PIL import Image as PILImage
from PIL import ImageCms

from masthead.media import renditions
from masthead.media.models import Rendition
from masthead.media.samples import make_image, photo, photo_jpeg, picture_bytes

pytestmark = pytest.mark.django_db

PILLOW_FORMATS = {"avif": "AVIF", "webp": "WEBP", "jpeg": "JPEG"}


def opened(rendition):
    with default_storage.open(rendition.file.name, "rb") as file:
        data = file.read()
    picture = PILImage.open(BytesIO(data))
    picture.load()
    return picture, data


def made(image, **where):
    renditions.make_renditions(image)
    return list(image.renditions.filter(**where).order_by("crop", "format", "width"))


def test_it_plans_every_width_up_to_the_photo_in_three_formats():
    image = make_image(photo_jpeg(3000, 2000))

    plan = renditions.planned(image)

    assert sorted(w for crop, fmt, w in plan if crop == "" and fmt == "avif") == [
        320, 480, 640, 800, 1080, 1280, 1600, 2000,
    ]  # fmt: skip
    for fmt in ("avif", "webp", "jpeg"):
        assert [w for crop, f, w in plan if crop == "" and f == fmt] == list(renditions.WIDTHS)
        assert [w for crop, f, w in plan if crop == "16:9" and f == fmt][:7] == [
            320, 480, 640, 800, 1080, 1280, 1600,
        ]  # fmt: skip
    social = {(crop, w) for crop, f, w in plan if w == 1200}
    assert social == {("1.91:1", 1200), ("16:9", 1200), ("4:3", 1200), ("1:1", 1200)}
    assert len(plan) == len(set(plan)) == 49


def test_it_makes_each_rendition_in_its_format_and_size():
    image = make_image()  # 900 × 600

    made(image)

    for rendition in image.renditions.all():
        picture, data = opened(rendition)
        assert picture.format == PILLOW_FORMATS[rendition.format]
        assert picture.size == (rendition.width, rendition.height)
        assert rendition.file_size == len(data)
        assert rendition.file.name.startswith("renditions/")
    full = [(r.format, r.width, r.height) for r in image.renditions.filter(crop="", format="avif")]
    assert sorted(full) == [
        ("avif", 320, 213),
        ("avif", 480, 320),
        ("avif", 640, 427),
        ("avif", 800, 533),
    ]


def test_it_never_makes_a_rendition_wider_than_the_picture():
    image = make_image(photo_jpeg(500, 300))

    made(image)

    widths = {(r.crop, r.width) for r in image.renditions.all()}
    assert max(width for _, width in widths) <= 500
    assert {w for crop, w in widths if crop == ""} == {320, 480}
    # The 1,200-pixel cards are as wide as the crop allows.
    assert {(crop, w) for crop, w in widths if crop in ("1.91:1", "1:1")} == {
        ("1.91:1", 500),
        ("1:1", 300),
    }


def test_a_picture_narrower_than_all_widths_gets_one_at_its_own_width():
    image = make_image(photo_jpeg(200, 150))

    full = made(image, crop="")

    assert {(r.format, r.width, r.height) for r in full} == {
        ("avif", 200, 150),
        ("webp", 200, 150),
        ("jpeg", 200, 150),
    }


def marked_picture(size, spot):
    """White, with a red square of 40 pixels centred on ``spot``."""
    picture = PILImage.new("RGB", size, "white")
    x, y = spot
    picture.paste((220, 0, 0), (x - 20, y - 20, x + 20, y + 20))
    return picture_bytes(picture, "PNG")


def test_the_crop_keeps_the_focal_point_in_view():
    # A panorama with its subject far on the right.
    image = make_image(marked_picture((1200, 400), (1020, 200)), name="x.png", focal_x=0.85)

    [square] = made(image, crop="1:1", format="jpeg")

    picture, _ = opened(square)
    assert picture.size == (400, 400)
    # The square box of 400 is as far right as it goes (800–1200): the
    # subject is at 1020 − 800 = 220 in it.
    r, g, b = picture.getpixel((220, 200))
    assert r > 180 and g < 60 and b < 60


def test_the_crop_is_centred_on_the_focal_point_where_the_edges_allow():
    assert renditions.crop_box((3000, 2000), "1:1", (0.5, 0.5)) == (500, 0, 2500, 2000)
    assert renditions.crop_box((3000, 2000), "1:1", (0.4, 0.5)) == (200, 0, 2200, 2000)
    assert renditions.crop_box((3000, 2000), "1:1", (0.05, 0.5)) == (0, 0, 2000, 2000)
    assert renditions.crop_box((2000, 3000), "16:9", (0.5, 0.2)) == (0, 38, 2000, 1163)
    assert renditions.crop_box((2000, 3000), "16:9", (0.5, 1.0)) == (0, 1875, 2000, 3000)


def camera_jpeg(size=(800, 600), orientation=1):
    """A JPEG as a phone writes it: EXIF with the camera, the place (GPS),
    the orientation; XMP and a comment."""
    exif = PILImage.Exif()
    exif[0x010F] = "Masthead Optics"
    exif[0x0110] = "Masthead Cam 9000"
    exif[0x0112] = orientation
    exif[0x8825] = {1: "N", 2: (52.0, 31.0, 12.0), 3: "E", 4: (13.0, 24.0, 1.0)}
    return picture_bytes(
        photo(*size),
        "JPEG",
        exif=exif,
        xmp=b"<x:xmpmeta>Masthead XMP note</x:xmpmeta>",
        comment=b"Masthead comment",
        icc_profile=ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes(),
    )


def test_it_strips_location_camera_and_all_other_metadata():
    data = camera_jpeg((400, 300))
    assert PILImage.open(BytesIO(data)).getexif().get_ifd(0x8825)  # the place is in the original

    all_made = made(make_image(data))

    assert len(all_made) == 10
    for rendition in all_made:
        picture, raw = opened(rendition)
        assert not picture.getexif(), rendition
        assert not picture.getexif().get_ifd(0x8825)
        assert not (
            set(picture.info) & {"exif", "xmp", "XML:com.adobe.xmp", "comment", "icc_profile"}
        )
        for secret in (b"Masthead Cam", b"Masthead Optics", b"Masthead XMP", b"Masthead comment"):
            assert secret not in raw, (rendition, secret)


def test_it_turns_a_portrait_phone_photo_upright():
    # Stored sideways (800 × 600) with orientation 6: shown 600 × 800.
    image = make_image(camera_jpeg((800, 600), orientation=6))
    assert (image.width, image.height) == (600, 800)

    full = made(image, crop="")

    assert {(r.width, r.height) for r in full} == {(320, 427), (480, 640)}
    for rendition in full:
        picture, _ = opened(rendition)
        assert picture.size == (rendition.width, rendition.height)


def test_it_converts_a_cmyk_jpeg_to_rgb():
    cmyk = PILImage.new("CMYK", (400, 300), (0, 255, 255, 0))  # red ink

    for rendition in made(make_image(picture_bytes(cmyk, "JPEG"), name="cmyk.jpg")):
        picture, _ = opened(rendition)
        assert picture.mode == "RGB"
        r, g, b = picture.getpixel((10, 10))
        assert r > 200 and g < 60 and b < 60, rendition


def test_it_scales_a_16_bit_grey_png_instead_of_clipping_it_to_white():
    grey = PILImage.new("I;16", (400, 300), 40000)  # 40000 / 65535 = 61 %

    for rendition in made(make_image(picture_bytes(grey, "PNG"), name="grey16.png")):
        picture, _ = opened(rendition)
        r, g, b = picture.convert("RGB").getpixel((10, 10))
        assert 145 < r < 170 and abs(r - g) < 6 and abs(r - b) < 6, rendition


def test_it_makes_renditions_of_an_animations_first_frame():
    frames = [PILImage.new("RGB", (400, 300), colour) for colour in ("red", "blue")]
    buffer = BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)

    for rendition in made(make_image(buffer.getvalue(), name="moving.gif")):
        picture, _ = opened(rendition)
        assert getattr(picture, "n_frames", 1) == 1
        r, g, b = picture.convert("RGB").getpixel((10, 10))
        assert r > 200 and b < 60, rendition


def test_it_keeps_transparency_where_the_format_has_it():
    picture = PILImage.new("RGBA", (400, 300), (0, 0, 0, 0))
    picture.paste((0, 0, 200, 255), (200, 0, 400, 300))  # the right half blue

    for rendition in made(make_image(picture_bytes(picture, "PNG"), name="logo.png"), crop=""):
        decoded, _ = opened(rendition)
        corner = decoded.convert("RGBA").getpixel((2, 2))
        if rendition.format == "jpeg":
            assert corner[:3] == pytest.approx((255, 255, 255), abs=4)  # laid on white
        else:
            assert corner[3] < 10, rendition  # still transparent


def test_it_writes_through_the_storage_only(settings, tmp_path):
    """Nothing of the renditions lives outside the storage: its files are
    all under MEDIA_ROOT, named by the storage."""
    image = make_image()

    made(image)

    for rendition in Rendition.objects.filter(image=image):
        assert default_storage.exists(rendition.file.name)
        assert (settings.MEDIA_ROOT / rendition.file.name).is_file()


def test_a_damaged_colour_profile_does_not_stop_the_renditions(caplog):
    data = picture_bytes(photo(400, 300), "JPEG", icc_profile=b"not a colour profile")

    made_now = made(make_image(data))

    assert len(made_now) == 10
    assert "colour profile could not be read" in caplog.text
    for rendition in made_now:
        picture, _ = opened(rendition)
        assert "icc_profile" not in picture.info
