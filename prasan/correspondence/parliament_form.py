"""The parliament item a letter proposes, on the intake confirm screen: the fields `prasan extract` read, shown
for checking and editable, created with the matter by the same confirm (prasan.parliament.services.create_item)."""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from prasan.parliament.choices import AnswerIn, House, ItemKind
from prasan.thai.fields import ThaiDateField, ThaiTimeField

PREFIX = "parl"
# create_item's field names (and its aliases) → this form's fields, for its errors.
ERROR_FIELDS = {"asker_name": "asker", "asker": "asker", "letter_deadline": "answer_by", "answer_by": "answer_by",
                "room": "place", "place": "place", "meeting_at": "meeting_date", "sitting_on": "meeting_date",
                "number": "number", "house": "house", "kind": "kind", "asker_province": "asker_province",
                "answer_in": "answer_in", "names_by": "names_by", "committee": "committee"}


class ParliamentItemForm(forms.Form):
    create = forms.BooleanField(label="บันทึกงานรัฐสภาจากหนังสือนี้ (สร้างพร้อมเรื่อง)", required=False)
    kind = forms.ChoiceField(label="ประเภทงานรัฐสภา", choices=[("", "— เลือก —"), *ItemKind.choices], required=False)
    number = forms.CharField(label="เลขที่กระทู้", max_length=40, required=False,
                             widget=forms.TextInput(attrs={"placeholder": "เช่น 157 ร."}))
    house = forms.ChoiceField(label="สภา", choices=[("", "—"), *House.choices], required=False)
    asker = forms.CharField(label="ผู้ตั้งกระทู้", max_length=200, required=False)
    asker_province = forms.CharField(label="จังหวัดของผู้ถาม", max_length=100, required=False)
    answer_in = forms.ChoiceField(label="ตอบใน", choices=[("", "—"), *AnswerIn.choices], required=False)
    answer_by = ThaiDateField(label="กำหนดตอบ/ส่งความเห็นตามหนังสือ", required=False)
    meeting_date = ThaiDateField(label="วันประชุม/วันตอบ", required=False)
    meeting_time = ThaiTimeField(label="เวลา", required=False)
    place = forms.CharField(label="สถานที่/ห้องประชุม", max_length=200, required=False)
    names_by = ThaiDateField(label="ส่งรายชื่อผู้ชี้แจงภายใน", required=False)
    committee = forms.CharField(label="คณะกรรมาธิการ", max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix=PREFIX, **kwargs)

    def clean(self):
        data = super().clean()
        if data.get("create") and not data.get("kind"):
            self.add_error("kind", "กรุณาเลือกประเภทงานรัฐสภา")
        if data.get("meeting_time") and not data.get("meeting_date"):
            self.add_error("meeting_date", "มีเวลาแต่ไม่มีวันประชุม")
        return data

    def item(self, subject: str, letter_from: str = "") -> tuple[str, dict] | None:
        """(kind, fields for create_item), or None when the registrar does not want the item."""
        data = self.cleaned_data
        if not data.get("create"):
            return None
        fields = {"subject": subject[:500], "number": data["number"], "house": data["house"],
                  "asker": data["asker"], "asker_province": data["asker_province"], "answer_in": data["answer_in"],
                  "answer_by": data["answer_by"], "room": data["place"], "names_by": data["names_by"],
                  "committee": data["committee"]}
        day, time = data.get("meeting_date"), data.get("meeting_time")
        if day and time:
            fields["meeting_at"] = timezone.make_aware(dt.datetime.combine(day, time))
        elif day:
            fields["sitting_on"] = day
        return data["kind"], fields

    def add_item_errors(self, error: ValidationError) -> None:
        """create_item's refusal (Thai, by its field names) next to this form's fields."""
        for name, messages in error.message_dict.items():
            field = ERROR_FIELDS.get(name)
            for message in messages:
                self.add_error(field if field in self.fields else None, message)


def initial_from(fields: dict) -> dict:
    """The form as the parser read the letter; empty (and not ticked) for a letter that is not parliament's."""
    found = fields.get("parliament") or {}
    if not found.get("kind"):
        return {"create": False}
    initial = {key: found.get(key) or "" for key in ("kind", "number", "house", "asker", "asker_province",
                                                    "answer_in", "place")}
    initial["create"] = True
    for key in ("answer_by", "names_by"):
        initial[key] = _date(found.get(key))
    meeting = _datetime(found.get("meeting_at"))
    if meeting:
        initial["meeting_date"], initial["meeting_time"] = meeting.date(), meeting.time()
    office = fields.get("from_agency") or ""
    if found["kind"] == "committee_summons" and "คณะกรรมาธิการ" in office:
        initial["committee"] = office
    return initial


def _date(value):
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _datetime(value):
    try:
        return dt.datetime.fromisoformat(value) if value else None
    except ValueError:
        return None
