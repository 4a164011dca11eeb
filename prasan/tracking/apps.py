from django.apps import AppConfig


class TrackingConfig(AppConfig):
    name = "prasan.tracking"
    verbose_name = "การติดตามงาน"

    def ready(self):
        from . import signals  # noqa: F401  (connects the assignment notifications)
