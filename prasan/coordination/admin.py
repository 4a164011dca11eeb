from django.contrib import admin

from .models import AgencyRequest


@admin.register(AgencyRequest)
class AgencyRequestAdmin(admin.ModelAdmin):
    list_display = ("matter", "agency", "deadline", "status")
    list_filter = ("status",)
    list_select_related = ("matter", "matter__office", "agency")
    readonly_fields = ("link_version", "link_issued_at", "answered_at", "acknowledged_at")
