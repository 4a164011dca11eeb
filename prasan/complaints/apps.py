from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "prasan.complaints"
    verbose_name = "เรื่องร้องทุกข์ ร้องเรียน และข้อมูลผู้ร้อง"

    def ready(self):
        from prasan.matters import work_records

        from .models import work_records as records_on_matter

        work_records.register(records_on_matter)
