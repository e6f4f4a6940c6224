import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path, register_converter

from masthead.core import security
from masthead.core import views as core_views
from masthead.desk import previews
from masthead.lib.converters import UnicodeSlugConverter

# Slugs in any script (lib/converters.py), before the patterns that use them.
register_converter(UnicodeSlugConverter, "uslug")

urlpatterns = [
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path(settings.CSP_REPORT_PATH.lstrip("/"), security.csp_report, name="csp_report"),
    # A shared preview link: outside the language prefix, in the article's language.
    path("preview/<str:token>/", previews.preview, name="preview_link"),
    path("", include("masthead.feeds.sitemap_urls")),
    path("desk/", include("masthead.desk.urls")),
    # The content API: outside the language prefixes (the language is a
    # filter of the request, and errors follow Accept-Language).
    path("api/v1/", include("masthead.api.urls")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    # WordPress's REST API, read only: /wp-json/… and /<language>/wp-json/….
    path("", include("masthead.wpjson.urls")),
]
urlpatterns += i18n_patterns(
    path("", include("masthead.feeds.urls")),
    path("", include("masthead.articles.urls")),
    path("", include("masthead.search.urls")),
    prefix_default_language=True,
)

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(
            r"^" + re.escape(settings.MEDIA_URL.lstrip("/")) + r"(?P<path>.*)$",
            security.media,
        )
    ]

handler403 = "masthead.accounts.decorators.forbidden"
handler404 = "masthead.core.views.page_not_found"
handler500 = "masthead.core.views.server_error"
