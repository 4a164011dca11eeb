"""Who may see a document and what they may do with it now: one set of answers for the pages and the API.

A document is seen through its matter (missing and not-to-be-seen are the same 404); editing it is editing
its matter; the review steps belong to the chain's reviewer of the moment; signing to the head and executives.
"""

from django.shortcuts import get_object_or_404

from prasan.accounts.models import Role
from prasan.matters import access as matters_access
from prasan.matters.access import visible_matter

from . import chain, signing
from .models import Document


def visible_document(user, pk) -> Document:
    """The document if its matter is visible to `user`; Http404 otherwise, as for a document that does not exist."""
    document = get_object_or_404(Document.objects.select_related("matter", "matter__office"), pk=pk)
    visible_matter(user, document.matter_id)
    return document


def may_edit_matter(user, document: Document) -> bool:
    """The matter's editors (and the head of office, who dispatches for any unit)."""
    return matters_access.may_edit(user, document.matter) or user.role == Role.HEAD


def may_edit(user, document: Document) -> bool:
    """Change the fields or submit: the matter's editors, while the document is a draft or returned."""
    return matters_access.may_edit(user, document.matter) and document.editable


def actions(user, document: Document) -> dict:
    """What the document page offers `user` now (and the API reports): each at most once."""
    step = document.current_step()
    in_review = step is not None and document.status == Document.Status.IN_REVIEW
    return {
        "step": step,
        "may_submit": may_edit(user, document),
        "may_decide": in_review and chain.may_decide(user, step),
        "may_sign": user.role in signing.SIGNERS and signing.ready_to_sign(document),
        "may_dispatch": bool(document.pdf) and document.status != Document.Status.DISPATCHED
        and may_edit_matter(user, document),
    }
