from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "prasan.records"
    verbose_name = "การเก็บรักษาและทำลายหนังสือ"
