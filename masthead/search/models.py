from django.db import models


class IndexRow(models.Model):
    """A row of the search index, for Django's bookkeeping only.

    The table is written and read with the engines' own SQL (backends.py):
    an FTS5 table on SQLite, a table of tsvectors on PostgreSQL (migration
    0001 makes whichever the database needs). The model exists so that
    Django knows the table is Masthead's: emptying a database (tests,
    ``flush``) empties it with the articles, and PostgreSQL may truncate
    the articles, which it references, only together with it."""

    article = models.OneToOneField(
        "articles.Article",
        primary_key=True,
        on_delete=models.DO_NOTHING,  # the table's own foreign key cascades
        db_column="article_id",
        related_name="+",
    )

    class Meta:
        db_table = "search_index"
        # Read by no one through the ORM (backends.py writes and reads it).
        default_permissions = ()

    def __str__(self) -> str:
        return f"search index row of article {self.pk}"
