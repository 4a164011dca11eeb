from django.apps import AppConfig


class CabinetConfig(AppConfig):
    name = "prasan.cabinet"
    verbose_name = "ประชุมคณะรัฐมนตรี"
