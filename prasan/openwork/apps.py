from django.apps import AppConfig


class OpenWorkConfig(AppConfig):
    name = "prasan.openwork"
    verbose_name = "งานที่ยังไม่ปิดของแต่ละคน"

    def ready(self):
        from . import keeping

        keeping.connect()  # every change to assignments and to open matters keeps the table, in its transaction
