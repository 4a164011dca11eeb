from django.contrib import admin

from prasan.matters.admin import NeedToKnowAdmin

from .models import AgencyRequest


@admin.register(AgencyRequest)
class AgencyRequestAdmin(NeedToKnowAdmin):
    list_display = ("matter", "agency", "deadline", "status")
    list_filter = ("status",)
    list_select_related = ("matter", "matter__office", "agency")
    readonly_fields = ("link_version", "link_issued_at", "answered_at", "acknowledged_at")
