from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "prasan.audit"
    verbose_name = "บันทึกการตรวจสอบ"
