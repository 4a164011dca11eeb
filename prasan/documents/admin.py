from django.contrib import admin

from prasan.matters.admin import NeedToKnowAdmin

from .models import Document, ReviewRoute


@admin.register(ReviewRoute)
class ReviewRouteAdmin(admin.ModelAdmin):
    list_display = ("__str__", "form", "unit")


@admin.register(Document)
class DocumentAdmin(NeedToKnowAdmin):
    list_display = ("title", "form", "status", "version", "matter")
    list_filter = ("form", "status")
    readonly_fields = ("fields", "version", "status", "register_entry", "signed_by", "signed_at", "pdf", "docx")
    list_select_related = ("matter", "matter__office")
