from django.contrib import admin

from .models import EntryRetention


@admin.register(EntryRetention)
class EntryRetentionAdmin(admin.ModelAdmin):
    """Where the office sets a longer (or permanent) keeping time on a letter than its register's default."""

    list_display = ("entry", "retention", "destroyed_at", "transferred_at")
    list_filter = ("retention",)
    raw_id_fields = ("entry",)
    readonly_fields = ("destroyed_at", "transferred_at")
