"""The "Preview links" panel of the editor page (see masthead.desk.previews)."""

from django import template

from masthead.desk import previews

register = template.Library()


@register.inclusion_tag("desk/fragment_preview_links.html", takes_context=True)
def preview_links_panel(context, article):
    """The article's active preview links with their full addresses, and the
    buttons to create and revoke them. Shown only to those who may share
    previews of ``article`` (``allowed.share_preview`` of the editor page)."""
    links = previews.active_links(article)
    return {
        "article": article,
        "links": [(link, previews.url_for(link)) for link in links],
    }
