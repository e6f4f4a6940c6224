from django.urls import path
from django.utils.translation import pgettext_lazy

from . import corrections, views

app_name = "articles"

# Path segments are translated ("/de/artikel/…", "/en/article/…").
urlpatterns = [
    path("", views.home, name="home"),
    path(pgettext_lazy("URL", "article/<uslug:slug>/"), views.article_detail, name="detail"),
    path(pgettext_lazy("URL", "section/<uslug:slug>/"), views.section_detail, name="section"),
    path(pgettext_lazy("URL", "tag/<uslug:slug>/"), views.tag_detail, name="tag"),
    path(pgettext_lazy("URL", "author/<uslug:slug>/"), views.author_detail, name="author"),
    path(pgettext_lazy("URL", "corrections/"), corrections.correction_list, name="corrections"),
]
