"""Text hygiene: which characters text may hold when it comes in, and how text leaves in spreadsheets.

Invisible control characters arrive by paste (a vertical tab from Word, ESC from a terminal, NUL from
a binary file) and break whatever reads the text later: openpyxl refuses them, so one such title made
every XLSX export holding its row a 500. Input refuses them with a Thai sentence — every Django form's
CharField (its default validator, installed by `install_form_rule` before any form class exists) and
every API input schema (`prasan.api.schemas.In`). Output never trusts the database (rows written before
this rule, by an import or by hand): spreadsheet cells are cleaned as they are written, and a cell that
a spreadsheet would run as a formula is written as text.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible

# C0 controls but tab, LF and CR (a textarea posts CRLF); DEL and C1; lone surrogates (a JSON "\ud800"
# escape makes one, and neither UTF-8 nor XML can hold it); the XML non-characters U+FFFE and U+FFFF.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# What makes Excel, LibreOffice or Google Sheets read a CSV cell as a formula (OWASP's list).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def code(char: str) -> str:
    """How the message names the character: its number, in decimal (no Latin letters on a Thai page)."""
    return f"รหัสอักขระ {ord(char)}"


def message(char: str) -> str:
    return (f"มีอักขระควบคุมที่มองไม่เห็น ({code(char)}) ซึ่งบันทึกไม่ได้ "
            "กรุณาลบออก หรือพิมพ์ข้อความนั้นใหม่แทนการวาง")


def find(value) -> str | None:
    """The first forbidden character in a text, or in the texts of a list or dict (JSON fields), or None."""
    if isinstance(value, str):
        found = CONTROL.search(value)
        return found.group() if found else None
    if isinstance(value, dict):
        value = [*value.keys(), *value.values()]
    if isinstance(value, list | tuple | set | frozenset):
        for item in value:
            if (char := find(item)) is not None:
                return char
    return None


def check(value):
    """For pydantic validators: the value back, or ValueError with a Thai sentence."""
    if (char := find(value)) is not None:
        raise ValueError(message(char))
    return value


@deconstructible
class NoControlCharacters:
    """A Django validator: Django's own ProhibitNullCharactersValidator, widened to every control character."""

    code = "control_character"

    def __call__(self, value):
        if (char := find(value)) is not None:
            raise ValidationError(message(char), code=self.code)

    def __eq__(self, other):
        return isinstance(other, NoControlCharacters)


def install_form_rule() -> None:
    """Every forms.CharField (ModelForm text fields, textareas, the document editor's dynamic forms, JSON
    fields) gets the validator by default. Called while Django loads the apps' configs, before any form
    class is created (fields are built when their form class is); tests/web/test_text_hygiene.py checks
    that no form in the project was built without it."""
    from django import forms

    rule = NoControlCharacters()
    if rule not in forms.CharField.default_validators:
        forms.CharField.default_validators = [*forms.CharField.default_validators, rule]


def clean(text: str) -> str:
    """The text without forbidden characters (a form feed or vertical tab becomes a line break)."""
    return CONTROL.sub("", text.replace("\x0c", "\n").replace("\x0b", "\n"))


# ---- spreadsheets ------------------------------------------------------------------------------------

def csv_cell(value):
    """A CSV cell that no spreadsheet runs as a formula: `=HYPERLINK(…)` → `'=HYPERLINK(…)`."""
    if not isinstance(value, str):
        return value
    value = CONTROL.sub("", value)
    return "'" + value if value.startswith(FORMULA_START) else value


def csv_row(values) -> list:
    return [csv_cell(value) for value in values]


def xlsx_cell(sheet, value, font=None, alignment=None, number_format=None):
    """A cell for `sheet.append` (write-only or not): text is cleaned of what XML cannot hold and typed as
    text, so `=…` is shown, never calculated."""
    from openpyxl.cell import WriteOnlyCell

    text = isinstance(value, str)
    cell = WriteOnlyCell(sheet, value=CONTROL.sub("", value) if text else value)
    if text:
        cell.data_type = "s"
    if font is not None:
        cell.font = font
    if alignment is not None:
        cell.alignment = alignment
    if number_format is not None:
        cell.number_format = number_format
    return cell


def xlsx_row(sheet, values, **style) -> list:
    return [xlsx_cell(sheet, value, **style) for value in values]
