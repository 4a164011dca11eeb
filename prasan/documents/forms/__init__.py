"""The office's forms and the correspondence regulation's letter kinds; importing this package
registers each in ``FORMS`` (code → FormSpec)."""

from . import (  # noqa: F401  (each module registers its form)
    announcement,
    circular,
    external_letter,
    internal_memo,
    office_memo,
    order,
    parliament_forms,
    ps_memo,
    stamp_letter,
    summary_note,
)
from .base import FORMS, FormError, FormSpec, get_form

__all__ = ["FORMS", "FormError", "FormSpec", "get_form"]
