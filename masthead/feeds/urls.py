from django.urls import path
from django.utils.translation import pgettext_lazy

from masthead.lib.urlwords import route

from . import feeds

app_name = "feeds"

# The path segments follow the pages they belong to ("/de/rubrik/welt/feed/rss/"),
# and so does their first word (lib/urlwords.py, MASTHEAD_URL_WORDS).
urlpatterns = [
    path("feed/rss/", feeds.LatestArticlesRss(), name="rss"),
    path("feed/atom/", feeds.LatestArticlesAtom(), name="atom"),
    path("feed.json", feeds.LatestArticlesJson(), name="json"),
    path(
        route("section", pgettext_lazy("URL", "section/<uslug:slug>/feed/rss/")),
        feeds.SectionRss(),
        name="section_rss",
    ),
    path(
        route("section", pgettext_lazy("URL", "section/<uslug:slug>/feed/atom/")),
        feeds.SectionAtom(),
        name="section_atom",
    ),
    path(
        route("section", pgettext_lazy("URL", "section/<uslug:slug>/feed.json")),
        feeds.SectionJson(),
        name="section_json",
    ),
    path(
        route("topic", pgettext_lazy("URL", "tag/<uslug:slug>/feed/rss/")),
        feeds.TagRss(),
        name="tag_rss",
    ),
    path(
        route("topic", pgettext_lazy("URL", "tag/<uslug:slug>/feed/atom/")),
        feeds.TagAtom(),
        name="tag_atom",
    ),
    path(
        route("topic", pgettext_lazy("URL", "tag/<uslug:slug>/feed.json")),
        feeds.TagJson(),
        name="tag_json",
    ),
    path(
        route("author", pgettext_lazy("URL", "author/<uslug:slug>/feed/rss/")),
        feeds.AuthorRss(),
        name="author_rss",
    ),
    path(
        route("author", pgettext_lazy("URL", "author/<uslug:slug>/feed/atom/")),
        feeds.AuthorAtom(),
        name="author_atom",
    ),
    path(
        route("author", pgettext_lazy("URL", "author/<uslug:slug>/feed.json")),
        feeds.AuthorJson(),
        name="author_json",
    ),
]
