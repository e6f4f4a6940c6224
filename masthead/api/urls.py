from django.http import JsonResponse
from django.urls import re_path
from django.utils.translation import gettext as _

from .api import api


def not_found(request, rest=""):
    """Any other address under /api/v1/ (a negative id, a typo): a JSON
    404 as the API's own, not the reader site's HTML page."""
    response = JsonResponse(
        {"detail": _("Nothing was found at this address."), "errors": []}, status=404
    )
    response["Cache-Control"] = "no-store"
    return response


app_name = "api"
urlpatterns = [*api.urls[0], re_path(r"^(?P<rest>.*)$", not_found, name="not_found")]
