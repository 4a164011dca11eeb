"""Settings pages for parliament's calendar and the office's deadline rules; items are worked on their own pages."""

from django.contrib import admin

from .models import DeadlineRule, Session, Sitting


class SittingInline(admin.TabularInline):
    model = Sitting
    extra = 0
    fields = ("house", "date", "title", "note")


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "starts_on", "ends_on")
    inlines = [SittingInline]


@admin.register(Sitting)
class SittingAdmin(admin.ModelAdmin):
    list_display = ("date", "house", "title", "session")
    list_filter = ("house", "session")
    date_hierarchy = "date"


@admin.register(DeadlineRule)
class DeadlineRuleAdmin(admin.ModelAdmin):
    list_display = ("kind", "basis", "working_days", "active", "citation")
    list_editable = ("basis", "working_days", "active")

    def has_delete_permission(self, request, obj=None):
        return False  # turn a rule off instead: the kinds are fixed
