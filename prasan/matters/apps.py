from django.apps import AppConfig


class MattersConfig(AppConfig):
    name = "prasan.matters"
    verbose_name = "เรื่อง"
