from django.apps import AppConfig


class PolicyConfig(AppConfig):
    name = "prasan.policy"
    verbose_name = "ติดตามนโยบายและข้อสั่งการ"

    def ready(self):
        from prasan.coordination import reply_kinds
        from prasan.documents.drafting import PREFILL_SOURCES

        from .memo import fields_for
        from .reply import PROGRESS_REPLY

        PREFILL_SOURCES.append(fields_for)
        reply_kinds.register(PROGRESS_REPLY)
