from django.contrib import admin

from .models import Agency, Contact, Office, Unit


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("name", "abbreviation", "parent", "phone", "email", "active")
    list_filter = ("active",)
    search_fields = ("name", "abbreviation")
    inlines = [ContactInline]


admin.site.register(Office)
admin.site.register(Unit)
