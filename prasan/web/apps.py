from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "prasan.web"
    verbose_name = "หน้าเว็บ"
