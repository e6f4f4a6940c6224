"""What happened to an article, worked out once its transaction commits,
and the events and deliveries that follow.

The signal handlers (signal_handlers.py) note every change of an article
and every new correction as it is saved, with the article's state before
the change; when the transaction commits, :func:`changes_committed` turns
the transaction's notes into at most one event per article (or one per
correction):

- ``article.published``: not public before, public now (or, for an
  article scheduled for later, when its time comes: :func:`announce_scheduled`);
- ``article.unpublished``: public before, not public now;
- ``article.corrected``: a correction added to an article public before
  and after (one event per correction);
- ``article.updated``: public before and after, and saved with a change
  readers see (SEEN_FIELDS);
- ``article.deleted``: deleted while public.

Only what readers could see is announced: a draft's headline never leaves
the site, nor its deletion. A rolled-back transaction announces nothing.
"""

import itertools
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone, translation

from masthead.articles.models import Article, Correction
from masthead.lib.jobs import job, uses_database
from masthead.lib.site import absolute_url
from masthead.lib.transactions import once_on_commit
from masthead.sections.models import Section

from .models import Delivery, Event, EventType, Subscription

logger = logging.getLogger(__name__)

# A save of a public article that changes one of these is an update: what
# readers see of it, on its page, in lists and when it is shared. Not the
# breaking-news banner (the front page's business), not a save that changed
# nothing. Tags and bylines are rows of their own: a save that changes only
# them is no update here.
SEEN_FIELDS = (
    "headline", "kicker", "standfirst", "body", "excerpt", "slug", "section_id",
    "lead_image_id", "seo_title", "seo_description", "social_headline", "social_image_id",
    "updated_at",
)  # fmt: skip

PENDING = "webhooks_pending"
_order = itertools.count()


@dataclass(frozen=True)
class State:
    """What decides whether readers see an article."""

    status: str
    publish_at: datetime | None

    def is_public(self, now: datetime) -> bool:
        return (
            self.status == Article.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= now
        )

    def is_scheduled(self, now: datetime) -> bool:
        return (
            self.status == Article.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at > now
        )


@dataclass(frozen=True)
class Note:
    """One change noted during a transaction. ``before`` is the stored
    state before this change (None for a new article); ``after`` the state
    it saved; ``update`` whether it changed one of SEEN_FIELDS;
    ``correction`` a new correction's id; ``deleted`` the payload of an
    article deleted (its rows are gone at commit)."""

    order: int
    article_id: int
    before: State | None
    after: State | None = None
    update: bool = False
    correction: int | None = None
    deleted: str | None = None


def note(using: str | None, **values) -> None:
    """Remember a change until the transaction commits (at once outside one)."""
    once_on_commit(PENDING, Note(next(_order), **values), changes_committed, using=using)


def changes_committed(notes: Iterable[Note]) -> None:
    """Turn a committed transaction's notes into events. A failure here is
    logged, never raised: the change itself is committed, and the person
    who made it must not be told that it failed."""
    try:
        _announce_changes(sorted(notes, key=lambda n: n.order))
    except Exception:
        logger.exception("Webhook events could not be created")


def _announce_changes(notes: list[Note]) -> None:
    now = timezone.now()
    by_article: dict[int, list[Note]] = {}
    for n in notes:
        by_article.setdefault(n.article_id, []).append(n)
    subscriptions = list(Subscription.objects.filter(active=True))
    # (event type, article id, correction id or None)
    found: list[tuple[str, int, int | None]] = []
    deleted: list[tuple[int, str]] = []
    for article_id, changes in by_article.items():
        first = changes[0].before
        was_public = first is not None and first.is_public(now)
        if gone := next((c for c in changes if c.deleted is not None), None):
            if was_public and gone.deleted:
                deleted.append((article_id, gone.deleted))
            continue
        after = next((c.after for c in reversed(changes) if c.after is not None), None)
        if after is None:  # only corrections: the article itself was not saved
            after = first
        if after is None:
            continue
        if after.is_scheduled(now) and any(
            c.before is None or c.before != c.after for c in changes if c.after is not None
        ):
            _schedule(article_id, after.publish_at)
        if not subscriptions:
            continue
        is_public = after.is_public(now)
        added = [c.correction for c in changes if c.correction is not None]
        if is_public and not was_public:
            found.append((EventType.PUBLISHED, article_id, None))
        elif was_public and not is_public:
            found.append((EventType.UNPUBLISHED, article_id, None))
        elif is_public and added:
            found += [(EventType.CORRECTED, article_id, pk) for pk in added]
        elif is_public and any(c.update for c in changes):
            found.append((EventType.UPDATED, article_id, None))
    if not subscriptions or not (found or deleted):
        return
    articles = Article.objects.select_related("section").in_bulk([a for _, a, _ in found])
    corrections = Correction.objects.in_bulk([c for _, _, c in found if c is not None])
    paths = section_paths()
    with transaction.atomic():
        for event_type, article_id, correction_id in found:
            article = articles.get(article_id)
            if article is None:  # deleted since, by another transaction
                continue
            correction = corrections.get(correction_id) if correction_id else None
            body = payload(article)
            if correction is not None:
                body["correction"] = correction_data(correction)
            _create(event_type, article_id, body, subscriptions, paths, now)
        for article_id, body_text in deleted:
            body = json.loads(body_text)
            _create(EventType.DELETED, article_id, body, subscriptions, paths, now)


def section_paths() -> dict[int, list[int]]:
    """{section id: [its id, its parent's, …, the top section's]} (one query)."""
    parents = dict(Section.objects.values_list("pk", "parent_id"))
    paths = {}
    for pk in parents:
        path, node = [], pk
        while node is not None and node not in path:
            path.append(node)
            node = parents.get(node)
        paths[pk] = path
    return paths


def payload(article: Article) -> dict:
    """The article as events describe it: small and stable (README.md,
    "Webhooks")."""
    section = article.section
    with translation.override(article.language):
        url = absolute_url(article.get_absolute_url())
        section_data = (
            None
            if section is None
            else {
                "id": section.pk,
                "slug": section.slug_in(article.language),
                "name": section.name,
            }
        )
    return {
        "article": {
            "id": article.pk,
            "language": article.language,
            "headline": article.headline,
            "url": url,
            "section": section_data,
            "translation_key": str(article.translation_key),
            "status": article.status,
            "publish_at": article.publish_at.isoformat() if article.publish_at else None,
        }
    }


def correction_data(correction: Correction) -> dict:
    return {
        "id": correction.pk,
        "text": correction.text,
        "created_at": correction.created_at.isoformat(),
    }


def _create(
    event_type: str,
    article_id: int,
    body: dict,
    subscriptions: list[Subscription],
    paths: dict[int, list[int]],
    now: datetime,
) -> Event | None:
    """Store the event and one delivery per subscription that wants it, and
    queue their first tries once this is committed. Nothing when none wants it."""
    data = body["article"]
    section = data["section"]["id"] if data["section"] else None
    path = paths.get(section, [section]) if section is not None else []
    wanted = [s for s in subscriptions if s.wants(event_type, data["language"], path)]
    if not wanted:
        return None
    event = Event(type=event_type, occurred_at=now, article_id=article_id)
    event.headline = data["headline"][:200]
    event.body = json.dumps(
        {
            "id": str(event.id),
            "type": event_type,
            "occurred_at": now.isoformat(),
            **body,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )
    event.save()
    from .delivery import start

    for subscription in wanted:
        start(Delivery.objects.create(event=event, subscription=subscription))
    return event


def deleted_payload(article: Article) -> str:
    """The payload of an article being deleted, made while its rows exist."""
    return json.dumps(payload(article), ensure_ascii=False)


def _schedule(article_id: int, publish_at: datetime | None) -> None:
    """Announce a scheduled article when its time comes: a job that runs
    then and checks again (it may have been unpublished or moved since)."""
    if publish_at is None:
        return
    if not uses_database():
        # Jobs run at once (MASTHEAD_JOBS=immediate): none can wait for a time.
        logger.warning("Scheduled article %s will not be announced by webhooks", article_id)
        return
    announce_scheduled.using(run_after=publish_at).enqueue(article_id, publish_at.isoformat())


@job()
def announce_scheduled(article_id: int, publish_at: str) -> None:
    """The time of a scheduled article has come: announce it as published
    if it still is public at that time and was not announced since."""
    now = timezone.now()
    article = Article.objects.select_related("section").filter(pk=article_id).first()
    if article is None or not article.is_public:
        return
    if article.publish_at != datetime.fromisoformat(publish_at):
        return  # moved to another time: that time's job announces it
    if Event.objects.filter(
        article_id=article_id, type=EventType.PUBLISHED, occurred_at__gte=article.publish_at
    ).exists():
        return
    subscriptions = list(Subscription.objects.filter(active=True))
    if not subscriptions:
        return
    paths = section_paths()
    with transaction.atomic():
        _create(EventType.PUBLISHED, article.pk, payload(article), subscriptions, paths, now)


def announce_published(article_ids: Iterable[int]) -> None:
    """For loaders that write without signals (``bulk_create``): announce
    the public ones of ``article_ids`` as published, and the scheduled ones
    at their time. Call it once their transaction has committed."""
    ids = list(article_ids)
    notes = [
        Note(next(_order), pk, None, State(status, publish_at), update=True)
        for pk, status, publish_at in Article.objects.filter(pk__in=ids).values_list(
            "pk", "status", "publish_at"
        )
    ]
    changes_committed(notes)
