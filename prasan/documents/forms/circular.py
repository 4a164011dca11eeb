"""หนังสือเวียน: an external letter sent to many, numbered from the circular register, whose ที่
carries ว before the running number (`ศธ ๐๒๐๑.๑/ว ๑๒`)."""

import re

from .base import FormSpec, register
from .external_letter import FIELDS, context, docx

_CIRCULAR_NUMBER = re.compile(r"/\s*ว\s*\S")


def check(values: dict) -> dict[str, str]:
    number = values.get("doc_number")
    if number and not _CIRCULAR_NUMBER.search(number):
        return {"doc_number": "เลขที่หนังสือเวียนต้องมี “ว” หน้าเลขทะเบียน เช่น ศธ ๐๒๐๑.๑/ว ๑๒"}
    return {}


SPEC = register(FormSpec(
    code="circular",
    title="หนังสือเวียน",
    kind="letter",
    fields=FIELDS,
    context=context,
    docx=docx,
    check=check,
))
