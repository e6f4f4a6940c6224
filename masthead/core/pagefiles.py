"""Cached pages as files, for a front-end web server to serve.

A cached hit in Python costs about a millisecond of a worker; a web server
sending a file costs a few microseconds. When ``PAGE_FILES_DIR`` is set,
every page the full-page cache (pagecache.py) serves to an anonymous
reader is also written there, with its gzip and Brotli versions, and the
front end (the nginx configuration printed by ``masthead frontend_config``)
sends those files without asking Masthead. A missing file falls through to
Masthead, which renders or serves the page from its own cache and writes
the file for the next reader.

The layout keeps the same correctness rules as the page cache::

    PAGE_FILES_DIR/current -> gen-<generation>      (a symlink)
    PAGE_FILES_DIR/gen-<generation>/<bucket>/<host>/<path>/index.html[.gz|.br]

* **Changes**: a new content generation (``pagecache.bump``) points
  ``current`` at a new, empty directory in one atomic rename, so the next
  request after a change misses and gets a fresh page.
* **Time**: ``<bucket>`` is the Unix time divided by ``BUCKET_SECONDS``;
  the front end looks only in the bucket of the current time, so a file is
  served for at most ``BUCKET_SECONDS`` before Masthead is asked again
  (relative times such as "vor 20 Minuten" stay as fresh as on Masthead's
  own cache). No file is written whose bucket reaches the publish time of
  a scheduled article, so that article appears on time.
* **Readers only**: only anonymous GET requests without a query string,
  answered 200 from the page cache, are written; the front end sends
  requests with a session cookie to Masthead.

One machine: ``current`` is switched by the process that makes a change,
and by any Masthead process that sees a new generation in the shared
cache. Several machines that share one cache but each have their own
``PAGE_FILES_DIR`` switch when their Masthead next sees a request; until
then (at most ``BUCKET_SECONDS``) their front ends may send the previous
pages. Such setups leave ``PAGE_FILES_DIR`` unset, or accept that delay.
"""

import logging
import os
import re
import shutil
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.http.request import split_domain_port

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

# Per process: the bucket whose older siblings this process last removed.
_cleaned = {}


def root() -> Path | None:
    return Path(settings.PAGE_FILES_DIR) if settings.PAGE_FILES_DIR else None


def bucket(now: float | None = None) -> int:
    return int(now if now is not None else time.time()) // BUCKET_SECONDS


def current_number(base: Path) -> str | None:
    try:
        target = os.readlink(base / "current")
    except OSError:
        return None
    return target.removeprefix("gen-")


def switch(number: str) -> None:
    """Point ``current`` at the directory of generation ``number`` (a new,
    empty one), atomically, and remove the directories of older ones."""
    base = root()
    if base is None or current_number(base) == number:
        return
    try:
        (base / f"gen-{number}").mkdir(parents=True, exist_ok=True)
        link = base / f".current-{uuid.uuid4().hex}"
        os.symlink(f"gen-{number}", link)
        os.replace(link, base / "current")
        for old in base.glob("gen-*"):
            if old.name != f"gen-{number}":
                shutil.rmtree(old, ignore_errors=True)
    except OSError:
        logger.exception("Could not switch the page files to generation %s", number)


def path_for(request, generation, content_type: str, now: float) -> Path | None:
    """Where the front end will look for this request's page, or None when
    the page must not be written as a file."""
    base = root()
    if base is None or request.method != "GET" or request.META.get("QUERY_STRING"):
        return None
    name = FILE_NAMES.get(content_type.split(";")[0].strip())
    path = request.path
    if name is None or not SAFE_PATH.match(path) or "/../" in path or path.endswith("/.."):
        return None
    host = split_domain_port(request.get_host())[0].lower()
    if not SAFE_HOST.match(host):
        return None
    current = bucket(now)
    if generation.next_publish is not None and generation.next_publish < (
        (current + 1) * BUCKET_SECONDS
    ):
        # A scheduled article goes live before this file would expire.
        return None
    return base / f"gen-{generation.number}" / str(current) / host / path.strip("/") / name


def write(request, page, generation) -> None:
    """Write ``page`` (a pagecache.StoredPage) where the front end finds it."""
    if page.status != 200:
        return
    now = time.time()
    target = path_for(request, generation, page.headers.get("Content-Type", ""), now)
    if target is None or target.exists():
        return
    base = root()
    if current_number(base) != generation.number:
        switch(generation.number)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        for suffix, body in (("", page.body), (".gz", page.gzip), (".br", page.br)):
            if body is None:
                continue
            tmp = target.with_name(f".{target.name}{suffix}.{uuid.uuid4().hex}")
            tmp.write_bytes(body)
            # The file's time is the page's: the front end's Last-Modified.
            os.utime(tmp, (page.last_modified, page.last_modified))
            os.replace(tmp, target.with_name(target.name + suffix))
    except OSError:
        logger.exception("Could not write the page file %s", target)
        return
    _remove_old_buckets(base / f"gen-{generation.number}", bucket(now))


def _remove_old_buckets(generation_dir: Path, current: int) -> None:
    if _cleaned.get(generation_dir) == current:
        return
    _cleaned.clear()
    _cleaned[generation_dir] = current
    for entry in generation_dir.iterdir():
        if entry.name.isdigit() and int(entry.name) < current - 1:
            shutil.rmtree(entry, ignore_errors=True)
