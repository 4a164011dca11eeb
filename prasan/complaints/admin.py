"""Settings pages for complaints: categories, the office's policy, the breach register. Complaints themselves are
worked on their own pages; here the complainant's data is shown only to holders of "เห็นข้อมูลผู้ร้อง"."""

from django.contrib import admin

from .models import Breach, Category, Policy


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ("name", "position", "active", "office")
    list_editable = ("position", "active")
    list_filter = ("active",)


@admin.register(Policy)
class PolicyAdmin(admin.ModelAdmin):
    list_display = ("office", "ack_working_days", "answer_working_days", "retention_years", "lawful_basis")


@admin.register(Breach)
class BreachAdmin(admin.ModelAdmin):
    list_display = ("title", "discovered_at", "risk", "persons_affected", "reported_at")
    list_filter = ("risk",)
    raw_id_fields = ("complaints",)
