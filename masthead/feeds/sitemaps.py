"""sitemap.xml (an index of per-language article sitemaps and a sitemap of
sections, authors and home pages) and a Google News sitemap."""

from datetime import timedelta
from functools import lru_cache
from urllib.parse import quote

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db import connection
from django.db.models.expressions import RawSQL
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from masthead.articles.alternates import home_url
from masthead.articles.models import Article
from masthead.lib.site import absolute_url
from masthead.lib.text import clean_text
from masthead.people.models import Author
from masthead.sections.models import Section


class IdRangePage:
    def __init__(self, object_list):
        self.object_list = object_list


class IdRangePaginator:
    """File ``K`` of an article sitemap holds the articles with an id in
    ``((K - 1) × per_file, K × per_file]``: each file is one index range,
    however far into the archive (no OFFSET), and it keeps its address as
    articles are added. A file may hold fewer than ``per_file`` addresses
    (drafts, other languages), never more; one without any is a 404."""

    def __init__(self, items, per_file: int):
        self.items = items
        self.per_file = per_file

    def page(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError) as e:
            raise PageNotAnInteger from e
        if number < 1:
            raise EmptyPage
        low = (number - 1) * self.per_file
        articles = list(self.items.filter(pk__gt=low, pk__lte=low + self.per_file))
        if not articles:
            raise EmptyPage
        return IdRangePage(articles)


class SiteSitemap(Sitemap):
    """Addresses on the site's address (lib/site.py), for the language of
    each; Django's Sitemap would put the request's host before them."""

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page, site, protocol)
        for url in urls:
            url["location"] = absolute_url(self.location(url["item"]))
        return urls


class ArticleSitemap(SiteSitemap):
    """Every public article of one language, in files of at most
    ``SITEMAP_ARTICLES_PER_FILE`` addresses (by id range, see
    IdRangePaginator; the index lists only the files that hold any). The
    pages themselves carry the hreflang alternates."""

    def __init__(self, language: str):
        self.language = language

    @property
    def per_file(self) -> int:
        return min(settings.SITEMAP_ARTICLES_PER_FILE, 50_000)  # the protocol's limit

    def public(self):
        return Article.objects.public().in_language(self.language)

    def items(self):
        # Rows, not model instances: building 2,000 instances took a third
        # of a file's time.
        return self.public().values("pk", *LOCATION_FIELDS).order_by("id")

    @property
    def paginator(self):
        return IdRangePaginator(self.items(), self.per_file)

    def files(self) -> list[int]:
        """The numbers of the files that hold at least one article, in one
        statement: from each file's first article, one index lookup finds
        the first article after that file (a loose index scan), so the cost
        grows with the number of files, not of articles."""
        per_file = self.per_file
        # The first public article of the language with an id above the
        # current file, through the one public gate.
        after = RawSQL("files.k * %s", (per_file,))
        first = self.public().filter(pk__gt=after).order_by("pk").values("pk")[:1]
        first_sql, params = first.query.sql_with_params()
        sql = (
            "WITH RECURSIVE files(k) AS ("  # noqa: S608 (the ORM's own SQL; values are parameters)
            " SELECT CAST(0 AS BIGINT)"
            f" UNION ALL SELECT (({first_sql}) - 1) / %s + 1 FROM files WHERE files.k IS NOT NULL"
            ") SELECT k FROM files WHERE k > 0"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, (*params, per_file))
            return [k for (k,) in cursor.fetchall()]

    def location(self, item):
        return article_address(item["language"], item["slug"])

    def lastmod(self, item):
        # As Article.last_modified: the later of the two.
        times = [t for t in (item["publish_at"], item["updated_at"]) if t is not None]
        return max(times, default=None)

    def get_urls(self, page=1, site=None, protocol=None):
        """Each address with its hreflang alternates: the article's public
        versions in the site's other languages, and itself (as the pages
        name them), found for a whole file in one query."""
        urls = super().get_urls(page, site, protocol)
        if not urls:
            return urls
        versions: dict = {}
        # The file's stories, by its id range (a list of 2,000 keys as
        # parameters took a fifth of the file's time to prepare).
        ids = [url["item"]["pk"] for url in urls]
        keys = self.public().filter(pk__gte=min(ids), pk__lte=max(ids)).values("translation_key")
        others = (
            Article.objects.public()
            .in_site_languages()
            .filter(translation_key__in=keys)
            .exclude(language=self.language)
            .values(*LOCATION_FIELDS)
        )
        for other in others:
            versions.setdefault(other["translation_key"], []).append(other)
        order = [code for code, _ in settings.LANGUAGES]
        for url in urls:
            found = versions.get(url["item"]["translation_key"])
            if found:
                url["alternates"] = [
                    {
                        "lang_code": version["language"],
                        "location": absolute_url(
                            article_address(version["language"], version["slug"])
                        ),
                    }
                    for version in sorted(
                        [url["item"], *found], key=lambda a: order.index(a["language"])
                    )
                ]
        return urls


SLUG = "0slug0"


@lru_cache(maxsize=16)
def _address_pattern(language: str) -> str:
    with translation.override(language):
        return reverse("articles:detail", kwargs={"slug": SLUG})


def article_address(language: str, slug: str) -> str:
    """An article's address, as Article.get_absolute_url() gives it, but
    reversed once per language instead of once per article (most of the
    render time of a sitemap file otherwise); addresses differ only in
    the slug."""
    return _address_pattern(language).replace(SLUG, quote(slug))  # as reverse() quotes


LOCATION_FIELDS = ("slug", "language", "publish_at", "updated_at", "translation_key")


class PagesSitemap(SiteSitemap):
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

    def get_urls(self, page=1, site=None, protocol=None):
        """Each page with its hreflang alternates: the same page in every
        language, which are the file's other addresses (items() lists each
        page in every language, in one file: a site has a few hundred)."""
        urls = super().get_urls(page, site, protocol)
        versions: dict = {}
        for url in urls:
            kind, code, obj = url["item"]
            version = {"lang_code": code, "location": url["location"]}
            versions.setdefault((kind, obj.pk if obj else None), []).append(version)
        for url in urls:
            kind, _code, obj = url["item"]
            url["alternates"] = versions[kind, obj.pk if obj else None]
        return urls


class NewsSitemap(SiteSitemap):
    """Google News: public articles of the last 48 hours, at most 1,000."""

    limit = 1000

    def items(self):
        since = timezone.now() - timedelta(hours=48)
        return (
            Article.objects.public()
            .in_site_languages()
            .filter(publish_at__gte=since)
            .only("slug", "language", "publish_at", "updated_at", "headline")
            .order_by("-publish_at", "-id")[:1000]
        )

    def location(self, item):
        return article_address(item.language, item.slug)

    def lastmod(self, item):
        return item.last_modified


URLSET_START = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    ' xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


def urlset_xml(urls: list[dict]) -> str:
    """A sitemap file of ``urls`` (as Sitemap.get_urls gives them), each with
    its lastmod and hreflang alternates. Written here rather than by a
    template: for a file of 2,000 addresses Django's template engine took
    half of the time, and a file on a large archive missed the 50 ms target
    (docs/performance.md, "Sitemaps")."""
    parts = [URLSET_START]
    for url in urls:
        parts.append(f"<url><loc>{_xml(url['location'])}</loc>")
        if lastmod := url.get("lastmod"):
            parts.append(f"<lastmod>{timezone.localtime(lastmod).isoformat()}</lastmod>")
        for alternate in url.get("alternates") or ():
            parts.append(
                f'<xhtml:link rel="alternate" hreflang="{_xml(alternate["lang_code"])}"'
                f' href="{_xml(alternate["location"])}"/>'
            )
        parts.append("</url>\n")
    parts.append("</urlset>\n")
    return "".join(parts)


def _xml(value: str) -> str:
    # Escaped as the template did (autoescape), without the characters XML
    # 1.0 forbids (masthead.lib.text), whatever the database holds.
    return escape(clean_text(str(value)))


def sitemaps() -> dict[str, Sitemap]:
    result = {f"articles-{code}": ArticleSitemap(code) for code, _ in settings.LANGUAGES}
    result["pages"] = PagesSitemap()
    return result
