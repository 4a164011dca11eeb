from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "prasan.documents"
    verbose_name = "เอกสาร"

    def ready(self):
        from prasan.matters import document_path
        from prasan.matters.workflow import DRAFT_CHECKS

        from .models import holds

        # A document drafted for the matter counts as the draft that `submit` needs.
        DRAFT_CHECKS.append(lambda matter: matter.documents.exists())
        document_path.HAS_DOCUMENTS.append(lambda matter: matter.documents.exists())
        document_path.HOLDS.append(holds)
