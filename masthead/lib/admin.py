"""Admin helpers shared by the apps."""

from typing import Any

from django.contrib.admin.filters import ListFilter
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.http import HttpRequest


class DateFilterChangeList(ChangeList):
    """An admin list with a date filter or hierarchy. Django reads the
    date filter (``?publish_at__year=…``) with ``datetime()``, which a year
    beyond its range fails with OverflowError, or ValueError for the year
    after 9999, outside the check: both are a bad filter (the list says
    so), not a 500. An admin with dates uses it through ``get_changelist``."""

    def get_filters(
        self, request: HttpRequest
    ) -> tuple[list[ListFilter], bool, dict[str, Any], bool, bool]:
        try:
            return super().get_filters(request)
        except (OverflowError, ValueError) as error:
            raise IncorrectLookupParameters(error) from error
