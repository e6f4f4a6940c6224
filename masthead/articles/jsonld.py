"""Structured data (schema.org JSON-LD) for article pages."""

from django.conf import settings
from django.templatetags.static import static

from masthead.lib import site
from masthead.media.rendering import structured_data_images


def absolute(request, path: str) -> str:
    """On the site's address, never the request's host (lib/site.py)."""
    return site.absolute_url(path)


def news_article(article, request, *, authors: list, topics: list) -> dict:
    """A schema.org NewsArticle with the properties search engines use;
    ``authors`` in byline order and ``topics`` (tags) as the page shows them."""
    url = absolute(request, article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": article.headline[:110],
        "description": article.search_description,
        "inLanguage": article.language,
        "datePublished": article.publish_at.isoformat() if article.publish_at else None,
        "dateModified": article.last_modified.isoformat() if article.publish_at else None,
        "articleSection": article.section.names.get(article.language) or article.section.name,
        "author": [
            {
                "@type": "Person",
                "name": author.name,
                "url": absolute(request, author.url_in(article.language)),
            }
            for author in authors
        ],
        "publisher": {
            "@type": "NewsMediaOrganization",
            "name": settings.SITE_NAME,
            "url": absolute(request, "/"),
            "logo": {
                "@type": "ImageObject",
                "url": absolute(request, static(settings.PUBLISHER_LOGO)),
                "width": 600,
                "height": 60,
            },
        },
    }
    if article.seo_title:
        data["alternativeHeadline"] = article.seo_title
    tags = [tag.name for tag in topics]
    if tags:
        data["keywords"] = tags
    shown = [i for i in (article.lead_image, article.social_image) if i is not None and i.file]
    if image := next(iter(shown), None):
        # 16:9, 4:3 and 1:1 crops of 1,200 pixels, as Google asks for (the
        # original until the renditions exist).
        data["image"] = [
            {
                "@type": "ImageObject",
                "url": absolute(request, picture.url),
                "width": picture.width,
                "height": picture.height,
            }
            for picture in structured_data_images(image)
        ]
    return data
