"""Tags are kept in the admin; posts are written and reviewed on their own pages (workflow and audit there)."""

from django.contrib import admin

from .models import Tag


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ("name",)
    search_fields = ("name", "slug")
