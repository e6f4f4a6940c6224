"""Unlocking in the admin: axes' list of failed attempts ("access
attempts"), where deleting or the "Unlock" action ends a lock through
services.unlock, which writes the audit entry."""

from axes.admin import AccessAttemptAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from masthead.lib.admin import DateFilterChangeList

from . import services

admin.site.unregister(AccessAttempt)
# Masthead keeps neither of axes' logs (AXES_DISABLE_ACCESS_LOG; the audit
# log records sign-ins and failures), so their empty lists would mislead.
admin.site.unregister(AccessLog)
admin.site.unregister(AccessFailureLog)


@admin.register(AccessAttempt)
class LockAdmin(AccessAttemptAdmin):
    actions = ["unlock"]

    def get_changelist(self, request, **kwargs):
        return DateFilterChangeList  # ?attempt_time__year=<huge> is a bad filter, not a 500

    @admin.action(
        description=_("Unlock: forget the selected failed attempts"), permissions=["delete"]
    )
    def unlock(self, request, queryset):
        count = services.unlock(queryset, request.user, request)
        self.message_user(
            request,
            ngettext(
                "Forgot %(count)d record of failed attempts; signing in works again.",
                "Forgot %(count)d records of failed attempts; signing in works again.",
                count,
            )
            % {"count": count},
        )

    def delete_model(self, request, obj):
        services.unlock(AccessAttempt.objects.filter(pk=obj.pk), request.user, request)

    def delete_queryset(self, request, queryset):
        services.unlock(queryset, request.user, request)
