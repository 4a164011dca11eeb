"""Matters in the admin, and the need-to-know rule every admin page of matter-linked rows follows.

The admin is for configuration, but it lists rows: it shows only the rows whose matter the viewer may see
(the same rule as the pages, so the `admin` role, cleared for nothing, sees no secret matter), offers only
those in its pickers, and audits the opening of a secret one like any other read.
"""

from django import forms
from django.contrib import admin

from prasan.audit.models import record

from . import access
from .choices import Secrecy
from .models import Matter, MatterShare


class NeedToKnowAdmin(admin.ModelAdmin):
    """Rows of a model linked to a matter through `matter_path` ("" for the matter itself)."""

    matter_path = "matter"

    def get_queryset(self, request):
        return access.visible_rows(super().get_queryset(request), request.user, self.matter_path)

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)  # None (not found) for a row not visible
        matter = self._matter_of(obj) if obj is not None else None
        if matter is not None and matter.secrecy > Secrecy.NORMAL:
            record(request.user, "matter.read", matter, number=matter.number, purpose="admin",
                   row=f"{obj._meta.label_lower}:{obj.pk}")
        return obj

    def _matter_of(self, obj):
        for name in filter(None, self.matter_path.split("__")):
            obj = getattr(obj, name)
            if obj is None:
                return None
        return obj

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is Matter:
            kwargs["queryset"] = Matter.objects.visible_to(request.user).select_related("office")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ShareForm(forms.ModelForm):
    def clean(self):
        data = super().clean()
        matter, user = self.instance.matter if self.instance.matter_id else None, data.get("user")
        if matter is not None and user is not None:
            try:
                access.require_cleared(matter.secrecy, [user], act="ให้สิทธิ์เข้าถึงเรื่องนี้")
            except access.NotCleared as exc:
                self.add_error("user", exc)
        return data


class ShareInline(admin.TabularInline):
    model = MatterShare
    form = ShareForm
    fk_name = "matter"
    extra = 0
    fields = ("user", "granted_by", "granted_at")
    readonly_fields = ("granted_at",)


class MatterAdminForm(forms.ModelForm):
    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if "secrecy" in self.fields:  # no one classifies past their own clearance, here as on the pages
            self.fields["secrecy"].choices = [c for c in Secrecy.choices if c[0] <= access.reach(user)]

    def clean(self):
        data = super().clean()
        if data.get("secrecy") is not None and data.get("assignees") is not None:
            try:
                access.require_cleared(data["secrecy"], data["assignees"])
            except access.NotCleared as exc:
                self.add_error("assignees", exc)
        return data


@admin.register(Matter)
class MatterAdmin(NeedToKnowAdmin):
    """Configuration view only; the work itself happens on the matter pages."""

    matter_path = ""
    form = MatterAdminForm
    list_display = ("__str__", "duty_type", "state", "urgency", "secrecy", "owner_unit", "internal_deadline")
    list_filter = ("state", "duty_type", "urgency", "secrecy", "owner_unit")
    search_fields = ("title",)
    readonly_fields = ("office", "year", "seq", "state", "created_by", "created_at", "closed_at")
    inlines = [ShareInline]
    list_select_related = ("office", "owner_unit")

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)

        class WithUser(form):
            def __init__(self, *args, **inner):
                super().__init__(*args, user=request.user, **inner)

        return WithUser
