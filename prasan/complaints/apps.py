from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "prasan.complaints"
    verbose_name = "เรื่องร้องทุกข์ ร้องเรียน และข้อมูลผู้ร้อง"
