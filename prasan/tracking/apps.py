from django.apps import AppConfig


class TrackingConfig(AppConfig):
    name = "prasan.tracking"
    verbose_name = "การติดตามงาน"
