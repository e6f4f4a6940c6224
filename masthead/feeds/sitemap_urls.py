"""Sitemaps live outside the language prefix: one index for all languages."""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path
from django.views.decorators.cache import cache_control

from . import sitemaps

_cache = cache_control(max_age=900, public=True)


def index(request, sitemaps, **kwargs):
    """The sitemap index, listing only the sitemaps that hold addresses: an
    empty urlset is invalid (sitemap.xsd), e.g. for a language without
    articles yet."""
    filled = {name: site for name, site in sitemaps.items() if site.paginator.count}
    return sitemap_views.index(request, filled, **kwargs)


urlpatterns = [
    path(
        "sitemap.xml",
        _cache(index),
        {"sitemaps": sitemaps.sitemaps(), "sitemap_url_name": "sitemap_section"},
        name="sitemap_index",
    ),
    path(
        "sitemap-<section>.xml",
        _cache(sitemap_views.sitemap),
        {"sitemaps": sitemaps.sitemaps()},
        name="sitemap_section",
    ),
    path(
        "news-sitemap.xml",
        _cache(sitemap_views.sitemap),
        {"sitemaps": {"news": sitemaps.NewsSitemap()}, "template_name": "feeds/news_sitemap.xml"},
        name="sitemap_news",
    ),
]
