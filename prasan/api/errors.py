"""Turning every refusal into one JSON shape: a Thai `detail` sentence and, for bad input, per-field Thai errors."""

from ninja.errors import ValidationError

INVALID = "ข้อมูลไม่ถูกต้อง"

# Where pydantic puts the value; not part of the field name the caller wrote.
_SOURCES = {"body", "query", "path", "header", "cookie", "form", "file"}

# Ninja's own English refusals, in Thai.
NINJA_MESSAGES = {
    "Cannot parse request body": "อ่านข้อมูล JSON ไม่ได้ กรุณาตรวจสอบรูปแบบ JSON",
    "Too many requests.": "เรียกใช้บ่อยเกินไป กรุณารอสักครู่แล้วลองใหม่",
    "CSRF check Failed": "การตรวจสอบ CSRF ไม่ผ่าน",
}



def thai(message: str) -> str:
    """Ninja's message in Thai (under DEBUG ninja appends the parser's reason, so match the start)."""
    return next((th for en, th in NINJA_MESSAGES.items() if message.startswith(en)), message)


_DATE_HINT = "วันที่ไม่ถูกต้อง (ใช้รูปแบบ ISO ปี ค.ศ. เช่น 2026-03-31)"
_DATETIME_HINT = "วันเวลาไม่ถูกต้อง (ใช้รูปแบบ ISO 8601 เช่น 2026-03-31T09:30:00+07:00)"


def _message(error: dict) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "ต้องระบุ"
    if kind == "literal_error":
        return f"ต้องเป็นหนึ่งใน {str(ctx.get('expected', '')).replace(' or ', ', ')}".strip()
    if kind == "value_error":
        # Our validators raise ValueError with a Thai sentence.
        return str(ctx.get("error") or error.get("msg", "")).removeprefix("Value error, ")
    if kind == "prasan":
        return error.get("msg", "")
    if kind == "string_type":
        return "ต้องเป็นข้อความ"
    if kind == "string_too_short":
        return "ต้องไม่เว้นว่าง"
    if kind == "string_too_long":
        return f"ยาวได้ไม่เกิน {ctx.get('max_length')} ตัวอักษร"
    if kind in ("int_type", "int_parsing", "int_from_float", "int_parsing_size"):
        return "ต้องเป็นจำนวนเต็ม"
    if kind in ("greater_than_equal", "greater_than"):
        return f"ต้องไม่น้อยกว่า {ctx.get('ge', ctx.get('gt'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"ต้องไม่เกิน {ctx.get('le', ctx.get('lt'))}"
    if kind in ("bool_type", "bool_parsing"):
        return "ต้องเป็น true หรือ false"
    if kind.startswith("date_"):
        return _DATE_HINT
    if kind.startswith("datetime_") or kind.startswith("timezone_"):
        return _DATETIME_HINT
    if kind in ("list_type", "tuple_type", "set_type"):
        return "ต้องเป็นรายการ (JSON array)"
    if kind == "too_long":
        return f"มีได้ไม่เกิน {ctx.get('max_length')} รายการ"
    if kind == "too_short":
        return f"ต้องมีอย่างน้อย {ctx.get('min_length')} รายการ"
    if kind in ("model_attributes_type", "model_type", "dict_type"):
        return "ต้องเป็นออบเจ็กต์ JSON"
    if kind == "extra_forbidden":
        return "ไม่รู้จักช่องนี้"
    if kind == "json_invalid":
        return "อ่านข้อมูล JSON ไม่ได้"
    return "ค่าไม่ถูกต้อง"


def _field(loc, param_names: set[str]) -> str:
    parts = [str(p) for p in (loc or ())]
    if parts and parts[0] in _SOURCES:
        parts = parts[1:]
    if parts and parts[0] in param_names:
        parts = parts[1:]
    return ".".join(parts)


def describe(errors: list[dict], param_names: set[str] = frozenset({"payload", "params"})) -> dict:
    """The response body for invalid input: JSON-safe (no exception objects), Thai throughout."""
    items = [
        {"field": _field(e.get("loc"), param_names), "message": _message(e), "type": e.get("type", "")}
        for e in errors
    ]
    summary = "; ".join(f"{i['field']}: {i['message']}" if i["field"] else i["message"] for i in items[:5])
    return {"detail": f"{INVALID} — {summary}" if summary else INVALID, "errors": items}


def invalid(field: str, message: str) -> ValidationError:
    """A refusal of one field found after parsing (unknown id, past date, …), shaped like pydantic's."""
    return ValidationError([{"loc": ("body", field), "msg": message, "type": "prasan"}])


def from_form(form, names: dict[str, str] | None = None) -> ValidationError:
    """A Django form's Thai errors as a ValidationError, with the form's field names mapped to the API's."""
    names = names or {}
    errors = [
        {"loc": ("body", names.get(field, field)) if field != "__all__" else ("body",), "msg": str(message),
         "type": "prasan"}
        for field, messages in form.errors.items()
        for message in messages
    ]
    return ValidationError(errors)
