"""The front page in the editors' hands: pinned places and breaking news.

Each language has its own front page. Its first ``SLOTS`` places can be
held by pins (FrontPageSlot): the lead is place 1. A pin can end at a
time; after it the place goes back to the newest stories. The places no
pin holds take the newest stories, as they always did (articles/views.py
``home``).

Breaking news is an article with ``breaking_until`` in the future: every
public page of its language shows a banner with its headline until then.

The page cache follows at once: a slot is a content model (a change starts
a new generation), and the ends of pins and of breaking news are among
the times at which the generation moves on by itself
(``ArticleQuerySet.next_change_time``).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from masthead.audit.models import AuditEntry
from masthead.audit.services import record

from .models import Article, FrontPageSlot

Action = AuditEntry.Action

# The places of a front page that a pin can hold (1 is the lead).
SLOTS = 5


class NotOnSite(ValueError):
    """Only a published (or scheduled) article can be put on the front page
    or marked as breaking news."""

    def __init__(self, article: Article):
        super().__init__(
            _("“%(headline)s” is not published: publish or schedule it first.")
            % {"headline": article.headline}
        )


def _check_on_site(article: Article) -> None:
    if article.status != Article.Status.PUBLISHED:
        raise NotOnSite(article)


def slots(language: str, now=None) -> list[FrontPageSlot]:
    """The pins of ``language``'s front page that have not lapsed, by place."""
    now = now or timezone.now()
    return [
        slot
        for slot in FrontPageSlot.objects.filter(language=language)
        .select_related("article", "article__section", "created_by")
        .order_by("position")
        if not slot.has_lapsed(now)
    ]


@transaction.atomic
def pin(article: Article, position: int, until=None, user=None) -> FrontPageSlot:
    """Put ``article`` at ``position`` of its language's front page, until
    ``until`` (None: until an editor takes it off). A pin already at that
    place moves one down, and so on; one pushed past the last place is
    taken off. Lapsed pins are cleared on the way."""
    _check_on_site(article)
    if not 1 <= position <= SLOTS:
        raise ValueError(f"position must be between 1 and {SLOTS}")
    now = timezone.now()
    # Lock the language's pins: two editors arranging at once queue up.
    others = list(
        FrontPageSlot.objects.select_for_update()
        .filter(language=article.language)
        .exclude(article=article)
        .order_by("position")
    )
    FrontPageSlot.objects.filter(article=article).delete()
    kept = []
    for slot in others:
        if slot.has_lapsed(now):
            slot.delete()
        else:
            kept.append(slot)
    # Push the pins at and right below the place down, as far as they touch.
    taken = {slot.position: slot for slot in kept}
    moving, place = [], position
    while place in taken:
        moving.append(taken[place])
        place += 1
    for slot in reversed(moving):
        if slot.position + 1 > SLOTS:
            slot.delete()
        else:
            slot.position += 1
            slot.save(update_fields=["position"])
    slot = FrontPageSlot.objects.create(
        article=article, language=article.language, position=position, until=until, created_by=user
    )
    record(
        user,
        Action.FRONT_PAGE,
        article,
        position=position,
        **({"until": until.isoformat()} if until else {}),
    )
    return slot


@transaction.atomic
def unpin(article: Article, user=None) -> bool:
    """Take ``article`` off the front page's pinned places; its place goes
    back to the newest stories. False when it held none."""
    deleted, _rows = FrontPageSlot.objects.filter(article=article).delete()
    if deleted:
        record(user, Action.FRONT_PAGE_REMOVED, article)
    return bool(deleted)


@transaction.atomic
def mark_breaking(article: Article, until, user=None) -> Article:
    """Show ``article`` as breaking news on every page of its language until ``until``."""
    _check_on_site(article)
    if until <= timezone.now():
        raise ValueError("breaking news must end in the future")
    article.breaking_until = until
    article.save(update_fields=["breaking_until"])
    record(user, Action.BREAKING, article, until=until.isoformat())
    return article


@transaction.atomic
def end_breaking(article: Article, user=None) -> Article:
    """End the breaking-news banner of ``article`` now."""
    if article.breaking_until is not None:
        article.breaking_until = None
        article.save(update_fields=["breaking_until"])
        record(user, Action.BREAKING_ENDED, article)
    return article


def clear(article: Article) -> None:
    """An article that leaves the site leaves the front page and the
    banner with it (called by services.unpublish)."""
    FrontPageSlot.objects.filter(article=article).delete()
    if article.breaking_until is not None:
        article.breaking_until = None
        article.save(update_fields=["breaking_until"])
