"""Cached pages as files, for a front-end web server to serve.

A cached hit in Python costs about a millisecond of a worker; a web server
sending a file costs a few microseconds. When ``PAGE_FILES_DIR`` is set,
every page the full-page cache (middleware.py) serves to an anonymous
reader is also written there, with its gzip and Brotli versions, and the
front end (the nginx configuration printed by ``masthead frontend_config``)
sends those files without asking Masthead. A missing file falls through to
Masthead, which renders or serves the page from its own cache and writes
the file for the next reader.

The layout keeps the same correctness rules as the page cache::

    PAGE_FILES_DIR/current/.generation                 (the generation it holds)
    PAGE_FILES_DIR/current/<bucket>/<host>/<path>/index.html[.gz|.br]

* **Changes**: a new content generation (generation.py) renames
  ``current`` away and starts an empty one, so the next request after a
  change misses and gets a fresh page. A page is only written into
  ``current`` while ``.generation`` names the generation it was rendered
  in; a lock (``.lock``, shared by writers, exclusive for the switch)
  makes that check and the write one step, so a slow request that began
  before a change can never put its page among the new ones. (A symlink
  to a folder per generation, switched atomically, could not tell a late
  writer from the old generation that the switch had happened.)
* **Time**: ``<bucket>`` is the Unix time divided by ``BUCKET_SECONDS``;
  the front end looks only in the bucket of the current time, so a file is
  served for at most ``BUCKET_SECONDS`` before Masthead is asked again
  (relative times such as "vor 20 Minuten" stay as fresh as on Masthead's
  own cache). No file is written whose bucket reaches the publish time of
  a scheduled article, so that article appears on time.
* **Readers only**: only anonymous GET requests to the site's own address
  (``SITE_URL``, port included: lib/site.py), answered 200 from the page
  cache, are written; the front end sends requests with a session cookie
  to Masthead. A query string matters only for the parameters the views
  read (``middleware.query_parameters``): the page cache removes the others
  before the view, so ``/de/?utm_source=x`` gets, and writes, the file of
  ``/de/``; the front end sends requests with any of those parameters to
  Masthead and serves the rest from the files.

One machine: ``current`` is switched by the process that makes a change,
and by any Masthead process that sees a new generation in the shared
cache (the page cache hands this module every generation it starts or
finds: ``sync``, ``follow``). Several machines that share one cache but each have their own
``PAGE_FILES_DIR`` switch when their Masthead next sees a request; until
then (at most ``BUCKET_SECONDS``) their front ends may send the previous
pages. Such setups leave ``PAGE_FILES_DIR`` unset, or accept that delay.
"""

import fcntl
import logging
import os
import re
import shutil
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.http.request import split_domain_port

from masthead.lib import site

logger = logging.getLogger(__name__)

# The nginx configuration derives the bucket from $msec by dropping its last
# two integer digits; the two must agree.
BUCKET_SECONDS = 100

# Content type -> file name. The front end tries them in this order and
# takes the type from the extension.
FILE_NAMES = {
    "text/html": "index.html",
    "application/rss+xml": "index.rss",
    "application/atom+xml": "index.atom",
    "application/feed+json": "index.feedjson",
    "application/xml": "index.xml",
}
SAFE_PATH = re.compile(r"^/(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*/?)*$")
SAFE_HOST = re.compile(r"^[a-z0-9][a-z0-9.-]*$")
MARKER = ".generation"  # in ``current``: the generation its pages belong to

# Per process: the bucket whose older siblings this process last removed.
_cleaned = {}


def root() -> Path | None:
    return Path(settings.PAGE_FILES_DIR) if settings.PAGE_FILES_DIR else None


def bucket(now: float | None = None) -> int:
    return int(now if now is not None else time.time()) // BUCKET_SECONDS


def current_number(base: Path) -> str | None:
    try:
        return (base / "current" / MARKER).read_text()
    except OSError:
        return None


def current_marker(base: Path) -> tuple[str, float] | None:
    """The generation ``current`` holds and when it was started."""
    try:
        with open(base / "current" / MARKER) as marker:
            return marker.read(), os.fstat(marker.fileno()).st_mtime
    except OSError:
        return None


@contextmanager
def _locked(base: Path, mode: int):
    base.mkdir(parents=True, exist_ok=True)
    with open(base / ".lock", "a") as lock:
        fcntl.flock(lock, mode)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def sync(generation) -> None:
    """Make ``current`` hold ``generation`` (a generation.Generation): when
    it holds another, rename it away and start an empty one (one atomic
    rename: the front end finds either the old page or none, then Masthead
    renders a fresh one)."""
    base = root()
    if base is None:
        return
    try:
        with _locked(base, fcntl.LOCK_EX):
            if current_number(base) == generation.number:
                return
            fresh = base / f".new-{uuid.uuid4().hex}"
            fresh.mkdir()
            (fresh / MARKER).write_text(generation.number)
            if (base / "current").exists():
                os.rename(base / "current", base / f".old-{uuid.uuid4().hex}")
            os.rename(fresh, base / "current")
    except OSError:
        logger.exception("Could not start the page files of generation %s", generation.number)
        return
    for old in base.glob(".old-*"):
        shutil.rmtree(old, ignore_errors=True)


def follow(generation) -> None:
    """``sync`` when ``current`` holds another generation than
    ``generation``, the one the shared cache holds: a change made on
    another machine. The check reads one small file and takes no lock."""
    base = root()
    if base is not None and current_number(base) != generation.number:
        sync(generation)


def path_for(request, generation, content_type: str, now: float) -> Path | None:
    """Where the front end will look for this request's page, or None when
    the page must not be written as a file. (The page cache has removed
    the query parameters no view reads; any that are left make a page the
    front end never serves from a file.)"""
    base = root()
    if base is None or request.method != "GET" or request.META.get("QUERY_STRING"):
        return None
    if not site.is_site_request(request):
        # nginx files pages under the host without its port: a request for
        # another host or port must never put a page where readers get it.
        return None
    name = FILE_NAMES.get(content_type.split(";")[0].strip())
    path = request.path
    # SAFE_PATH admits no segment that starts with a dot: no "..", no hidden files.
    if name is None or not SAFE_PATH.match(path):
        return None
    host = split_domain_port(request.get_host())[0].lower()
    if not SAFE_HOST.match(host):
        return None
    current = bucket(now)
    if generation.next_publish is not None and generation.next_publish < (
        (current + 1) * BUCKET_SECONDS
    ):
        # The pages change by themselves (a scheduled article goes live, a
        # front-page pin or breaking news ends) before this file would expire.
        return None
    return base / "current" / str(current) / host / path.strip("/") / name


def kept_until(now: float) -> float:
    """The last moment a file written now may be read: the front end
    serves it until its bucket ends, and browsers and shared caches keep
    the copy they got then for as long as its headers let them."""
    keep = max(settings.PAGE_BROWSER_MAX_AGE, settings.PAGE_SHARED_MAX_AGE)
    return (bucket(now) + 1) * BUCKET_SECONDS + keep + settings.PAGE_STALE_WHILE_REVALIDATE


def write(request, page, generation) -> None:
    """Write ``page`` (a middleware.StoredPage) where the front end finds
    it, if ``current`` still holds ``generation``, the one it was rendered in."""
    if page.status != 200:
        return
    now = time.time()
    if page.true_until < kept_until(now):
        # A relative time on it ("vor 5 Minuten") would be read after it
        # stopped being true: Masthead, which knows, serves this page.
        return
    target = path_for(request, generation, page.headers.get("Content-Type", ""), now)
    if target is None:
        return
    base = root()
    if current_number(base) != generation.number or target.exists():
        return  # rendered in a generation that has ended, or written already
    try:
        # Written beside ``current``, moved in under the lock.
        staging = base / f".tmp-{uuid.uuid4().hex}"
        staging.mkdir()
        for suffix, body in (("", page.body), (".gz", page.gzip), (".br", page.br)):
            if body is not None:
                (staging / (target.name + suffix)).write_bytes(body)
                # The file's time is the page's: the front end's Last-Modified.
                os.utime(staging / (target.name + suffix), (page.last_modified,) * 2)
        with _locked(base, fcntl.LOCK_SH):
            # Only into the generation the page was rendered in.
            if current_number(base) == generation.number:
                target.parent.mkdir(parents=True, exist_ok=True)
                for suffix in (".gz", ".br", ""):  # the plain file, which nginx tries, last
                    if (staging / (target.name + suffix)).exists():
                        os.replace(
                            staging / (target.name + suffix), target.with_name(target.name + suffix)
                        )
    except OSError:
        logger.exception("Could not write the page file %s", target)
        return
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    _remove_old_buckets(base / "current", bucket(now))


def _remove_old_buckets(folder: Path, current: int) -> None:
    if _cleaned.get(folder) == current:
        return
    _cleaned.clear()
    _cleaned[folder] = current
    try:
        entries = list(folder.iterdir())
    except OSError:  # switched away meanwhile
        return
    for entry in entries:
        if entry.name.isdigit() and int(entry.name) < current - 1:
            shutil.rmtree(entry, ignore_errors=True)
