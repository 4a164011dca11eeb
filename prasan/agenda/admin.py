"""The minister's agenda in the settings pages, read-only: items are worked on their own pages (where the matter's
secrecy and the audit apply); the feed links can be revoked here too."""

from django.contrib import admin

from .models import AgendaFeed


@admin.register(AgendaFeed)
class AgendaFeedAdmin(admin.ModelAdmin):
    list_display = ("user", "created_at", "revoked_at")
    fields = ("user", "created_at", "revoked_at")
    readonly_fields = ("user", "created_at")

    def has_add_permission(self, request):
        return False  # issued by their owner on the agenda's calendar page
