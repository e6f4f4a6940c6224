"""The write path of the media library. The desk calls these; each owns its
transaction and its audit entry, and checks no permission (the caller asks
``masthead.accounts.rules.can`` first).

A stored file and its database row live or die together: the file is
written before the row (the storage checks it is an image, and names it),
so when the row cannot be written the file is deleted again (``add_image``
for its own transaction, ``discard_files`` for a caller's larger one), and
a deleted image's file goes only once the deletion is committed.
"""

import functools
import http.client
import logging
import secrets
import urllib.error
import urllib.request
from collections.abc import Iterable
from pathlib import PureWindowsPath
from typing import Any
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext_lazy as _

from masthead.audit.models import AuditEntry
from masthead.audit.services import record
from masthead.lib import images
from masthead.lib.network import NotPublic, PublicHTTPConnection, PublicHTTPSConnection

from . import renditions, tasks
from .models import Image

logger = logging.getLogger(__name__)

# The longest file name (without the folders) kept for a stored file; the
# full original name is kept up to the column's length.
STORED_NAME_LENGTH = 100

# How long a fetch of an imported picture may wait for the other site, per
# connection and per read (seconds).
FETCH_TIMEOUT = 20


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


# Pictures of another site (an import): a record first, the file later.


class NotWebAddress(ValidationError, ValueError):
    """An address a picture cannot be fetched from (not http or https, or
    too long). A ``ValueError`` too, for callers that ask for no more."""


def _web_address(address: str) -> str:
    """``address`` when it is an absolute http(s) address; else
    ``NotWebAddress``."""
    address = (address or "").strip()
    parts = urlsplit(address)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise NotWebAddress(
            _("“%(address)s” is not a web address (http or https) a picture can be fetched from."),
            code="not_web_address",
            params={"address": address[:200]},
        )
    if len(address) > (Image._meta.get_field("source_address").max_length or 0):
        raise NotWebAddress(
            _("The picture's address is too long to be kept."), code="address_too_long"
        )
    return address


def image_from_address(
    url: str,
    *,
    language: str,
    alt: str = "",
    caption: str = "",
    title: str = "",
    user: Any = None,
) -> Image:
    """The library's image for the picture at ``url`` (another site's, in
    an import): the one already recorded for that address, so that an
    import run again adds nothing, else a new record that points at the
    address, whose file a job fetches once the current transaction is
    committed (``fetch_file``). Until then pages leave the picture out.

    An image found again whose file could not be fetched is tried again
    (the old site may be back). ``alt`` and ``caption`` are in
    ``language``; an image found again gets them in a language it has
    none for (a translation imported later), never over texts the
    newsroom wrote. ``title`` (the other site's name
    for the picture) names it in the library when the address has no
    file name. Raises ``NotWebAddress`` (a ``ValidationError`` and a
    ``ValueError``) for an address that is not http(s)."""
    address = _web_address(url)
    image = Image.objects.filter(source_address=address).first()
    if image is not None:
        if image.fetch_pending and image.fetch_error:
            # Its fetch failed before: an import run again tries once more.
            pk = image.pk
            transaction.on_commit(lambda: tasks.fetch_image.enqueue(pk))
        return _describe_missing(image, language, alt=alt, caption=caption)
    name = unquote(urlsplit(address).path.rstrip("/").rpartition("/")[2])
    image = Image(
        source_address=address,
        original_name=original_name(name if "." in name else (title or name))[:255],
        alt={language: alt.strip()} if alt.strip() else {},
        caption={language: caption.strip()} if caption.strip() else {},
        uploaded_by=user if user is not None and user.is_authenticated else None,
    )
    try:
        with transaction.atomic():
            image.full_clean(exclude=["file", "source_address"])
            image.save()
    except IntegrityError:
        # Recorded at the same moment by another import of the same file.
        found = Image.objects.filter(source_address=address).first()
        if found is None:
            raise
        return _describe_missing(found, language, alt=alt, caption=caption)
    transaction.on_commit(lambda: tasks.fetch_image.enqueue(image.pk))
    return image


def _describe_missing(image: Image, language: str, *, alt: str, caption: str) -> Image:
    changed = []
    for name, text in (("alt", alt.strip()), ("caption", caption.strip())):
        texts = dict(getattr(image, name) or {})
        if text and not texts.get(language):
            texts[language] = text
            setattr(image, name, texts)
            changed.append(name)
    if changed:
        image.save(update_fields=changed)
    return image


class FetchFailed(Exception):
    """The file of an imported picture could not be fetched: ``reason`` is
    an ``Image.FetchError``; ``lasting`` when trying again cannot help (the
    file is too large or not an image)."""

    def __init__(self, reason: str, detail: str, *, lasting: bool = False):
        super().__init__(f"{reason}: {detail}")
        self.reason, self.lasting = reason, lasting


class _WebRedirectsOnly(urllib.request.HTTPRedirectHandler):
    """Follows redirects to http(s) addresses only (urllib would follow
    one to ftp)."""

    def redirect_request(
        self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise urllib.error.HTTPError(newurl, code, "redirect to a non-web address", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class _PublicHTTPHandler(urllib.request.HTTPHandler):
    """Connects to public addresses only (``lib.network``), redirects too."""

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        allow = settings.FETCH_ALLOW_PRIVATE_ADDRESSES
        return self.do_open(functools.partial(PublicHTTPConnection, allow_private=allow), req)


class _PublicHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        allow = settings.FETCH_ALLOW_PRIVATE_ADDRESSES
        return self.do_open(functools.partial(PublicHTTPSConnection, allow_private=allow), req)


def request_address(address: str) -> str:
    """``address`` as it goes over the wire: a host name in IDNA, the rest
    percent-encoded (a WordPress upload named "Zürich Hafen.jpg"), the
    escapes it has kept.

    >>> request_address("https://bücher.example/wp-content/Zürich Hafen.jpg?w=1")
    'https://xn--bcher-kva.example/wp-content/Z%C3%BCrich%20Hafen.jpg?w=1'
    >>> request_address("http://[2001:db8::1]:8080/a.jpg")
    'http://[2001:db8::1]:8080/a.jpg'
    """
    parts = urlsplit(address)
    host = (parts.hostname or "").encode("idna").decode("ascii")
    if ":" in host:  # an IPv6 address keeps its brackets
        host = f"[{host}]"
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit(
        (
            parts.scheme,
            netloc,
            quote(parts.path, safe="/%!$&'()*+,;=:@~"),
            quote(parts.query, safe="/%!$&'()*+,;=:@~?"),
            "",
        )
    )


def download(address: str, *, limit: int | None = None) -> bytes:
    """The bytes at ``address`` (http or https), at most ``limit`` (the
    upload limit, ``MAX_UPLOAD_BYTES``), each wait at most ``FETCH_TIMEOUT``
    seconds. Raises ``FetchFailed``."""
    limit = settings.MAX_UPLOAD_BYTES if limit is None else limit
    try:
        address = _web_address(address)
    except ValidationError as error:
        raise FetchFailed(Image.FetchError.REFUSED, str(error), lasting=True) from None
    try:
        wire = request_address(address)
    except (UnicodeError, ValueError) as error:
        raise FetchFailed(Image.FetchError.UNREACHABLE, repr(error), lasting=True) from None
    opener = urllib.request.build_opener(_WebRedirectsOnly, _PublicHTTPHandler, _PublicHTTPSHandler)
    request = urllib.request.Request(wire, headers={"User-Agent": "Masthead"})  # noqa: S310 (http or https only, checked above and on redirects)
    try:
        with opener.open(request, timeout=FETCH_TIMEOUT) as response:
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > limit:
                raise FetchFailed(Image.FetchError.TOO_LARGE, f"{length} bytes", lasting=True)
            data = response.read(limit + 1)
    except urllib.error.HTTPError as error:
        raise FetchFailed(Image.FetchError.REFUSED, f"HTTP {error.code}") from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, NotPublic):  # also after a redirect: never fetched
            raise FetchFailed(Image.FetchError.REFUSED, str(error.reason), lasting=True) from None
        raise FetchFailed(Image.FetchError.UNREACHABLE, repr(error)) from None
    except (OSError, ValueError) as error:
        raise FetchFailed(Image.FetchError.UNREACHABLE, repr(error)) from None
    if len(data) > limit:
        raise FetchFailed(Image.FetchError.TOO_LARGE, f"more than {limit} bytes", lasting=True)
    return data


def fetch_file(image_id: int) -> bool:
    """Fetch the file of imported picture ``image_id`` from its address
    and store it exactly as an upload is (checked by Pillow, named after
    its format, renditions made by the job queue). True when the picture
    now has its file (or needs none fetched: deleted, or fetched already).

    A failure is noted on the image (``fetch_error``, which the media
    library shows) and raised as ``FetchFailed`` when a later try may
    succeed (the job queue then tries again); False when it cannot."""
    image = Image.objects.filter(pk=image_id).first()
    if image is None or image.file or not image.source_address:
        return True
    try:
        data = download(image.source_address)
        file = ContentFile(data, name=image.original_name or "image")
        try:
            images.check_image(file)
        except ValidationError as error:
            raise FetchFailed(Image.FetchError.NOT_IMAGE, error.messages[0], lasting=True) from None
    except FetchFailed as failure:
        Image.objects.filter(pk=image.pk).update(fetch_error=failure.reason)
        logger.warning(
            "Picture %s not fetched from %s: %s", image.pk, image.source_address, failure
        )
        if failure.lasting:
            return False
        raise
    image.file.save(_stored_name(image.original_name), file, save=False)
    try:
        image.file_size = image.file.size
        with transaction.atomic():
            # Deleted, or fetched by another try, while this one downloaded.
            if not Image.objects.select_for_update().filter(pk=image.pk, file="").exists():
                discard_files([image])
                return True
            image.fetch_error = ""
            image.save(update_fields=["file", "width", "height", "file_size", "fetch_error"])
            image_saved(image)
    except BaseException:
        discard_files([image])
        raise
    return True
