"""The audit log in the admin: to read and search, never to add, change or delete; in Thai throughout.

An event's details may hold a secret matter's title (its creation, an edit): they are shown only to whom may
see that matter, like the matter itself.
"""

from django.apps import apps
from django.contrib import admin
from django.utils.html import format_html_join

from .labels import action_label, data_lines
from .models import AuditEvent

HIDDEN = "(ซ่อนรายละเอียด: เป็นเรื่องชั้นความลับที่ท่านไม่มีสิทธิ์เข้าถึง)"


def matter_of_event(event):
    """The matter an event tells of (itself, or the document it is about), or None."""
    from prasan.documents.models import Document
    from prasan.matters.models import Matter

    if not event.object_id.isdigit():
        return None
    if event.object_type == "matters.matter":
        return Matter.objects.filter(pk=event.object_id).first()
    if event.object_type == "documents.document":
        document = Document.objects.select_related("matter").filter(pk=event.object_id).first()
        return document.matter if document else None
    if event.object_type == "parliament.item":
        from prasan.parliament.models import Item

        item = Item.objects.select_related("matter").filter(pk=event.object_id).first()
        return item.matter if item else None
    return None


def _events() -> dict[str, str]:
    from prasan.matters.workflow import (
        EVENT_LABELS,  # the admin sits above matters; the log itself does not
    )

    return EVENT_LABELS


def type_label(object_type: str) -> str:
    """The model's Thai name for `app.model`; other labels (a list, a file) as recorded."""
    try:
        return str(apps.get_model(object_type)._meta.verbose_name)
    except (LookupError, ValueError):
        return {"matters": "ทะเบียนเรื่อง"}.get(object_type, object_type)


class _ActionFilter(admin.SimpleListFilter):
    title = "การกระทำ"
    parameter_name = "action"

    def lookups(self, request, model_admin):
        codes = AuditEvent.objects.order_by().values_list("action", flat=True).distinct()[:200]
        events = _events()
        return sorted(((code, action_label(code, events)) for code in codes), key=lambda pair: pair[1])

    def queryset(self, request, queryset):
        return queryset.filter(action=self.value()) if self.value() else queryset


class _TypeFilter(admin.SimpleListFilter):
    title = "ชนิด"
    parameter_name = "object_type"

    def lookups(self, request, model_admin):
        types = AuditEvent.objects.order_by().values_list("object_type", flat=True).distinct()[:200]
        return sorted(((code, type_label(code)) for code in types), key=lambda pair: pair[1])

    def queryset(self, request, queryset):
        return queryset.filter(object_type=self.value()) if self.value() else queryset


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("created_at", "who", "what", "kind", "object_id")
    list_filter = (_ActionFilter, _TypeFilter)
    search_fields = ("object_id", "actor_label")
    date_hierarchy = "created_at"
    list_select_related = ("actor",)
    fields = ("created_at", "who", "what", "kind", "object_id", "details", "prev_hash", "hash")
    readonly_fields = fields
    # The log grows without end: no COUNT(*) over all of it on every page.
    show_full_result_count = False

    @admin.display(description="ผู้กระทำ", ordering="actor_label")
    def who(self, event):
        return str(event.actor) if event.actor else event.actor_label

    @admin.display(description="การกระทำ", ordering="action")
    def what(self, event):
        return action_label(event.action, _events())

    @admin.display(description="ชนิด", ordering="object_type")
    def kind(self, event):
        return type_label(event.object_type)

    @admin.display(description="รายละเอียด")
    def details(self, event):
        from prasan.matters.access import may_see

        matter = matter_of_event(event)
        if matter is not None and not may_see(getattr(event, "viewer", None), matter):
            return HIDDEN
        return format_html_join("", "<div>{}: {}</div>", data_lines(event.data)) or "-"

    def get_object(self, request, object_id, from_field=None):
        event = super().get_object(request, object_id, from_field)
        if event is not None:
            event.viewer = request.user  # the event's own copy: the admin instance is shared by every request
        return event

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
