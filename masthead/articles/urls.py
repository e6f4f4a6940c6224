from django.urls import path
from django.utils.translation import pgettext_lazy

from masthead.lib.urlwords import route

from . import corrections, views

app_name = "articles"

# Path segments are translated ("/de/artikel/…", "/en/article/…"); each
# page's word can be set per language (lib/urlwords.py, MASTHEAD_URL_WORDS).
urlpatterns = [
    path("", views.home, name="home"),
    path(
        route("article", pgettext_lazy("URL", "article/<uslug:slug>/")),
        views.article_detail,
        name="detail",
    ),
    path(
        route("section", pgettext_lazy("URL", "section/<uslug:slug>/")),
        views.section_detail,
        name="section",
    ),
    path(route("topic", pgettext_lazy("URL", "tag/<uslug:slug>/")), views.tag_detail, name="tag"),
    path(
        route("author", pgettext_lazy("URL", "author/<uslug:slug>/")),
        views.author_detail,
        name="author",
    ),
    path(
        route("corrections", pgettext_lazy("URL", "corrections/")),
        corrections.correction_list,
        name="corrections",
    ),
]
