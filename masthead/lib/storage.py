"""Uploaded media in an S3-compatible bucket (MEDIA_STORAGE=s3).

``S3ImageStorage`` is django-storages' ``S3Storage`` with Masthead's image
checks (``CheckedImagesMixin``) and four rules of its own, the same for
AWS S3, MinIO, Hetzner Object Storage and Cloudflare R2:

- addresses are plain public ones under MEDIA_URL (the media host, a CDN
  or the bucket's own address; settings.py works it out), never signed:
  pages are cached whole and their image addresses must not expire;
- a name is never overwritten (a name in use gets a suffix, as on disk), so
  every file may be cached for a year as immutable (``media_cache_control``);
- the Content-Type comes from the checked extension (``MEDIA_TYPES``),
  never from what a browser said the upload was;
- reading is public through the bucket's policy (README.md, "Media in a
  bucket"), or through a per-file ACL where S3_ACL names one.

Imported only when settings name it, so that a site on disk never loads
boto3.
"""

from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from storages.backends.s3 import S3Storage

from masthead.lib.images import MEDIA_TYPES, CheckedImagesMixin, media_cache_control


class S3ImageStorage(CheckedImagesMixin, S3Storage):
    def get_default_settings(self) -> dict[str, Any]:
        defaults = super().get_default_settings()
        protocol, _, address = settings.MEDIA_URL.partition("//")
        if protocol not in ("http:", "https:") or not address:
            raise ImproperlyConfigured(
                f"Media in a bucket need a full MEDIA_URL (https://…/), not {settings.MEDIA_URL!r}"
            )
        defaults.update(
            custom_domain=address.rstrip("/"),
            url_protocol=protocol,
            querystring_auth=False,
            file_overwrite=False,
        )
        return defaults

    def get_object_parameters(self, name: str) -> dict[str, Any]:
        parameters = super().get_object_parameters(name)
        extension = name.rpartition(".")[2].lower()
        if media_type := MEDIA_TYPES.get(extension):
            parameters["ContentType"] = media_type
        else:
            # Not written by Masthead (uploads are checked): never shown inline.
            parameters["ContentType"] = "application/octet-stream"
            parameters["ContentDisposition"] = "attachment"
        parameters["CacheControl"] = media_cache_control()
        return parameters
