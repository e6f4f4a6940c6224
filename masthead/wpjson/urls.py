"""WordPress's REST API: ``/wp-json/…`` and, per language, ``/de/wp-json/…``.

Outside the language prefixes' patterns (masthead/urls.py): the API
chooses its language itself (views.py says how)."""

from django.urls import re_path

from . import views

app_name = "wpjson"

urlpatterns = [
    re_path(r"^wp-json(?P<route>/.*)?$", views.api, name="api"),
    re_path(
        r"^(?P<language>[a-z]{2,3}(?:-[a-z0-9]{1,8})*)/wp-json(?P<route>/.*)?$",
        views.api,
        name="api_in_language",
    ),
]
