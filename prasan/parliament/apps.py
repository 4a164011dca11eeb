from django.apps import AppConfig


class ParliamentConfig(AppConfig):
    name = "prasan.parliament"
    verbose_name = "งานรัฐสภา (กระทู้ ญัตติ ร่างพระราชบัญญัติ กรรมาธิการ)"

    def ready(self):
        from prasan.documents.drafting import PREFILL_SOURCES
        from prasan.documents.events import step_taken
        from prasan.matters import work_records

        from .drafting import fields_for
        from .following import follow_document
        from .models.items import work_records as records_on_matter

        PREFILL_SOURCES.append(fields_for)
        step_taken.connect(follow_document, dispatch_uid="parliament-follows-its-answer")
        work_records.register(records_on_matter)
