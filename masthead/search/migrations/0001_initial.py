"""The search index (backends.py): an FTS5 table on SQLite, a table with a
tsvector and GIN indexes on PostgreSQL, written by the engines with their
own SQL (models.IndexRow tells Django the table is there). ``masthead
search_index`` fills it for the articles that are there already."""

import django.db.models.deletion
from django.db import migrations, models

SQLITE = [
    # article_id is the rowid again, for the ORM (models.IndexRow).
    "CREATE VIRTUAL TABLE search_index USING fts5("
    "article_id UNINDEXED, headline, standfirst, body, meta, hparts, parts, words, "
    "tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3 4')",
]
POSTGRES = [
    "CREATE TABLE search_index ("
    "article_id bigint PRIMARY KEY REFERENCES articles_article (id) "
    "ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "
    "document tsvector NOT NULL, words tsvector NOT NULL)",
    "CREATE INDEX search_index_document ON search_index USING gin (document)",
    "CREATE INDEX search_index_words ON search_index USING gin (words)",
]


def create(apps, schema_editor):
    statements = POSTGRES if schema_editor.connection.vendor == "postgresql" else SQLITE
    for statement in statements:
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    schema_editor.execute("DROP TABLE search_index")


class Migration(migrations.Migration):
    dependencies = [("articles", "0014_front_page_one_per_place")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(create, drop)],
            # models.IndexRow: Django knows the table, and empties it with
            # the others (tests, flush).
            state_operations=[
                migrations.CreateModel(
                    name="IndexRow",
                    fields=[
                        (
                            "article",
                            models.OneToOneField(
                                db_column="article_id",
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                primary_key=True,
                                related_name="+",
                                serialize=False,
                                to="articles.article",
                            ),
                        ),
                    ],
                    options={"db_table": "search_index", "default_permissions": ()},
                ),
            ],
        )
    ]
