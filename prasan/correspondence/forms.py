"""Register entry forms: fields follow the register's columns; messages in Thai."""

import datetime as dt

from django import forms
from django.utils import timezone

from prasan.directory.models import Unit
from prasan.matters.choices import Secrecy
from prasan.matters.forms import MultipleFileField
from prasan.matters.models import Matter
from prasan.thai.fields import ThaiDateField

from .models import Register, RegisterEntry

URGENCY_CHOICES = [("", "ปกติ"), ("ด่วน", "ด่วน"), ("ด่วนมาก", "ด่วนมาก"), ("ด่วนที่สุด", "ด่วนที่สุด")]


class EntryForm(forms.ModelForm):
    matter_number = forms.CharField(label="เรื่องในระบบ (เลขเรื่อง)", required=False, max_length=40,
                                    widget=forms.TextInput(attrs={"placeholder": "เช่น สร 12/2569"}))
    files = MultipleFileField(label="ไฟล์หนังสือ", required=False)
    reserve = forms.BooleanField(label="จองเลขไว้ก่อน (กรอกรายละเอียดภายหลัง)", required=False)
    # Shown only once the letter was found registered already: ticking it is the "on purpose".
    duplicate_ok = forms.BooleanField(label="ยืนยันว่าเป็นหนังสืออีกฉบับ ลงทะเบียนซ้ำโดยตั้งใจ", required=False)

    class Meta:
        model = RegisterEntry
        fields = ["doc_number", "letter_date", "sender", "recipient", "subject", "urgency", "secrecy", "unit",
                  "action", "remark"]
        widgets = {"subject": forms.Textarea(attrs={"rows": 2})}
        field_classes = {"letter_date": ThaiDateField}

    def __init__(self, *args, register: str, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.register, self.user, self.matter = register, user, None
        self.fields["urgency"] = forms.ChoiceField(label="ชั้นความเร็ว", choices=URGENCY_CHOICES, required=False)
        levels = Secrecy.choices
        self.fields["secrecy"] = forms.TypedChoiceField(
            label="ชั้นความลับ", coerce=int, initial=1 if register == Register.SECRET else 0,
            choices=[c for c in levels if c[0] <= user.clearance and (register == Register.SECRET or c[0] == 0)],
        )
        self.fields["unit"].queryset = Unit.objects.order_by("name")
        self.fields["unit"].initial = user.unit_id
        self.fields["unit"].empty_label = "— ไม่ระบุ —"
        if register == Register.INCOMING:
            self.fields["doc_number"].help_text = "เลขที่ของหนังสือที่รับ เช่น ศธ 04006/1234"
        else:
            self.fields["doc_number"].help_text = "เว้นว่างไว้ ระบบจะออกเลขให้ตามรูปแบบของหน่วยงาน"

    def clean_letter_date(self):
        value = self.cleaned_data.get("letter_date")
        if value and value > timezone.localdate() + dt.timedelta(days=1):
            raise forms.ValidationError("วันที่ของหนังสือต้องไม่อยู่ในอนาคต")
        return value

    def clean_matter_number(self):
        text = (self.cleaned_data.get("matter_number") or "").strip()
        if not text:
            return ""
        try:
            seq, year = text.split()[-1].split("/")
            self.matter = Matter.objects.visible_to(self.user).get(seq=int(seq), year=int(year))
        except (ValueError, Matter.DoesNotExist):
            raise forms.ValidationError("ไม่พบเรื่องเลขนี้") from None
        return text

    def clean(self):
        data = super().clean()
        if not data.get("reserve") and not (data.get("subject") or "").strip():
            self.add_error("subject", "กรุณากรอกเรื่อง (หรือเลือกจองเลขไว้ก่อน)")
        if not data.get("reserve") and self.register == Register.INCOMING and not data.get("sender"):
            self.add_error("sender", "กรุณาระบุผู้ส่งหนังสือ")
        return data


class FillForm(EntryForm):
    """Completing a reserved number."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["reserve"]
        del self.fields["duplicate_ok"]


class CancelForm(forms.Form):
    reason = forms.CharField(label="เหตุที่ยกเลิก", max_length=300, error_messages={"required": "กรุณาระบุเหตุที่ยกเลิก"})


class EntryFilter(forms.Form):
    q = forms.CharField(label="ค้นหา (เลขทะเบียน ที่ เรื่อง จาก ถึง)", required=False, max_length=100)
    year = forms.IntegerField(label="ปี พ.ศ.", required=False, min_value=2500, max_value=2700)
    status = forms.ChoiceField(label="สถานะ", required=False,
                               choices=[("", "ทั้งหมด")] + RegisterEntry.Status.choices)
    date_from = ThaiDateField(label="ตั้งแต่วันที่", required=False)
    date_to = ThaiDateField(label="ถึงวันที่", required=False)

    scans_text = False  # as MatterFilter.scans_text: the fields are read, so a page counts only to its end

    def apply(self, qs):
        if not self.is_valid():
            return qs
        data = self.cleaned_data
        if data["q"]:
            from django.db.models import Q

            from prasan.search.filters import entry_ids_holding
            from prasan.thai.digits import to_arabic

            found = entry_ids_holding(data["q"])
            self.scans_text = found is None
            if found is None:  # too short for the index, or too common: the fields are scanned
                q = to_arabic(data["q"])
                qs = qs.filter(Q(subject__icontains=q) | Q(doc_number__icontains=q) | Q(sender__icontains=q)
                               | Q(recipient__icontains=q))
            else:
                qs = qs.filter(pk__in=found)
        if data["year"]:
            qs = qs.filter(year=data["year"])
        if data["status"]:
            qs = qs.filter(status=data["status"])
        if data["date_from"]:
            qs = qs.filter(registered_at__date__gte=data["date_from"])
        if data["date_to"]:
            qs = qs.filter(registered_at__date__lte=data["date_to"])
        return qs
