from .models import AuditEntry


def record(actor, action: str, article=None, *, ip_address=None, **details) -> AuditEntry:
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
