"""Signals a document's steps send, for those further down the line (tracking tells people)."""

from django.dispatch import Signal

# Sent inside the step's transaction, after the document's new status is saved:
# sender=Document, document=, step= (a name in matters/document_path.PATH), by=, comment=
step_taken = Signal()
