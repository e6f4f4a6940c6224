"""An article's state as the newsroom speaks of it.

The model knows two statuses, draft and published; a published article
whose publish time is still to come is "scheduled".
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from masthead.articles.models import Article

DRAFT, SCHEDULED, PUBLISHED = "draft", "scheduled", "published"

STATE_LABELS = {
    DRAFT: _("Draft"),
    SCHEDULED: _("Scheduled"),
    PUBLISHED: _("Published"),
}


def state_of(article: Article, now=None) -> str:
    if article.status != Article.Status.PUBLISHED:
        return DRAFT
    if article.publish_at is not None and article.publish_at > (now or timezone.now()):
        return SCHEDULED
    return PUBLISHED
