"""The write path of the media library. The desk calls these; each owns its
transaction and its audit entry, and checks no permission (the caller asks
``masthead.accounts.rules.can`` first).

A stored file and its database row live or die together: the file is
written before the row (the storage checks it is an image, and names it),
so when the row cannot be written the file is deleted again (``add_image``
for its own transaction, ``discard_files`` for a caller's larger one), and
a deleted image's file goes only once the deletion is committed.
"""

import secrets
from collections.abc import Iterable
from pathlib import PureWindowsPath
from typing import Any

from django.core.files import File
from django.db import transaction
from django.db.models import ProtectedError

from masthead.audit.models import AuditEntry
from masthead.audit.services import record
from masthead.lib import images

from . import renditions, tasks
from .models import Image

# The longest file name (without the folders) kept for a stored file; the
# full original name is kept up to the column's length.
STORED_NAME_LENGTH = 100


class ImageInUse(Exception):
    """The image is used by articles (``users``) and cannot be deleted."""

    def __init__(self, users: list):
        super().__init__(f"image used by {len(users)} article(s)")
        self.users = users


def original_name(name: str) -> str:
    """The file's own name, without any folder a browser or a script sent
    along (``../../etc/x.jpg`` → ``x.jpg``, ``C:\\\\x\\\\y.jpg`` → ``y.jpg``),
    at most 255 characters with its extension kept.

    >>> original_name("../../etc/x.jpg"), original_name("C:\\\\x\\\\y.jpg")
    ('x.jpg', 'y.jpg')
    """
    # PureWindowsPath splits at both "/" and "\\".
    base = PureWindowsPath(name or "").name.strip().strip(".") or "image"
    if len(base) > 255:
        stem, dot, extension = base.rpartition(".")
        if dot and len(extension) <= 10:
            base = f"{stem[: 254 - len(extension)]}.{extension}"
        else:
            base = base[:255]
    return base


def _stored_name(name: str) -> str:
    """A short, harmless name to store the file under (the storage adds
    the folder and sets the extension of its real format). A random part
    keeps a name from ever naming other bytes, also after the image was
    deleted: media are cached for a year as immutable (MEDIA_CACHE_SECONDS)."""
    stem = original_name(name).rpartition(".")[0] or "image"
    return f"{stem[:STORED_NAME_LENGTH]}-{secrets.token_hex(4)}.img"


def add_image(
    file: File,
    user: Any = None,
    *,
    alt: dict[str, str] | None = None,
    caption: dict[str, str] | None = None,
    credit: str = "",
    source: str = "",
    licence: str = "",
) -> Image:
    """Store ``file`` in the library. Raises ``ValidationError`` when it is
    not an image the site can show (``masthead.lib.images.check_image``).
    When the row cannot be saved, the stored file is deleted again."""
    images.check_image(file)
    image = Image(
        original_name=original_name(getattr(file, "name", "") or ""),
        alt={k: v for k, v in (alt or {}).items() if v},
        caption={k: v for k, v in (caption or {}).items() if v},
        credit=credit,
        source=source,
        licence=licence,
        uploaded_by=user if user is not None and user.is_authenticated else None,
    )
    image.file.save(_stored_name(image.original_name), file, save=False)
    try:
        image.file_size = image.file.size
        with transaction.atomic():
            image.full_clean(exclude=["file"])
            image.save()
            image_saved(image)
    except BaseException:
        discard_files([image])
        raise
    return image


def discard_files(added: Iterable[Image]) -> None:
    """Delete the stored files of images whose rows were not kept (the
    caller's transaction failed after ``add_image``)."""
    for image in added:
        if image.file.name:
            image.file.storage.delete(image.file.name)


def add_images(files: Iterable[File], user: Any = None, **metadata: Any) -> list[Image]:
    """Store several files with the same metadata, all or none."""
    added: list[Image] = []
    try:
        with transaction.atomic():
            for file in files:
                added.append(add_image(file, user, **metadata))
    except BaseException:
        discard_files(added)
        raise
    return added


# The fields the edit page changes.
EDITABLE = ("alt", "caption", "credit", "source", "licence", "focal_x", "focal_y")


@transaction.atomic
def update_image(image: Image, user: Any = None) -> Image:
    """Save the edited metadata of ``image``; a moved focal point has its
    crops made again."""
    image.full_clean(exclude=["file"])
    stored = Image.objects.values("focal_x", "focal_y").get(pk=image.pk)
    image.save(update_fields=[*EDITABLE])
    if (stored["focal_x"], stored["focal_y"]) != (image.focal_x, image.focal_y):
        image_saved(image)
    return image


@transaction.atomic
def describe_image(image: Image, language: str, *, alt: str, caption: str) -> Image:
    """Set the alt text and caption of ``image`` in ``language`` (from the
    article form: the article's own language)."""
    image.refresh_from_db(fields=["alt", "caption"])
    changed = []
    for name, text in (("alt", alt), ("caption", caption)):
        texts = dict(getattr(image, name) or {})
        if texts.get(language, "") != text:
            if text:
                texts[language] = text
            else:
                texts.pop(language, None)
            setattr(image, name, texts)
            changed.append(name)
    if changed:
        image.save(update_fields=changed)
    return image


def delete_image(image: Image, user: Any = None) -> None:
    """Delete ``image`` and, once that is committed, its file and those of
    its renditions. Raises ``ImageInUse`` (and deletes nothing) when an
    article uses it."""
    names = [image.file.name, *image.renditions.values_list("file", flat=True)]
    storage = image.file.storage
    pk, name = image.pk, image.original_name or image.file.name
    try:
        with transaction.atomic():
            image.delete()
            record(user, AuditEntry.Action.DELETE_IMAGE, image=pk, name=name)
    except ProtectedError as error:
        raise ImageInUse(sorted(error.protected_objects, key=lambda a: a.pk)) from None

    def delete_files() -> None:
        for stored in names:
            if stored:
                storage.delete(stored)

    transaction.on_commit(delete_files)


def image_saved(image: Image, *, new_file: bool = False) -> None:
    """Have the renditions of ``image`` made, in the background, once the
    current transaction is committed (a job that ran before the commit
    would not find the image). Call it after saving an image that is new,
    whose focal point moved (its crops are made again) or, with
    ``new_file=True``, whose file was replaced (its renditions are deleted
    at once: pages show the new original until the new ones exist).

    Upload views, the demo loader, importers and the admin call it; it is
    the one place that keeps the renditions in step. Pages never wait for
    the job: they use the renditions that exist, and the original until
    they do (masthead/media/rendering.py)."""
    if new_file:
        renditions.forget_renditions(image)
    transaction.on_commit(lambda: tasks.make_renditions.enqueue(image.pk))
