"""Structured data (schema.org JSON-LD) for article pages."""

from django.conf import settings
from django.templatetags.static import static

from masthead.lib import site
from masthead.media.rendering import structured_data_images


def absolute(request, path: str) -> str:
    """On the site's address, never the request's host (lib/site.py)."""
    return site.absolute_url(path)


def news_article(article, request, *, authors: list, topics: list, translations=()) -> dict:
    """A schema.org NewsArticle with the properties search engines use;
    ``authors`` in byline order and ``topics`` (tags) as the page shows them.
    ``translations``, its other public language versions: the original of
    a translation is its ``translationOfWork``, the versions translated
    from it its ``workTranslation``."""
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
    data.update(_translation_of(article, request, translations))
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


def _translation_of(article, request, translations) -> dict:
    data: dict = {}
    work = [
        {"@type": "NewsArticle", "@id": absolute(request, other.get_absolute_url()),
         "inLanguage": other.language}
        for other in translations
        if other.translated_from == article.language
    ]  # fmt: skip
    if work:
        data["workTranslation"] = work
    if not article.translated_from:
        return data
    original = next((t for t in translations if t.language == article.translated_from), None)
    if original is not None:
        data["translationOfWork"] = {
            "@type": "NewsArticle",
            "@id": absolute(request, original.get_absolute_url()),
            "inLanguage": original.language,
        }
    if article.translator_id:
        translator = article.translator
        data["translator"] = {
            "@type": "Person",
            "name": translator.name,
            "url": absolute(request, translator.url_in(article.language)),
        }
    else:  # translated by the newsroom
        data["translator"] = {"@type": "NewsMediaOrganization", "name": settings.SITE_NAME}
    return data
