from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "prasan.audit"
    verbose_name = "บันทึกการตรวจสอบ"

    def ready(self):
        from django.contrib.admin.models import LogEntry
        from django.db.models.signals import post_save

        post_save.connect(_admin_change, sender=LogEntry, dispatch_uid="prasan-audit-admin")


def _admin_change(sender, instance, created, **kwargs):
    """Changes made in the admin (configuration) join the same chain as everything else."""
    if not created:
        return
    from .models import record

    action = {1: "admin.add", 2: "admin.change", 3: "admin.delete"}.get(instance.action_flag, "admin.other")
    label = f"{instance.content_type.app_label}.{instance.content_type.model}"
    record(instance.user, action, (label, instance.object_id), object=instance.object_repr,
           change=instance.get_change_message())
