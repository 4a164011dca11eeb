from django.contrib import admin

from .models import EntryRetention, SecretDestruction


@admin.register(EntryRetention)
class EntryRetentionAdmin(admin.ModelAdmin):
    """Where the office sets a longer (or permanent) keeping time on a letter than its register's default."""

    list_display = ("entry", "retention", "destroyed_at", "transferred_at")
    list_filter = ("retention",)
    raw_id_fields = ("entry",)
    readonly_fields = ("destroyed_at", "transferred_at")


@admin.register(SecretDestruction)
class SecretDestructionAdmin(admin.ModelAdmin):
    """Read-only: a destruction is proposed, approved and recorded on its own pages (audited there), and the
    administrator sees only those his clearance reaches."""

    list_display = ("__str__", "status", "secrecy", "proposed_at", "destroyed_on")
    readonly_fields = [f.name for f in SecretDestruction._meta.fields] + ["committee"]

    def get_queryset(self, request):
        from prasan.matters.access import reach

        return super().get_queryset(request).filter(secrecy__lte=reach(request.user))

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
