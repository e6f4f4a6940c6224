"""The index gained compound keys (analysis.compound_key): a site indexed
before them finds a typed compound inside other compounds again once its
articles are indexed again, which the job queue does (a worker beside the
server, or `masthead search_index` at once)."""

from django.db import migrations

BATCH = 1000


def reindex(apps, schema_editor):
    from masthead.search.indexing import reindex_articles

    Article = apps.get_model("articles", "Article")
    ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        reindex_articles.enqueue(ids[start : start + BATCH])


class Migration(migrations.Migration):
    # The job queue's table must be there.
    dependencies = [
        ("search", "0001_initial"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(reindex, migrations.RunPython.noop)]
