"""sitemap.xml (an index of per-language article sitemaps and a sitemap of
sections, authors and home pages) and a Google News sitemap."""

from datetime import timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.utils import timezone

from masthead.articles.models import Article
from masthead.core.navigation import home_url
from masthead.people.models import Author
from masthead.sections.models import Section


class ArticleSitemap(Sitemap):
    """Every public article of one language, split into files of at most
    50,000 URLs. (The pages themselves carry the hreflang alternates.)"""

    limit = 50_000

    def __init__(self, language: str):
        self.language = language

    def items(self):
        return (
            Article.objects.public()
            .in_language(self.language)
            .only("slug", "language", "publish_at", "updated_at", "translation_key")
            .order_by("-publish_at", "-id")
        )

    def location(self, item):
        return item.get_absolute_url()

    def lastmod(self, item):
        return item.last_modified


class PagesSitemap(Sitemap):
    """Home, section and author pages in every language."""

    def items(self):
        pages = [("home", code, None) for code, _ in settings.LANGUAGES]
        for section in Section.objects.all():
            pages += [("section", code, section) for code, _ in settings.LANGUAGES]
        for author in Author.objects.all():
            pages += [("author", code, author) for code, _ in settings.LANGUAGES]
        return pages

    def location(self, item):
        kind, code, obj = item
        if kind == "home":
            return home_url(code)
        return obj.url_in(code)


class NewsSitemap(Sitemap):
    """Google News: public articles of the last 48 hours, at most 1,000."""

    limit = 1000

    def items(self):
        since = timezone.now() - timedelta(hours=48)
        return (
            Article.objects.public()
            .filter(publish_at__gte=since)
            .only("slug", "language", "publish_at", "updated_at", "headline")
            .order_by("-publish_at", "-id")[:1000]
        )

    def location(self, item):
        return item.get_absolute_url()

    def lastmod(self, item):
        return item.last_modified


def sitemaps() -> dict[str, Sitemap]:
    result = {f"articles-{code}": ArticleSitemap(code) for code, _ in settings.LANGUAGES}
    result["pages"] = PagesSitemap()
    return result
