"""What a signed document prints about its signing: the signer's name and position from their own
profile (not a name typed in the draft), "ปฏิบัติราชการแทน…" when they act for someone, the office's
number and date in the form's own places, and the visible electronic-signature line (who, in what
capacity, when, and the document's short fingerprint)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re

from django.utils import timezone

from prasan.thai.dates import thai_date
from prasan.thai.digits import to_thai

ACTING = "ปฏิบัติราชการแทน"
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


class ProfileError(ValueError):
    """A Thai sentence: the signer's profile lacks what the signature block prints."""


def acting_for_clean(text: str) -> str:
    """The position acted for, without a repeated "ปฏิบัติราชการแทน" in front."""
    text = " ".join(_CONTROL.sub(" ", text or "").split())[:200]
    return text.removeprefix(ACTING).strip()


def signer_person(user, acting_for: str = "") -> dict:
    """{"name", "position": [lines]} from the user's profile; the capacity is its last line."""
    name = (user.get_full_name() or "").strip()
    if not name:
        raise ProfileError("บัญชีของท่านยังไม่มีชื่อและนามสกุล จึงพิมพ์ชื่อผู้ลงนามไม่ได้ "
                           "กรุณาแจ้งผู้ดูแลระบบให้กรอกก่อนลงนาม")
    lines = [line.strip() for line in (user.position or "").splitlines() if line.strip()]
    if not lines:
        raise ProfileError("บัญชีของท่านยังไม่มีตำแหน่ง จึงพิมพ์ตำแหน่งผู้ลงนามไม่ได้ "
                           "กรุณาแจ้งผู้ดูแลระบบให้กรอกตำแหน่งก่อนลงนาม")
    acting_for = acting_for_clean(acting_for)
    if acting_for:
        lines.extend(acting_lines(acting_for))
    return {"name": name, "position": lines}


# The signature column: the page's text width less the block's indent (print.css .signature), at 16 pt.
SIGNATURE_COLUMN_CM = 9.3


def acting_lines(acting_for: str) -> list[str]:
    """"ปฏิบัติราชการแทน…" on one line when it fits the signature column, else as two lines — the words
    "ปฏิบัติราชการแทน", then the position — as letters set it, rather than running past the margin."""
    from .render.metrics import text_width_cm

    whole = f"{ACTING}{acting_for}"
    if text_width_cm(whole, 16) <= SIGNATURE_COLUMN_CM:
        return [whole]
    return [ACTING, acting_for]


def signed_fields(spec, fields: dict, *, number: str, date: dt.date, person: dict) -> dict:
    """The document's fields once signed: the office's number and date where this form prints them
    and the signer in its signature block; every other part (the source's number and date on a
    summary note) exactly as typed."""
    fields = dict(fields)
    if spec.field(spec.number_field):
        fields[spec.number_field] = number
    if spec.field(spec.date_field):
        fields[spec.date_field] = date.isoformat()
    signer = spec.field(spec.signer_field)
    if signer is not None:
        fields[spec.signer_field] = person | ({"date": date.isoformat()} if getattr(signer, "with_date", False)
                                              else {})
    return fields


def fingerprint(*, form: str, fields: dict, number: str, signer: str, signed_at: dt.datetime) -> str:
    """A short fingerprint of what was signed (`4821-0937-5510-2846`): the first 64 bits of SHA-256, in
    sixteen decimal digits (read aloud and typed on any keyboard, no Latin letters on a Thai page),
    over the form, its fields, the number, the signer and the moment. It is printed on the page and
    kept with the document, so a printout can be matched to the record it came from."""
    canonical = json.dumps({"form": form, "fields": fields, "number": number, "signer": signer,
                            "signed_at": signed_at.isoformat()}, ensure_ascii=False, sort_keys=True,
                           separators=(",", ":"))
    digits = f"{int(hashlib.sha256(canonical.encode()).hexdigest()[:16], 16) % 10**16:016d}"
    return "-".join(digits[i:i + 4] for i in range(0, 16, 4))


def when(signed_at: dt.datetime, *, thai_digits: bool = True) -> str:
    """`๗ ธันวาคม ๒๕๖๙ เวลา ๑๔.๓๐ น.` (the time with a dot, as Thai letters write it)."""
    local = timezone.localtime(signed_at)
    text = f"{thai_date(local.date(), thai_digits=False)} เวลา {local:%H.%M} น."
    return to_thai(text) if thai_digits else text


def stamp(person: dict, signed_at: dt.datetime, fingerprint_text: str, *, demo: bool,
          thai_digits: bool = True) -> dict:
    """The visible electronic-signature line's parts, printed in the signature's space."""
    convert = to_thai if thai_digits else (lambda text: text)
    return {
        "name": convert(person["name"]),
        "position": [convert(line) for line in person["position"]],
        "when": when(signed_at, thai_digits=thai_digits),
        "date": convert(thai_date(timezone.localtime(signed_at).date(), thai_digits=False)),
        "time": convert(f"{timezone.localtime(signed_at):%H.%M} น."),
        "fingerprint": fingerprint_text,  # a code: kept in Arabic digits whatever the document's digits
        "demo": demo,
    }


def stamp_lines(esign: dict, *, beside: bool = False) -> list[str]:
    """The stamp as lines of text (the DOCX prints these; the HTML templates the same words).
    ``beside``: the narrow stamp printed beside the signer's own name and position (the summary
    note's), which says who without repeating it."""
    demo = ["(ใบรับรองสาธิต)"] if esign["demo"] else []
    if beside:
        return ["ลงนามอิเล็กทรอนิกส์", esign["date"], f"เวลา {esign['time']}", "รหัสเอกสาร",
                esign["fingerprint"], *demo]
    return ["ลงนามอิเล็กทรอนิกส์", f"โดย {esign['name']}", *esign["position"], f"เมื่อ {esign['when']}",
            f"รหัสเอกสาร {esign['fingerprint']}", *demo]
