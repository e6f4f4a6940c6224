"""Sitemaps live outside the language prefix: one index for all languages."""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path
from django.views.decorators.cache import cache_control

from . import sitemaps

_cache = cache_control(max_age=900, public=True)

urlpatterns = [
    path(
        "sitemap.xml",
        _cache(sitemap_views.index),
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
