from django.apps import AppConfig


class ComplaintImportsConfig(AppConfig):
    name = "prasan.complaints.imports"
    label = "complaints_imports"
    verbose_name = "นำเข้าเรื่องร้องเรียนจาก 1111 และ Traffy Fondue"
