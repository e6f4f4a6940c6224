"""The newsroom dashboard (/desk/): what needs attention now.

Five short lists, each linking to the editor: articles waiting for review,
the next scheduled articles, the latest public ones, who is editing what
right now (from the editors' autosave heartbeats), and the translations
whose original changed or whose machine text waits for review. Contributors see
only their own articles; administrators also see the webhooks that were
disabled for failing. A fixed number of queries, however many articles.
"""

from datetime import timedelta

from django.db.models import Count, Q
from django.shortcuts import render
from django.utils import timezone

from masthead.accounts import rules
from masthead.articles.models import Article, Autosave
from masthead.translations.models import Segment
from masthead.webhooks.models import Subscription

from .views import desk_view

PANEL_SIZE = 10
PRESENCE_SIZE = 20
# An editor whose page gave a sign of life this recently is "editing".
PRESENCE_WINDOW = timedelta(minutes=2)


def _visible(user, articles):
    """``articles`` as ``user`` may open them: all of them, or their own."""
    if not rules.can(user, rules.VIEW, Article()):
        articles = articles.filter(created_by=user)
    # The rules decide; the filter above only keeps the query small.
    return [a for a in articles[:PANEL_SIZE] if rules.can(user, rules.VIEW, a)]


@desk_view()
def dashboard(request):
    user, now = request.user, timezone.now()
    articles = Article.objects.only(
        "pk", "headline", "language", "status", "publish_at", "modified_at", "created_by_id"
    )
    in_review = _visible(
        user, articles.filter(status=Article.Status.REVIEW).order_by("modified_at", "id")
    )
    scheduled = _visible(
        user,
        articles.filter(status=Article.Status.PUBLISHED, publish_at__gt=now).order_by(
            "publish_at", "id"
        ),
    )
    published = _visible(user, articles.public(now).order_by("-publish_at", "-id"))

    autosaves = (
        Autosave.objects.filter(seen_at__gte=now - PRESENCE_WINDOW)
        .select_related("user", "article")
        .only(
            "seen_at",
            "user__username",
            "article__headline",
            "article__language",
            "article__status",
            "article__publish_at",
            "article__created_by_id",
        )
        .order_by("-seen_at", "-id")
    )
    if not rules.can(user, rules.VIEW, Article()):
        autosaves = autosaves.filter(article__created_by=user)
    editing = [a for a in autosaves[:PRESENCE_SIZE] if rules.can(user, rules.VIEW, a.article)]

    # Translations with work left: the original changed, or a machine's
    # text waits for a person (masthead/translations).
    to_translate = _visible(
        user,
        Article.objects.filter(translation_work__isnull=False)
        .annotate(
            changed=Count(
                "translation_work__segments",
                filter=Q(translation_work__segments__source_changed_at__isnull=False)
                | Q(translation_work__segments__removed=True),
            ),
            machine=Count(
                "translation_work__segments",
                filter=Q(translation_work__segments__state=Segment.State.MACHINE),
            ),
        )
        .filter(Q(changed__gt=0) | Q(machine__gt=0))
        .only("pk", "headline", "language", "status", "publish_at", "created_by_id")
        .order_by("-changed", "-modified_at", "-id"),
    )

    # Webhooks disabled after failing, for those who can enable them again
    # (the administrators are told by e-mail too).
    disabled_webhooks = (
        list(Subscription.objects.filter(active=False).exclude(disabled_reason=""))
        if rules.can(user, rules.MANAGE_USERS)
        else []
    )

    return render(
        request,
        "desk/dashboard.html",
        {
            "nav": "dashboard",
            "disabled_webhooks": disabled_webhooks,
            "now": now,
            "in_review": in_review,
            "scheduled": scheduled,
            "published": published,
            "editing": editing,
            "to_translate": to_translate,
        },
    )
