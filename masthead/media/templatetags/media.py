"""Pictures in templates: ``{% picture image "lead" language priority=True %}``.

The markup is made by masthead.media.rendering, which ``render_body`` uses
too, so that every picture on a page is written the same way.
"""

from django import template

from masthead.media import rendering

register = template.Library()


@register.simple_tag
def picture(image, slot, language, *, lazy=True, priority=False, css_class=""):
    """``<picture>`` for ``image`` in ``slot`` ("lead", "body", "full",
    "teaser-lead"), with its alt text in ``language`` (the article's, not
    the page's)."""
    if not image or not image.file:
        return ""
    return rendering.picture_html(
        image,
        slot,
        image.alt_for(language),
        lazy=lazy,
        priority=priority,
        css_class=css_class,
    )


@register.simple_tag
def social_image(image, crop="1.91:1"):
    """``{% social_image article.lead_image as og %}``: the 1,200-pixel
    card (``og.url``, ``og.width``, ``og.height``); None for a picture
    whose file is not fetched yet."""
    return rendering.social_image(image, crop) if image and image.file else None


@register.filter
def alt_in(image, language):
    """``{{ image|alt_in:article.language }}``: the alt text in that language."""
    return image.alt_for(language) if image else ""


@register.filter
def caption_in(image, language):
    """``{{ image|caption_in:article.language }}``: the caption in that language."""
    return image.caption_for(language) if image else ""


@register.filter
def thumbnail_url(image):
    """``{{ image|thumbnail_url }}``: a small copy for the newsroom ("" while
    an imported picture's file is not fetched yet)."""
    return rendering.thumbnail(image).url if image and image.file else ""
