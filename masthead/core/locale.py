"""Which content language a reader gets.

Django's ``LocaleMiddleware`` knows a language only when some catalog for
it exists (``check_for_language``): with ``MASTHEAD_LANGUAGES=de,en,yo``,
Yoruba, for which neither Django nor Masthead has one, would have no
``/yo/`` pages at all, and a reader asking for it would get the default
language. Masthead promises any language by settings alone, so it
decides itself, from the content languages (``settings.LANGUAGES``):

1. the address's prefix (``/yo/…``), exactly;
2. at "/", the language cookie (a reader's or editor's own choice), then
   the browser's ``Accept-Language`` in the reader's order, each wanted
   language itself, its base (``de-AT`` → ``de``) or a regional variant
   (``pt`` → ``pt-br``);
3. when none of them is published, the first wanted language whose
   fallback chain (``MASTHEAD_UI_FALLBACKS``, lib/fallbacks.py) reaches
   one: a Romansh reader on a site with ``rm=de`` reads German;
4. else the site's default language.

The rest is Django's middleware, with this choice in its place (Masthead's
addresses always carry the language prefix: ``prefix_default_language``).
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.urls import get_script_prefix, is_valid_path
from django.utils import translation
from django.utils.cache import patch_vary_headers

from masthead.lib.i18n import language_from_path, negotiate


class ReaderLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, choosing among the content languages
    whether or not a catalog exists for them."""

    def process_request(self, request):
        language = language_from_path(request.path_info) or negotiate(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        # Django's, with our language_from_path (Django's does not know a
        # language without a catalog): a 404 without a prefix goes to the
        # negotiated language's address, and what depends on the header
        # says so (Vary).
        language = translation.get_language()
        from_path = language_from_path(request.path_info)
        # (Not an answer that is no page of a language: the WordPress
        # API's JSON 404s, masthead/wpjson/views.py.)
        if (
            response.status_code == 404
            and not from_path
            and not getattr(response, "no_language_redirect", False)
        ):
            redirect = self._to_language_address(request, language)
            if redirect is not None:
                return redirect
        if not from_path:
            patch_vary_headers(response, ("Accept-Language",))
        response.headers.setdefault("Content-Language", language)
        return response

    def _to_language_address(self, request, language):
        urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
        language_path = f"/{language}{request.path_info}"
        path_valid = is_valid_path(language_path, urlconf)
        needs_slash = (
            not path_valid
            and settings.APPEND_SLASH
            and not language_path.endswith("/")
            and is_valid_path(f"{language_path}/", urlconf)
        )
        if not (path_valid or needs_slash):
            return None
        prefix = get_script_prefix()
        address = request.get_full_path(force_append_slash=needs_slash).replace(
            prefix, f"{prefix}{language}/", 1
        )
        redirect = self.response_redirect_class(address)
        patch_vary_headers(redirect, ("Accept-Language", "Cookie"))
        return redirect
