from django.apps import AppConfig


class PolicyConfig(AppConfig):
    name = "prasan.policy"
    verbose_name = "ติดตามนโยบายและข้อสั่งการ"

    def ready(self):
        from prasan.coordination import reply_kinds
        from prasan.documents.drafting import PREFILL_SOURCES
        from prasan.matters import work_records

        from .memo import fields_for
        from .models import work_records as records_on_matter
        from .reply import PROGRESS_REPLY

        PREFILL_SOURCES.append(fields_for)
        reply_kinds.register(PROGRESS_REPLY)
        work_records.register(records_on_matter)
