from django.apps import AppConfig


class PublicComplaintsConfig(AppConfig):
    name = "prasan.complaints.public"
    label = "complaints_public"
    verbose_name = "หน้าสาธารณะของเรื่องร้องเรียน"
