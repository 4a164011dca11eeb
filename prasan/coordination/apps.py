from django.apps import AppConfig


class CoordinationConfig(AppConfig):
    name = "prasan.coordination"
    verbose_name = "การประสานงาน"
