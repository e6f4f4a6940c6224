"""Keep one Django group per role, with the model permissions that the
admin needs (the desk asks masthead.accounts.rules instead).

Connected to ``post_migrate`` in apps.py, like Django's own
``create_permissions``: the permissions exist only after migrating, and
the groups follow this table whenever it changes.
"""

from .roles import Role

TAXONOMY = [
    f"{action}_{model}"
    for model in ("section", "tag", "author")
    for action in ("add", "change", "delete", "view")
]
USERS = [
    f"{action}_{model}"
    for model in ("user", "group")
    for action in ("add", "change", "delete", "view")
]
# Failed sign-in attempts (django-axes): deleting one unlocks (signin/admin.py).
SIGN_IN_LOCKS = ["view_accessattempt", "delete_accessattempt"]

ADMIN_PERMISSIONS = {
    Role.CONTRIBUTOR: [],
    Role.REPORTER: [],
    Role.TRANSLATOR: [],
    Role.EDITOR: TAXONOMY,
    Role.ADMINISTRATOR: TAXONOMY + USERS + SIGN_IN_LOCKS + ["change_rolepolicy", "view_rolepolicy"],
}


def ensure_role_groups(**kwargs) -> None:
    from django.contrib.auth.models import Group, Permission

    from .models import RolePolicy

    for role, codenames in ADMIN_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role.value)
        group.permissions.set(Permission.objects.filter(codename__in=codenames))
        # One policy row per role, for the admin to edit (nothing required by default).
        RolePolicy.objects.get_or_create(role=role.value)
