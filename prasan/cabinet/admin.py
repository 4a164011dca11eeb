"""Cabinet meetings in the settings pages, read-mostly: meetings and agenda items are worked on their own pages
(where the matter's secrecy and the audit apply)."""

from django.contrib import admin

from .models import Meeting


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ("meets_at", "number", "location", "province", "status")
    list_filter = ("status", "location")
    date_hierarchy = "meets_at"
    fields = ("meets_at", "number", "location", "province", "venue", "status", "note")

    def has_delete_permission(self, request, obj=None):
        return False  # a meeting with its agenda is the office's record: cancel it instead
