from django.core.management.base import BaseCommand

from masthead.articles.models import Article
from masthead.importers.management.common import progress_bar
from masthead.search import indexing
from masthead.search.backends import engine


class Command(BaseCommand):
    help = "Build the search index again from every article (searching goes on meanwhile)."

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="Show no progress bar.")

    def handle(self, *args, **options):
        progress = progress_bar(self, enabled=not options["no_progress"], label="Indexing")
        if progress:
            progress.start(Article.objects.count())
        done = 0
        for indexed in indexing.rebuild():
            if progress:
                progress.advance(indexed - done)
            done = indexed
        if progress:
            progress.finish()
        self.stdout.write(f"{engine().count():,} articles in the search index.")
