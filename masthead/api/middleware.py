"""The language of the content API's messages: the first language of the
request's ``Accept-Language`` that Masthead ships a catalog for (as the
desk does for its members, masthead/desk/language.py), whatever the
languages the site publishes in; the language cookie is a browser's, not
an integration's, and is not read. Content languages are filters of the
request (``?language=``), not this."""

from django.conf import settings
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header

from masthead.lib.fallbacks import shipped_language

API_PATH = "/api/"


def api_language(request) -> str:
    for wanted, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        if found := shipped_language(wanted):
            return found
    return shipped_language(settings.LANGUAGE_CODE) or "en"


class ApiLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(API_PATH):
            language = api_language(request)
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)
