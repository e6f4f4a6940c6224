from typing import Any, Protocol

from django.contrib.auth.models import AnonymousUser, User

from .models import AuditEntry


class Recorded(Protocol):
    """What an entry keeps of an article. A protocol, not the Article model:
    the audit log sits below the articles and never imports them."""

    pk: Any
    headline: str
    language: str


def record(
    actor: User | AnonymousUser | None,
    action: str,
    article: Recorded | None = None,
    *,
    ip_address: str | None = None,
    **details: object,
) -> AuditEntry:
    """Write one audit entry; call it inside the transaction of the change
    it records, so that both are saved or neither. ``ip_address`` is the
    client's, for entries about signing in."""
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        actor_name=actor.get_username() if actor is not None and actor.is_authenticated else "",
        action=action,
        article_id=article.pk if article is not None else None,
        headline=article.headline if article is not None else "",
        language=article.language if article is not None else "",
        details=details,
        ip_address=ip_address,
    )
