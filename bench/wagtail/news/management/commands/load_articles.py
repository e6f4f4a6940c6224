"""Load the articles that bench/wagtail/export.py wrote from Masthead's
benchmark site: a home page (the site's root), one section page per
section, the articles below them with their authors. Prints the path of
the article the benchmark measures."""

import json
from datetime import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page, Site

from news.models import ArticlePage, Author, HomePage, SectionPage


class Command(BaseCommand):
    help = "Load articles exported from Masthead (bench/wagtail/export.py)."

    def add_arguments(self, parser):
        parser.add_argument("path")

    @transaction.atomic
    def handle(self, path, **options):
        with open(path, encoding="utf-8") as f:
            articles = json.load(f)
        root = Page.get_first_root_node()
        for child in root.get_children():  # Wagtail's welcome page
            child.delete()
        home = root.add_child(instance=HomePage(title="Referenz", slug="home"))
        Site.objects.all().delete()
        Site.objects.create(hostname="127.0.0.1", port=80, root_page=home, is_default_site=True)
        sections, authors, measured = {}, {}, None
        for data in sorted(articles, key=lambda a: a["publish_at"]):
            if data["section_slug"] not in sections:
                sections[data["section_slug"]] = home.add_child(
                    instance=SectionPage(title=data["section"], slug=data["section_slug"])
                )
            name = data["author"]
            if name and name not in authors:
                authors[name] = Author.objects.create(name=name)
            page = sections[data["section_slug"]].add_child(
                instance=ArticlePage(
                    title=data["headline"],
                    slug=data["slug"],
                    standfirst=data["standfirst"],
                    body=data["body"],
                    author=authors.get(name),
                    date=datetime.fromisoformat(data["publish_at"]),
                    first_published_at=datetime.fromisoformat(data["publish_at"]),
                    search_description=data["description"],
                )
            )
            if data.get("measured"):
                measured = page
        self.stdout.write(measured.url if measured else "")
