"""The segments of every translation follow their source, whichever path
changed it (desk, API, admin, an import): when the source's transaction
commits, its translations are brought in step (services.sync_source).
Signals, as the page cache and the search index follow articles
(pagecache/signal_handlers.py says why)."""

from django.db.models.signals import post_delete, post_save

from masthead.articles.models import Article, Correction
from masthead.lib.transactions import once_on_commit


def register_signal_handlers() -> None:
    post_save.connect(article_saved, sender=Article, dispatch_uid="translations-source")
    post_save.connect(correction_saved, sender=Correction, dispatch_uid="translations-correction")
    post_delete.connect(
        correction_saved, sender=Correction, dispatch_uid="translations-correction-d"
    )


def article_saved(sender, instance, created=False, raw=False, using=None, **kwargs):
    if created or raw:
        return
    once_on_commit("translations_pending", instance.pk, sync_sources, using=using)


def correction_saved(sender, instance, raw=False, using=None, **kwargs):
    if not raw:
        once_on_commit("translations_pending", instance.article_id, sync_sources, using=using)


def sync_sources(ids: set) -> None:
    from .models import Translation
    from .services import sync

    for translation in Translation.objects.filter(source_id__in=ids).select_related("source"):
        sync(translation)
