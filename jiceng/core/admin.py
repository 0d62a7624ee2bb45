"""Admin for operators. The audit trail is read-only here; domain records are changed through their services."""

from django.contrib import admin

from .models import Attachment, AuditEvent, CalendarDay, CalendarYear, Notification, WebhookEndpoint


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ("id", "created_at", "actor_name", "action", "object_type", "object_repr", "request_id")
    list_filter = ("action",)
    search_fields = ("object_repr", "actor_name", "request_id", "object_id")


@admin.register(Attachment)
class AttachmentAdmin(ReadOnlyAdmin):
    list_display = ("original_name", "kind", "size", "owner_type", "owner_id", "created_at")


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ("title", "recipient", "kind", "created_at", "read_at")


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(admin.ModelAdmin):
    list_display = ("name", "flavour", "is_active", "last_attempt_at", "last_status_code", "failure_count")
    readonly_fields = ("last_attempt_at", "last_success_at", "last_status_code", "last_error", "failure_count")

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CalendarDay)
class CalendarDayAdmin(ReadOnlyAdmin):
    """Entered through `manage.py calendar_year_set` (the service), never edited here."""

    list_display = ("date", "is_workday", "name")


@admin.register(CalendarYear)
class CalendarYearAdmin(ReadOnlyAdmin):
    list_display = ("year", "source")
