from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SectionsConfig(AppConfig):
    name = "masthead.sections"
    label = "sections"
    verbose_name = _("Sections")
