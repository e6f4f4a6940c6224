from django.contrib import admin

from .models import RolePolicy


@admin.register(RolePolicy)
class RolePolicyAdmin(admin.ModelAdmin):
    list_display = ["role", "require_two_factor"]
    list_editable = ["require_two_factor"]
    fields = ["role", "require_two_factor"]
    readonly_fields = ["role"]

    def has_add_permission(self, request):
        return False  # one row per role, made by the post_migrate handler

    def has_delete_permission(self, request, obj=None):
        return False
