"""The language of the newsroom's screens.

Readers get the content language of the page (its address says which:
``/de/…``, Django's ``LocaleMiddleware``). The desk and the admin speak the
language each member of the newsroom chose in the desk's menu (Django's
``set_language`` view keeps it in the language cookie), else the first
their browser asks for, among ``settings.UI_LANGUAGES``: every language
Masthead ships a catalog for, which may be more than the site publishes
in (a French-speaking editor on a German site).
"""

from django.conf import settings
from django.utils import translation

from masthead.lib.fallbacks import asked_for_language, shipped_language

# The addresses of the newsroom's screens (masthead/urls.py).
NEWSROOM_PATHS = ("/desk/", "/admin/")


def newsroom_language(request) -> str:
    chosen = shipped_language(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))
    if chosen:
        return chosen
    return asked_for_language(request)


class NewsroomLanguageMiddleware:
    """Activates the newsroom member's language on the desk and the admin
    (after LocaleMiddleware, which knows only the content languages)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(NEWSROOM_PATHS):
            language = newsroom_language(request)
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)
