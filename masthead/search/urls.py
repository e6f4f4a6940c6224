from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "search"

# Path segments are translated ("/de/suche/", "/en/search/").
urlpatterns = [
    path(pgettext_lazy("URL", "search/"), views.results, name="results"),
    path(pgettext_lazy("URL", "search/suggestions/"), views.suggestions, name="suggestions"),
    path(pgettext_lazy("URL", "search/opensearch.xml"), views.opensearch, name="opensearch"),
]
