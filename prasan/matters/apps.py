from django.apps import AppConfig


class MattersConfig(AppConfig):
    name = "prasan.matters"
    verbose_name = "เรื่อง"

    def ready(self):
        from . import access

        access.connect()  # nobody is given a matter past their clearance, whatever the path
