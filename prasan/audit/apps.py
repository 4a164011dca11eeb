from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "prasan.audit"
    verbose_name = "บันทึกการตรวจสอบ"

    def ready(self):
        from django.contrib.admin.models import LogEntry
        from django.db.models.signals import post_save

        post_save.connect(_admin_change, sender=LogEntry, dispatch_uid="prasan-audit-admin")
        _audit_bulk_admin_log()


def _admin_change(sender, instance, created, **kwargs):
    """Changes made in the admin (configuration) join the same chain as everything else."""
    if not created:
        return
    from .models import record

    action = {1: "admin.add", 2: "admin.change", 3: "admin.delete"}.get(instance.action_flag, "admin.other")
    label = f"{instance.content_type.app_label}.{instance.content_type.model}"
    record(instance.user, action, (label, instance.object_id), object=instance.object_repr,
           change=instance.get_change_message())


def _audit_bulk_admin_log():
    """Bulk admin actions (deleting several rows) write their log with bulk_create, which sends no
    post_save; they join the chain here, one event per row."""
    from django.contrib.admin.models import LogEntry, LogEntryManager

    if getattr(LogEntryManager.log_actions, "prasan_audited", False):
        return
    original = LogEntryManager.log_actions

    def log_actions(self, user_id, queryset, action_flag, change_message="", *, single_object=False):
        result = original(self, user_id, queryset, action_flag, change_message, single_object=single_object)
        entries = result if isinstance(result, list) else []
        if len(entries) > 1:
            for entry in entries:
                _admin_change(LogEntry, entry, True)
        return result

    log_actions.prasan_audited = True
    LogEntryManager.log_actions = log_actions
