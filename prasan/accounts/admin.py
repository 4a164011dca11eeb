from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import ApiToken, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "first_name", "last_name", "role", "unit", "clearance", "is_active")
    list_filter = ("role", "unit", "clearance", "is_active")
    fieldsets = BaseUserAdmin.fieldsets + (
        ("งานในสำนักงาน", {"fields": ("role", "unit", "clearance", "position", "phone", "line_user_id")}),
    )
    add_fieldsets = BaseUserAdmin.add_fieldsets + (
        ("งานในสำนักงาน", {"fields": ("first_name", "last_name", "role", "unit", "clearance")}),
    )


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("user", "name", "prefix", "created_at", "last_used_at", "revoked")
    readonly_fields = ("prefix", "digest", "created_at", "last_used_at")
    list_filter = ("revoked",)
