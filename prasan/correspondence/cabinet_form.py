"""The cabinet agenda item an สลค. letter proposes, on the intake confirm screen: the meeting's day (and, off-site,
its province), the item's place in the agenda and its kind, as `prasan extract` read them, editable; created with
the matter by the same confirm (prasan.cabinet.services.add_from_letter: the meeting found by its day, or made)."""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError

from prasan.cabinet.choices import AgendaKind
from prasan.thai.fields import ThaiDateField, ThaiTimeField

PREFIX = "cab"
# add_from_letter's refusals (the meeting's and the item's field names) → this form's fields.
ERROR_FIELDS = {"meets_at": "meeting_date", "province": "province", "location": "province", "order": "order",
                "kind": "agenda_kind", "briefing_points": "briefing_points", "matter": None}
BOTH = "หนังสือฉบับหนึ่งบันทึกได้อย่างใดอย่างหนึ่ง: งานรัฐสภา เรื่องร้องเรียน หรือวาระการประชุมคณะรัฐมนตรี"


class CabinetAgendaForm(forms.Form):
    create = forms.BooleanField(label="บันทึกเป็นวาระการประชุมคณะรัฐมนตรี (สร้างพร้อมเรื่อง)", required=False)
    meeting_date = ThaiDateField(label="วันประชุมคณะรัฐมนตรี", required=False,
                                 help_text="ถ้ามีการประชุมวันนั้นในระบบแล้ว วาระจะอยู่ในการประชุมนั้น ถ้ายังไม่มีจะสร้างให้")
    meeting_time = ThaiTimeField(label="เวลา", required=False, help_text="เว้นว่าง = 09.00 น.")
    province = forms.CharField(label="จังหวัด (ครม. นอกสถานที่)", max_length=100, required=False)
    order = forms.CharField(label="ระเบียบวาระที่", max_length=20, required=False,
                            widget=forms.TextInput(attrs={"placeholder": "เช่น 4.2"}))
    agenda_kind = forms.ChoiceField(label="ประเภทวาระ", choices=AgendaKind.choices, required=False)
    briefing_points = forms.CharField(label="ประเด็นที่รัฐมนตรีต้องชี้แจง", required=False, max_length=5000,
                                      widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix=PREFIX, **kwargs)

    def clean(self):
        data = super().clean()
        if data.get("create") and not data.get("meeting_date") and "meeting_date" not in self.errors:
            self.add_error("meeting_date", "กรุณากรอกวันประชุมคณะรัฐมนตรี (หรือเอาเครื่องหมายบันทึกเป็นวาระออก)")
        return data

    def agenda(self, data: dict) -> dict | None:
        """What add_from_letter takes (day, at, province, fields), or None when the registrar does not want it;
        `data`: the confirm form's cleaned values (the letter's subject, number and date)."""
        mine = self.cleaned_data
        if not mine.get("create"):
            return None
        return {"day": mine["meeting_date"], "at": mine.get("meeting_time"), "province": mine["province"].strip(),
                "fields": {"subject": data["subject"][:500], "order": mine["order"].strip(),
                           "kind": mine["agenda_kind"] or AgendaKind.PROPOSAL,
                           "letter_number": (data.get("doc_number") or "")[:60], "letter_date": data.get("date"),
                           "briefing_points": mine["briefing_points"]}}

    def add_agenda_errors(self, error: ValidationError) -> None:
        for name, messages in error.message_dict.items():
            field = ERROR_FIELDS.get(name)
            for message in messages:
                self.add_error(field if field in self.fields else None, message)


def initial_from(fields: dict) -> dict:
    """The form as the parser read the letter: ticked for an agenda item or an opinion whose meeting day is
    written; otherwise shown unticked (a meeting's notice, or a day not yet known), for the registrar to decide."""
    found = fields.get("cabinet") or {}
    if not found.get("kind"):
        return {"create": False}
    day = _date(found.get("meeting_on"))
    return {"create": bool(day) and found["kind"] in ("agenda", "opinion"), "meeting_date": day,
            "province": found.get("province") or "", "order": found.get("order") or "",
            "agenda_kind": found.get("agenda_kind") or AgendaKind.PROPOSAL, "found": found["kind"]}


def _date(value):
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None
