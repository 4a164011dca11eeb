from django.apps import AppConfig


class ParliamentConfig(AppConfig):
    name = "prasan.parliament"
    verbose_name = "งานรัฐสภา (กระทู้ ญัตติ ร่างพระราชบัญญัติ กรรมาธิการ)"
