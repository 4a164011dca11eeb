"""The audit log in the admin: to read and search, never to add, change or delete.

An event's details may hold a secret matter's title (its creation, an edit): they are shown only to whom may
see that matter, like the matter itself.
"""

from django.contrib import admin

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
    return None


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("created_at", "actor_label", "action", "object_type", "object_id")
    list_filter = ("action", "object_type")
    search_fields = ("object_id", "actor_label")
    date_hierarchy = "created_at"
    fields = ("created_at", "actor", "actor_label", "action", "object_type", "object_id", "details",
              "prev_hash", "hash")
    readonly_fields = fields
    # The log grows without end: no COUNT(*) over all of it on every page.
    show_full_result_count = False

    @admin.display(description="รายละเอียด")
    def details(self, event):
        from prasan.matters.access import may_see

        matter = matter_of_event(event)
        return event.data if matter is None or may_see(getattr(event, "viewer", None), matter) else HIDDEN

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
