"""Forms for parliament items: each kind shows its own fields; Thai errors sit next to their fields."""

from django import forms
from django.utils import timezone

from prasan.accounts.models import Role, User
from prasan.directory.models import Agency
from prasan.matters.choices import Secrecy, Urgency
from prasan.thai.fields import ThaiDateField, ThaiDateTimeField

from .choices import QUESTION_KINDS, ItemKind, Status
from .models import Attendee, Delegation, Item, Session

COMMON = ["subject", "house", "session", "number", "received_on", "sitting_on", "letter_deadline", "text"]
ASKER = ["asker_name", "asker_party", "asker_constituency", "asker_province", "minister_asked",
         "fallback_answerer"]
GAZETTE = ["answer_in", "answer_sent_on", "gazette_volume", "gazette_issue", "gazette_page", "gazette_published_on"]
KIND_FIELDS = {
    ItemKind.ORAL_QUESTION: [*COMMON, *ASKER],
    ItemKind.GENERAL_QUESTION: [*COMMON, *ASKER],
    ItemKind.SEPARATE_QUESTION: [*COMMON, *ASKER],
    ItemKind.WRITTEN_QUESTION: [*COMMON, *ASKER, *GAZETTE],
    ItemKind.MOTION: [*COMMON, "minister_asked", "answer_sent_on"],
    ItemKind.BILL_OPINION: [f for f in COMMON if f not in ("house", "sitting_on")] + ["answer_sent_on"],
    ItemKind.BILL: [*COMMON, "bill_stage"],
    ItemKind.COMMITTEE_SUMMONS: [f for f in COMMON if f != "sitting_on"]
    + ["committee", "meeting_at", "room", "names_by", "briefing", "outcome"],
}
# Kinds that always come from one house.
HOUSE_REQUIRED = QUESTION_KINDS | {ItemKind.MOTION, ItemKind.COMMITTEE_SUMMONS}
LABELS = {
    ItemKind.COMMITTEE_SUMMONS: {"text": "ประเด็นที่ขอให้ชี้แจง", "subject": "เรื่องที่คณะกรรมาธิการพิจารณา"},
    ItemKind.BILL: {"subject": "ชื่อร่างพระราชบัญญัติ", "text": "สาระสำคัญ", "sitting_on": "วันที่เข้าสู่การพิจารณา"},
    ItemKind.BILL_OPINION: {"subject": "ชื่อร่างพระราชบัญญัติ", "number": "ที่หนังสือ สลค.",
                            "letter_deadline": "ส่งความเห็นภายในวันที่", "answer_sent_on": "วันที่ส่งความเห็น"},
    ItemKind.MOTION: {"text": "สาระของญัตติ", "answer_sent_on": "วันที่ส่งคำชี้แจง"},
}
REQUIRED = {"required": "กรุณากรอกช่องนี้"}
# Long text across the form; the rest two to a row on a wide screen.
WIDE = frozenset({"subject", "text", "briefing", "outcome", "committee"})


class ItemForm(forms.ModelForm):
    """An item of one kind; on a new item also the matter's urgency and secrecy."""

    urgency = forms.ChoiceField(label="ชั้นความเร็ว", choices=Urgency.choices, initial=Urgency.NORMAL)
    secrecy = forms.TypedChoiceField(label="ชั้นความลับ", choices=Secrecy.choices, coerce=int, initial=0)
    duplicate_ok = forms.BooleanField(label="ยืนยันบันทึก แม้เลขนี้ซ้ำกับรายการที่มีอยู่", required=False)

    class Meta:
        model = Item
        fields = sorted({f for names in KIND_FIELDS.values() for f in names})
        field_classes = {name: ThaiDateField for name in (
            "received_on", "sitting_on", "letter_deadline", "answer_sent_on", "gazette_published_on", "names_by")}
        field_classes["meeting_at"] = ThaiDateTimeField
        widgets = {"text": forms.Textarea(attrs={"rows": 4}), "briefing": forms.Textarea(attrs={"rows": 3}),
                   "outcome": forms.Textarea(attrs={"rows": 3}), "subject": forms.TextInput()}

    def __init__(self, *args, kind: str, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind, self.user, self.duplicates = kind, user, []
        keep = set(KIND_FIELDS[kind])
        if self.instance.pk is None:
            keep |= {"urgency", "secrecy"}
            self.fields["received_on"].initial = timezone.localdate()
            self.fields["session"].initial = Session.on(timezone.localdate())
            self.fields["secrecy"].choices = [c for c in Secrecy.choices if c[0] <= user.clearance]
        keep.add("duplicate_ok")
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]
        for name, label in LABELS.get(kind, {}).items():
            if name in self.fields:
                self.fields[name].label = label
        if "house" in self.fields:
            self.fields["house"].required = kind in HOUSE_REQUIRED
        if "meeting_at" in self.fields:
            self.fields["meeting_at"].required = True
        for field in self.fields.values():
            field.error_messages.setdefault("required", REQUIRED["required"])
            if field.required:
                field.error_messages["required"] = REQUIRED["required"]
        self.fields["session"].empty_label = "— ตามวันที่รับเรื่อง —"

    @property
    def ordered(self) -> list[tuple[str, forms.BoundField, bool]]:
        """The kind's fields in the form's order, for the template, and whether each takes the form's width."""
        return [(n, self[n], n in WIDE) for n in (*KIND_FIELDS[self.kind], "urgency", "secrecy") if n in self.fields]

    def clean(self):
        data = super().clean()
        if not data.get("session") and data.get("received_on"):
            data["session"] = Session.on(data["received_on"])
        number = (data.get("number") or "").strip()
        if number and not data.get("duplicate_ok"):
            probe = Item(office_id=self.instance.office_id or _office_id(), session=data.get("session"),
                         house=data.get("house") or "", number=number, pk=self.instance.pk)
            self.duplicates = list(Item.objects.visible_to(self.user).filter(pk__in=probe.duplicates().values("pk"))
                                   .select_related("matter")[:5])
            if self.duplicates:
                self.add_error("number", "เลขนี้มีอยู่แล้วในสมัยประชุมและสภาเดียวกัน (ดูรายการด้านล่าง) "
                                         "หากเป็นคนละรายการจริง ให้ทำเครื่องหมายยืนยันแล้วบันทึกอีกครั้ง")
        return data

    def item_fields(self) -> dict:
        """The cleaned values the services take (the form's own extras left out)."""
        return {name: self.cleaned_data.get(name) for name in KIND_FIELDS[self.kind] if name in self.fields}


def _office_id():
    from prasan.directory.models import Office

    return Office.current().pk


class StatusForm(forms.Form):
    to = forms.ChoiceField(label="สถานะใหม่", choices=Status.choices, error_messages=REQUIRED)
    new_date = ThaiDateField(label="วันประชุม/วันตอบใหม่ (เมื่อเลื่อน)", required=False)
    note = forms.CharField(label="หมายเหตุ", required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def clean(self):
        data = super().clean()
        if data.get("to") == Status.POSTPONED and not data.get("new_date"):
            self.add_error("new_date", "การเลื่อนต้องระบุวันประชุม/วันตอบใหม่")
        return data


class DelegationForm(forms.ModelForm):
    class Meta:
        model = Delegation
        fields = ["delegated_to", "delegated_on", "note"]
        field_classes = {"delegated_on": ThaiDateField}


class AttendeeForm(forms.ModelForm):
    class Meta:
        model = Attendee
        fields = ["user", "name", "position", "agency"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = User.objects.filter(is_active=True).exclude(role=Role.ADMIN).order_by(
            "first_name")
        self.fields["user"].label_from_instance = lambda u: f"{u.display_name} ({u.get_role_display()})"
        self.fields["agency"].queryset = Agency.objects.order_by("name")
        self.fields["name"].required = False

    def clean(self):
        data = super().clean()
        if not data.get("user") and not (data.get("name") or "").strip():
            self.add_error("name", "เลือกบุคลากรของสำนักงาน หรือกรอกชื่อผู้เข้าร่วม")
        elif data.get("user") and not (data.get("name") or "").strip():
            data["name"] = data["user"].display_name
            self.instance.name = data["name"]
        return data
