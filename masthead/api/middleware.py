"""The language of the content API's messages: the first language of the
request's ``Accept-Language`` that Masthead ships a catalog for (as the
desk does for its members, masthead/desk/language.py), whatever the
languages the site publishes in; the language cookie is a browser's, not
an integration's, and is not read. Content languages are filters of the
request (``?language=``), not this."""

from django.utils import translation

from masthead.lib.fallbacks import asked_for_language

API_PATH = "/api/"


class ApiLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(API_PATH):
            language = asked_for_language(request)
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)
