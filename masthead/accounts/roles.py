"""Newsroom roles. A user's roles are Django groups named after them; the
data migration 0001 creates the groups. A superuser holds every role."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CONTRIBUTOR = "contributor", _("Contributor")
    REPORTER = "reporter", _("Reporter")
    EDITOR = "editor", _("Editor")
    TRANSLATOR = "translator", _("Translator")
    ADMINISTRATOR = "administrator", _("Administrator")


def roles_of(user) -> frozenset[str]:
    """The roles of ``user`` (cached on the user object for the request)."""
    if not (user and user.is_authenticated and user.is_active and user.is_staff):
        return frozenset()
    if user.is_superuser:
        return frozenset(Role.values)
    if not hasattr(user, "_masthead_roles"):
        names = user.groups.filter(name__in=Role.values).values_list("name", flat=True)
        user._masthead_roles = frozenset(names)
    return user._masthead_roles
