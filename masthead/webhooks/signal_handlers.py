"""Webhooks hear of every change to an article, whichever path makes it.

Signals rather than calls in each service, for the page cache's reason
(pagecache/signal_handlers.py): the desk, the admin, the API, importers
and the shell must all be caught, and a forgotten call would leave a
receiver with a story the site no longer shows. The content apps know
nothing of webhooks; this app listens to them. What the signals cannot
see is handled where it happens: a scheduled article's time coming (no
row changes then: events.announce_scheduled, a job queued for that time)
and loaders that write without signals (events.announce_published).

Each handler only notes the change (events.note); the events are worked
out once, when the transaction commits, from the state the article had
before it and the state it was saved with.
"""

from django.db.models.signals import post_delete, post_save, pre_save

from masthead.articles.models import Article, Correction

from . import events


def register_signal_handlers() -> None:
    pre_save.connect(article_saving, sender=Article, dispatch_uid="webhooks-article-pre")
    post_save.connect(article_saved, sender=Article, dispatch_uid="webhooks-article")
    post_delete.connect(article_deleted, sender=Article, dispatch_uid="webhooks-article-d")
    post_save.connect(correction_saved, sender=Correction, dispatch_uid="webhooks-correction")


def article_saving(sender, instance, raw=False, using=None, **kwargs):
    """Read the stored state the save replaces (one query by primary key)."""
    instance._webhooks_before = instance._webhooks_seen = None
    if raw or instance.pk is None:
        return
    row = (
        Article.objects.using(using)
        .filter(pk=instance.pk)
        .values_list("status", "publish_at", *events.SEEN_FIELDS)
        .first()
    )
    if row is not None:
        instance._webhooks_before = events.State(*row[:2])
        instance._webhooks_seen = tuple(row[2:])


def article_saved(sender, instance, created=False, raw=False, using=None, **kwargs):
    if raw:
        return
    seen = tuple(getattr(instance, name) for name in events.SEEN_FIELDS)
    events.note(
        using,
        article_id=instance.pk,
        before=None if created else getattr(instance, "_webhooks_before", None),
        after=events.State(instance.status, instance.publish_at),
        update=created or getattr(instance, "_webhooks_seen", None) != seen,
    )


def article_deleted(sender, instance, using=None, **kwargs):
    events.note(
        using,
        article_id=instance.pk,
        before=events.State(instance.status, instance.publish_at),
        deleted=events.deleted_payload(instance),
    )


def correction_saved(sender, instance, created=False, raw=False, using=None, **kwargs):
    if raw or not created:
        return
    article = instance.article
    events.note(
        using,
        article_id=instance.article_id,
        before=events.State(article.status, article.publish_at),
        correction=instance.pk,
    )
