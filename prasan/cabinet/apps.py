from django.apps import AppConfig


class CabinetConfig(AppConfig):
    name = "prasan.cabinet"
    verbose_name = "ประชุมคณะรัฐมนตรี"

    def ready(self):
        from prasan.matters import work_records

        from .models.agenda import work_records as records_on_matter

        work_records.register(records_on_matter)
