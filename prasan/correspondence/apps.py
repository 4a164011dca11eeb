from django.apps import AppConfig


class CorrespondenceConfig(AppConfig):
    name = "prasan.correspondence"
    verbose_name = "งานสารบรรณ"
