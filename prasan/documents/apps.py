from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "prasan.documents"
    verbose_name = "เอกสาร"

    def ready(self):
        from prasan.matters.workflow import DRAFT_CHECKS

        # A document drafted for the matter counts as the draft that `submit` needs.
        DRAFT_CHECKS.append(lambda matter: matter.documents.exists())
