from django.conf import settings
from django.utils.functional import SimpleLazyObject

from masthead.sections.tree import sections_for


def site(request):
    """Site-wide values for every template; the section menu is loaded only
    when a template uses it."""
    return {
        "site_name": settings.SITE_NAME,
        "ui_languages": settings.UI_LANGUAGES,
        "nav_sections": SimpleLazyObject(
            lambda: [s for s in sections_for(request) if s.parent_id is None]
        ),
    }
