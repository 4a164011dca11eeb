from django.apps import AppConfig


class ParliamentConfig(AppConfig):
    name = "prasan.parliament"
    verbose_name = "งานรัฐสภา (กระทู้ ญัตติ ร่างพระราชบัญญัติ กรรมาธิการ)"

    def ready(self):
        from prasan.documents.drafting import PREFILL_SOURCES

        from .drafting import fields_for

        PREFILL_SOURCES.append(fields_for)
