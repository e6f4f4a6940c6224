from django.urls import path
from django.utils.translation import pgettext_lazy

from masthead.lib.urlwords import route

from . import views

app_name = "search"

# Path segments are translated ("/de/suche/", "/en/search/"); the first
# follows the search's word (lib/urlwords.py, MASTHEAD_URL_WORDS).
urlpatterns = [
    path(route("search", pgettext_lazy("URL", "search/")), views.results, name="results"),
    path(
        route("search", pgettext_lazy("URL", "search/suggestions/")),
        views.suggestions,
        name="suggestions",
    ),
    path(
        route("search", pgettext_lazy("URL", "search/opensearch.xml")),
        views.opensearch,
        name="opensearch",
    ),
]
