from django.apps import AppConfig


class AgendaConfig(AppConfig):
    name = "prasan.agenda"
    verbose_name = "กำหนดการรัฐมนตรี"

    def ready(self):
        from prasan.matters import work_records

        from .models import work_records as records_on_matter

        work_records.register(records_on_matter)
