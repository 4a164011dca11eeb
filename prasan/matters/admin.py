from django.contrib import admin

from .models import Matter, MatterShare


class ShareInline(admin.TabularInline):
    model = MatterShare
    fk_name = "matter"
    extra = 0
    fields = ("user", "granted_by", "granted_at")
    readonly_fields = ("granted_at",)


@admin.register(Matter)
class MatterAdmin(admin.ModelAdmin):
    """Configuration view only; the work itself happens on the matter pages."""

    list_display = ("__str__", "duty_type", "state", "urgency", "secrecy", "owner_unit", "internal_deadline")
    list_filter = ("state", "duty_type", "urgency", "secrecy", "owner_unit")
    search_fields = ("title",)
    readonly_fields = ("office", "year", "seq", "state", "created_by", "created_at", "closed_at")
    inlines = [ShareInline]
    list_select_related = ("office", "owner_unit")
