"""Uploaded images: only formats the site shows, named after what they are.

Every path that stores an uploaded image (the desk, the admin, importers,
renditions, the shell) goes through the default storage
(settings.STORAGES["default"]: ``ImageStorage`` on disk or
``S3ImageStorage`` in a bucket, both with ``CheckedImagesMixin``), which
checks the file and stores it under ``normalised_name``; forms check
first through ``Article.clean()`` to show a message next to the field. The name a
browser sent counts for nothing: the format is read from the file's bytes,
the whole image is decoded once (a truncated or damaged file is refused),
and the stored name gets the extension of the format found, so the media
server's ``Content-Type`` (taken from the extension, ``MEDIA_TYPES``) is
always an image type.

>>> from io import BytesIO
>>> from PIL import Image
>>> from django.core.files.uploadedfile import SimpleUploadedFile
>>> buffer = BytesIO(); Image.new("RGB", (4, 3)).save(buffer, "PNG")
>>> normalised_name("articles/x.pdf", SimpleUploadedFile("x.pdf", buffer.getvalue()))
'articles/x.png'
"""

import warnings
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage
from django.db import models
from django.db.models.fields.files import ImageFieldFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageSequence, features

# Pillow format name → (stored extension, media type). Only formats a
# browser shows inline; AVIF only where Pillow was built with it.
FORMATS = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "GIF": ("gif", "image/gif"),
    "WEBP": ("webp", "image/webp"),
}
if features.check("avif"):
    FORMATS["AVIF"] = ("avif", "image/avif")

# Extension → media type, for serving uploads (core/security.py: media, the
# nginx front end, and the Content-Type of files in a bucket).
MEDIA_TYPES = dict(FORMATS.values())
MEDIA_TYPES["jpeg"] = "image/jpeg"


@dataclass(frozen=True)
class ImageInfo:
    format: str
    extension: str
    media_type: str
    width: int
    height: int


def format_names() -> str:
    """The accepted formats for messages: "JPEG, PNG, GIF, WebP, AVIF"."""
    names = {"JPEG": "JPEG", "PNG": "PNG", "GIF": "GIF", "WEBP": "WebP", "AVIF": "AVIF"}
    return ", ".join(names[f] for f in FORMATS)


def _unsupported() -> ValidationError:
    return ValidationError(
        _("This file is not an image in a format the site can show. Upload a %(formats)s image."),
        code="unsupported_image_format",
        params={"formats": format_names()},
    )


def _damaged() -> ValidationError:
    return ValidationError(
        _("This image is damaged or incomplete. Upload the complete image file."),
        code="damaged_image",
    )


def _too_large() -> ValidationError:
    return ValidationError(
        _(
            "This image has too many pixels to show. Upload an image of at most "
            "%(side)s pixels on each side and %(megapixels)s megapixels in all."
        ),
        code="image_too_large",
        params={
            "side": settings.MAX_IMAGE_SIDE,
            "megapixels": settings.MAX_IMAGE_PIXELS // 1_000_000,
        },
    )


def check_image(file: File) -> ImageInfo:
    """Read ``file`` (any Django ``File``) as an image and return what it is,
    or raise ``ValidationError`` when it is not an image in one of
    ``FORMATS``, is damaged or truncated, or is too large to decode safely
    (``MAX_IMAGE_PIXELS`` per frame, ``MAX_IMAGE_SIDE``, ``MAX_IMAGE_FRAMES``)."""
    cached = getattr(file, "_masthead_image", None)
    if isinstance(cached, ImageInfo):
        return cached
    max_pixels = settings.MAX_IMAGE_PIXELS
    max_side = settings.MAX_IMAGE_SIDE
    max_frames = settings.MAX_IMAGE_FRAMES
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow warns (and past twice the limit refuses) on images with
            # more pixels than Image.MAX_IMAGE_PIXELS: make both an error.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            try:
                image = Image.open(file, formats=list(FORMATS))
            except (Image.DecompressionBombError, Image.DecompressionBombWarning):
                raise _too_large() from None
            except (Image.UnidentifiedImageError, OSError):
                raise _unsupported() from None
            except (SyntaxError, ValueError):
                raise _damaged() from None
            with image:
                # Pillow reads a JPEG that holds more than one picture (as
                # some cameras write) as "MPO"; browsers show its first.
                kind = "JPEG" if image.format == "MPO" else image.format
                if kind not in FORMATS:
                    raise _unsupported()
                width, height = image.size
                if not (0 < width <= max_side and 0 < height <= max_side):
                    raise _too_large()
                if width * height > max_pixels:
                    raise _too_large()
                frames = getattr(image, "n_frames", 1)
                # Every frame is decoded below: bound the total work too.
                if frames > max_frames or frames * width * height > 4 * max_pixels:
                    raise ValidationError(
                        _(
                            "This animation has too many frames (%(frames)s). "
                            "Upload one with at most %(max)s."
                        ),
                        code="too_many_frames",
                        params={"frames": frames, "max": max_frames},
                    )
                try:
                    # Decode every frame: a truncated or damaged file fails here.
                    for frame in ImageSequence.Iterator(image):
                        frame.load()
                except (OSError, SyntaxError, ValueError, EOFError):
                    raise _damaged() from None
                info = ImageInfo(kind, *FORMATS[kind], width, height)
    finally:
        file.seek(position)
    file._masthead_image = info  # type: ignore[attr-defined]  # read back above
    return info


def normalised_name(name: str, file: File) -> str:
    """``name`` with the extension of the format ``file``'s bytes are in
    (``a/x.pdf`` holding a PNG becomes ``a/x.png``)."""
    info = check_image(file)
    path = PurePosixPath(name or "image")
    return str(path.with_name(f"{path.stem or 'image'}.{info.extension}"))


class CheckedImagesMixin(Storage):
    """What every storage of uploaded media does, whichever holds the files
    (``ImageStorage`` on this machine's disk, ``S3ImageStorage`` in a
    bucket, masthead/lib/storage.py): it keeps images in FORMATS only, each
    under the extension of its real format, whatever the name it came with
    and whichever path saves it (forms, the admin, ``FieldFile.save()`` in
    importers and the demo loader, ``default_storage.save()`` for
    renditions, the shell). Refuses anything else with ``ValidationError``;
    forms check first to say so next to the field."""

    def save(self, name: str | None, content: IO[Any], max_length: int | None = None) -> str:
        if name is None:
            name = content.name
        file = content if isinstance(content, File) else File(content, name)
        return super().save(normalised_name(name, file), file, max_length=max_length)


def media_cache_control() -> str:
    """The Cache-Control of every stored media file. A stored name never
    gets other bytes (storages never overwrite: a name in use gets a
    suffix), so caches may keep a file for MEDIA_CACHE_SECONDS."""
    return f"public, max-age={settings.MEDIA_CACHE_SECONDS}, immutable"


class ImageStorage(CheckedImagesMixin, FileSystemStorage):
    """Uploaded media on this machine's disk, under MEDIA_ROOT (the default)."""


# The size a picture is shown at


ORIENTATION = 0x0112  # EXIF: how the camera was held
TURNED = {5, 6, 7, 8}  # a quarter turn: width and height trade places


def display_size(file: File, close: bool = False) -> tuple[int | None, int | None]:
    """The width and height a browser shows ``file`` at. A phone held
    upright writes its photo sideways with an EXIF orientation of 6 (or 5,
    7, 8); browsers turn it upright, so its shown width is the stored
    height. The stored bytes stay as they are. (None, None) for what is
    not an image, as Django's ``get_image_dimensions`` answers."""
    position = file.tell()
    try:
        file.seek(0)
        with Image.open(file) as image:  # reads the header only
            (width, height), orientation = image.size, image.getexif().get(ORIENTATION)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return None, None
    finally:
        if close:
            file.close()
        else:
            file.seek(position)
    if orientation in TURNED:
        return height, width
    return width, height


class OrientedImageFieldFile(ImageFieldFile):
    def _get_image_dimensions(self) -> tuple[int | None, int | None]:
        if not hasattr(self, "_dimensions_cache"):
            close = self.closed
            self.open()
            self._dimensions_cache = display_size(self, close=close)
        return self._dimensions_cache


class OrientedImageField(models.ImageField):
    """An ImageField whose width and height fields hold the size the
    picture is shown at (``display_size``), for the ``width`` and
    ``height`` of ``<img>`` and ``og:image``: with the stored size, a
    portrait phone photo reserved a landscape box and the page jumped when
    it loaded."""

    attr_class = OrientedImageFieldFile
