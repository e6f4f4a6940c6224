"""Shared front caches (Varnish, a CDN), purged by content tags.

With ``FRONT_CACHES`` set, every page the page cache stores carries the
tags of what it shows (lib/tags.py) in the header each front cache reads,
and every change purges the tags it touches from every front cache, as
soon as it is committed, on the machine that made it. So a change is
visible on the next request through any front cache, whichever
application server answers it: the content generation (generation.py)
makes every server render afresh, the purge makes the front caches ask.

What a change purges (``tags_of_change``):

* an article (and its bylines, corrections, pictures, front-page place,
  old addresses): every page of its language, since every article page
  lists the newest five of its language and the lists show its place,
  the pages outside any language (sitemaps, the WordPress API), and the
  pages of other languages that link to it (its translations);
* an author, a topic, a section, a picture: the pages that show it;
* a change without a signal (an import, a restore, ``masthead demo``):
  every page.

A purge that fails (the front cache away, the CDN's API down) is queued
as a job and tried again (lib/jobs.py); meanwhile a front cache keeps a
page no longer than ``PAGE_SHARED_MAX_AGE``. A purge that succeeds is
sent again by a job five seconds later, for a page rendered before the
change that reached the front cache after the first purge. Each kind of front cache is a
small class with the same two methods (``headers``, ``purge``): Varnish
with the xkey module (``masthead frontend_config --varnish`` prints its
configuration), Fastly (surrogate keys), Cloudflare (cache tags) and
CloudFront, which has no tags: it invalidates every path.
"""

import json
import logging
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from urllib.parse import quote

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import timezone

from masthead.lib import tags
from masthead.lib.jobs import job

logger = logging.getLogger(__name__)

# Pages outside any language's address (sitemaps, the WordPress API …).
ANY_LANGUAGE = tags.language_tag("any")
# The second purge of a change: longer than a page takes to render.
AGAIN_AFTER = timedelta(seconds=5)


class PurgeFailed(Exception):
    """A front cache did not confirm the purge."""


def _send(method: str, url: str, headers: dict[str, str], data: bytes | None = None) -> bytes:
    if not url.startswith(("http://", "https://")):
        raise PurgeFailed(f"{url} is not an http(s) address")
    request = urllib.request.Request(url, method=method, headers=headers, data=data)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=settings.FRONT_CACHE_TIMEOUT) as response:  # noqa: S310 (an address the operator set)
            return response.read()
    except urllib.error.HTTPError as error:
        body = error.read()[:500].decode(errors="replace")
        raise PurgeFailed(f"{request.full_url} answered {error.code}: {body}") from error
    except OSError as error:
        raise PurgeFailed(f"{request.full_url}: {error}") from error


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass(frozen=True)
class Varnish:
    """Varnish with the xkey module (Debian's varnish-modules): pages
    carry ``xkey``, a purge is ``PURGE /`` with the tags in ``xkey-purge``
    (the configuration ``masthead frontend_config --varnish`` prints)."""

    url: str  # where Varnish listens, e.g. http://10.0.0.5:6081

    def headers(self, page_tags: list[str]) -> dict[str, str]:
        return {"xkey": " ".join(page_tags)}

    def purge(self, purged: list[str]) -> None:
        for chunk in _chunks(purged, 200):
            _send("PURGE", self.url.rstrip("/") + "/", {"xkey-purge": " ".join(chunk)})


@dataclass(frozen=True)
class Fastly:
    """Fastly: pages carry ``Surrogate-Key`` (Fastly keeps it to itself);
    a purge posts up to 256 keys to the service's purge endpoint."""

    service_id: str

    def headers(self, page_tags: list[str]) -> dict[str, str]:
        return {"Surrogate-Key": " ".join(page_tags)}

    def purge(self, purged: list[str]) -> None:
        url = f"{settings.FASTLY_API_URL}/service/{quote(self.service_id, safe='')}/purge"
        for chunk in _chunks(purged, 256):
            headers = {
                "Fastly-Key": settings.FASTLY_API_TOKEN,
                "Surrogate-Key": " ".join(chunk),
                "Accept": "application/json",
            }
            _send("POST", url, headers)


@dataclass(frozen=True)
class Cloudflare:
    """Cloudflare: pages carry ``Cache-Tag`` (comma-separated; Cloudflare
    keeps it to itself); a purge posts up to 30 tags to the zone's
    ``purge_cache``."""

    zone_id: str

    def headers(self, page_tags: list[str]) -> dict[str, str]:
        return {"Cache-Tag": ",".join(page_tags)}

    def purge(self, purged: list[str]) -> None:
        url = f"{settings.CLOUDFLARE_API_URL}/zones/{quote(self.zone_id, safe='')}/purge_cache"
        for chunk in _chunks(purged, 30):
            headers = {
                "Authorization": f"Bearer {settings.CLOUDFLARE_API_TOKEN}",
                "Content-Type": "application/json",
            }
            answer = _send("POST", url, headers, json.dumps({"tags": chunk}).encode())
            try:
                success = json.loads(answer).get("success")
            except (ValueError, AttributeError):
                success = False
            if success is not True:
                raise PurgeFailed(f"Cloudflare did not purge: {answer[:500]!r}")


@dataclass(frozen=True)
class CloudFront:
    """Amazon CloudFront, which has no tags: every purge invalidates
    ``/*`` (one path, whatever it matches). Credentials as boto3 finds
    them (the AWS_* environment variables, an instance role …)."""

    distribution_id: str

    def headers(self, page_tags: list[str]) -> dict[str, str]:
        return {}

    def purge(self, purged: list[str]) -> None:
        import boto3  # only sites behind CloudFront need it loaded
        from botocore.exceptions import BotoCoreError, ClientError

        client = boto3.client("cloudfront", endpoint_url=settings.CLOUDFRONT_ENDPOINT_URL or None)
        try:
            client.create_invalidation(
                DistributionId=self.distribution_id,
                InvalidationBatch={
                    "Paths": {"Quantity": 1, "Items": ["/*"]},
                    "CallerReference": uuid.uuid4().hex,
                },
            )
        except (BotoCoreError, ClientError) as error:
            raise PurgeFailed(f"CloudFront: {error}") from error


KINDS = {"varnish": Varnish, "fastly": Fastly, "cloudflare": Cloudflare, "cloudfront": CloudFront}

FrontCache = Varnish | Fastly | Cloudflare | CloudFront


def parse(spec: str) -> FrontCache:
    """One entry of ``FRONT_CACHES``: ``<kind>:<where>``.

    >>> parse("varnish:http://10.0.0.5:6081")
    Varnish(url='http://10.0.0.5:6081')
    >>> parse("fastly:SU1Z0isxPaozGVKXdv0eY")
    Fastly(service_id='SU1Z0isxPaozGVKXdv0eY')
    """
    kind, _, where = spec.partition(":")
    if kind not in KINDS or not where:
        raise ValueError(
            f"{spec!r} is not a front cache: write varnish:<address>, fastly:<service id>, "
            "cloudflare:<zone id> or cloudfront:<distribution id>"
        )
    return KINDS[kind](where)


@cache
def front_caches() -> tuple[FrontCache, ...]:
    return tuple(parse(spec) for spec in settings.FRONT_CACHES)


@receiver(setting_changed)
def _forget(setting: str, **kwargs: object) -> None:
    if setting == "FRONT_CACHES":
        front_caches.cache_clear()


def response_headers(page_tags: Iterable[str]) -> dict[str, str]:
    """The headers that tell every front cache the tags of a page."""
    ordered = sorted(page_tags)
    headers: dict[str, str] = {}
    for front_cache in front_caches():
        headers |= front_cache.headers(ordered)
    return headers


def page_tags(language: str | None, shown: Iterable[str]) -> set[str]:
    """The tags a page carries: what it shows, its language (or
    ``ANY_LANGUAGE``), and the tag of every page."""
    return {*shown, tags.language_tag(language) if language else ANY_LANGUAGE, tags.EVERY_PAGE}


def purge(changed: set[str] | None) -> None:
    """Drop from every front cache the pages with any of the tags in
    ``changed`` (None: every page). A front cache that fails gets a job
    that tries again. One that succeeds is purged once more a few seconds
    later (``AGAIN_AFTER``): a page that was being rendered before the
    change, and reaches the front cache after the purge, goes too."""
    purged = sorted(changed) if changed is not None else [tags.EVERY_PAGE]
    if not purged:
        return
    # Jobs that wait for a worker (MASTHEAD_JOBS=database, the default);
    # with jobs run at once there is no later.
    queued = purge_again.get_backend().supports_defer
    for spec, front_cache in zip(settings.FRONT_CACHES, front_caches(), strict=True):
        try:
            front_cache.purge(purged)
        except PurgeFailed as error:
            if queued:
                logger.warning("Purge of %s failed, tried again by a job: %s", spec, error)
                purge_again.enqueue(spec, purged)
            else:
                logger.error("Purge of %s failed (jobs run at once: not tried again): %s",
                             spec, error)  # fmt: skip
        else:
            if queued:
                later = timezone.now() + AGAIN_AFTER
                purge_again.using(run_after=later).enqueue(spec, purged)


@job(retry_seconds=10)
def purge_again(spec: str, purged: list[str]) -> None:
    """A purge sent again: the second of a change, or one that failed
    (and again, by the queue's retries, while it fails)."""
    parse(spec).purge(purged)
