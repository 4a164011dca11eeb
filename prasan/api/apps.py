from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "prasan.api"
    label = "api"
    verbose_name = "API"
