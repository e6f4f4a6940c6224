"""Sitemaps live outside the language prefix: one index for all languages."""

from django.contrib.sitemaps import views as sitemap_views
from django.contrib.sitemaps.views import SitemapIndexItem
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.cache import cache_control

from masthead.lib.site import absolute_url

from . import sitemaps
from .sitemaps import ArticleSitemap, urlset_xml

_cache = cache_control(max_age=900, public=True)


def index(request, sitemaps, sitemap_url_name):
    """The sitemap index: every file that holds addresses and no other (an
    empty urlset is invalid against sitemap.xsd, e.g. for a language without
    articles yet). Article sitemaps list their filled id ranges, cheaply
    (ArticleSitemap.files); the other sitemaps page as Django's do. No
    lastmod: finding each file's newest change would read every article."""
    files = []
    for name, sitemap in sitemaps.items():
        url = absolute_url(reverse(sitemap_url_name, args=[name]))
        if isinstance(sitemap, ArticleSitemap):
            numbers = sitemap.files()
        else:
            paginator = sitemap.paginator
            numbers = range(1, paginator.num_pages + 1) if paginator.count else []
        files += [SitemapIndexItem(url if n == 1 else f"{url}?p={n}", None) for n in numbers]
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": files}, content_type="application/xml"
    )


@_cache
def sitemap_index(request):
    # The sitemaps of the languages configured now (built per request, not
    # once when the URLconf is imported: cheap, and never a stale list).
    return index(request, sitemaps.sitemaps(), "sitemap_section")


@_cache
def sitemap_file(request, section):
    """Django's sitemap view (paging, 404 for an empty file, Last-Modified),
    its urlset written by ``urlset_xml`` instead of a template."""
    response = sitemap_views.sitemap(request, sitemaps.sitemaps(), section=section)
    response.content = urlset_xml(response.context_data["urlset"])  # and no template rendered
    return response


urlpatterns = [
    path("sitemap.xml", sitemap_index, name="sitemap_index"),
    path("sitemap-<section>.xml", sitemap_file, name="sitemap_section"),
    path(
        "news-sitemap.xml",
        _cache(sitemap_views.sitemap),
        {"sitemaps": {"news": sitemaps.NewsSitemap()}, "template_name": "feeds/news_sitemap.xml"},
        name="sitemap_news",
    ),
]
