from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from masthead.core import views as core_views

urlpatterns = [
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("", include("masthead.feeds.sitemap_urls")),
    path("desk/", include("masthead.desk.urls")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]
urlpatterns += i18n_patterns(
    path("", include("masthead.feeds.urls")),
    path("", include("masthead.articles.urls")),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler404 = "masthead.core.views.page_not_found"
handler500 = "masthead.core.views.server_error"
