"""An article's state as the newsroom speaks of it.

The model's statuses are draft, review, published and unpublished; a
published article whose publish time is still to come is "scheduled".
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from masthead.articles.models import Article

DRAFT, REVIEW, SCHEDULED, PUBLISHED, UNPUBLISHED = (
    "draft",
    "review",
    "scheduled",
    "published",
    "unpublished",
)

STATE_LABELS = {
    DRAFT: _("Draft"),
    REVIEW: _("In review"),
    SCHEDULED: _("Scheduled"),
    PUBLISHED: _("Published"),
    UNPUBLISHED: _("Unpublished"),
}


def state_of(article: Article, now=None) -> str:
    if article.status == Article.Status.PUBLISHED:
        if article.publish_at is not None and article.publish_at > (now or timezone.now()):
            return SCHEDULED
        return PUBLISHED
    return article.status
