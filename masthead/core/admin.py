from django.contrib import admin

from masthead.accounts import rules

from .models import AddressWord


@admin.register(AddressWord)
class AddressWordAdmin(admin.ModelAdmin):
    """The words of readers' addresses, now and before, for those who
    manage the settings: read only, since MASTHEAD_URL_WORDS and the
    catalogs decide them (core/addresses.py writes this list)."""

    list_display = ["word", "key", "language", "first_used_at", "retired_at"]
    list_filter = ["language", "key"]
    ordering = ["language", "key", "-first_used_at"]

    def has_module_permission(self, request):
        return rules.can(request.user, rules.MANAGE_USERS)

    def has_view_permission(self, request, obj=None):
        return rules.can(request.user, rules.MANAGE_USERS)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # a former word redirects for good
