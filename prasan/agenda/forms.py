"""The engagement's form: the day and times typed as the office writes them (Buddhist era, 24-hour, never a
Gregorian picker), the linked matters by their numbers; Thai errors beside their fields, what was typed kept."""

import datetime as dt

from django import forms
from django.utils import timezone

from prasan.directory.models import Agency
from prasan.matters.choices import Secrecy, Urgency
from prasan.matters.models import Matter
from prasan.thai.digits import to_arabic
from prasan.thai.fields import ThaiDateField, ThaiTimeField

from .choices import AgendaStatus
from .models import AgendaItem

REQUIRED = "กรุณากรอกช่องนี้"
ITEM_FIELDS = ["kind", "title", "place", "invited_by", "invited_by_agency", "programme", "dress", "entourage",
               "transport", "note"]
FIRST_STATUS = [(AgendaStatus.INVITED.value, "ได้รับเชิญ (ยังไม่ได้ตอบ)"),
                (AgendaStatus.ACCEPTED.value, "ตอบรับแล้ว / นัดหมายของรัฐมนตรีเอง")]
MAX_LINKED = 20


class AgendaItemForm(forms.ModelForm):
    day = ThaiDateField(label="วันที่")
    start = ThaiTimeField(label="เวลาเริ่ม")
    end = ThaiTimeField(label="เวลาสิ้นสุด")
    end_day = ThaiDateField(label="วันที่สิ้นสุด (ถ้าไม่ใช่วันเดียวกัน)", required=False)
    linked = forms.CharField(label="เรื่องที่เกี่ยวข้อง (เลขเรื่อง)", required=False, max_length=600,
                             help_text="คั่นด้วยจุลภาค เช่น สร 12/2569, สร 15/2569",
                             widget=forms.TextInput(attrs={"placeholder": "เช่น สร 12/2569"}))
    first_status = forms.ChoiceField(label="สถานะ", choices=FIRST_STATUS, initial=AgendaStatus.INVITED,
                                     widget=forms.RadioSelect)
    urgency = forms.ChoiceField(label="ชั้นความเร็วของเรื่อง", choices=Urgency.choices, initial=Urgency.NORMAL)
    secrecy = forms.TypedChoiceField(label="ชั้นความลับ", choices=Secrecy.choices, coerce=int, initial=0,
                                     help_text="กำหนดการลับแสดงเฉพาะผู้มีสิทธิ์เห็นเรื่อง และไม่แสดงชื่อในปฏิทิน")

    class Meta:
        model = AgendaItem
        fields = ITEM_FIELDS
        widgets = {"title": forms.TextInput(), "programme": forms.Textarea(attrs={"rows": 5}),
                   "entourage": forms.Textarea(attrs={"rows": 2}), "note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, user, **kwargs):
        instance = kwargs.get("instance")
        if instance is not None and instance.pk and "initial" not in kwargs:
            start, end = timezone.localtime(instance.starts_at), timezone.localtime(instance.ends_at)
            kwargs["initial"] = {
                "day": start.date(), "start": start.time(), "end": end.time(),
                "end_day": end.date() if end.date() != start.date() else None,
                "linked": ", ".join(m.number for m in instance.linked_matters.visible_to(user)
                                    .select_related("office").order_by("year", "seq")),
            }
        super().__init__(*args, **kwargs)
        self.user, self.linked_matters = user, []
        self.fields["invited_by_agency"].queryset = Agency.objects.filter(active=True).order_by("name")
        self.fields["invited_by_agency"].empty_label = "— ไม่ระบุ / ไม่มีในทำเนียบ —"
        if self.instance.pk is not None:
            for name in ("first_status", "urgency", "secrecy"):
                del self.fields[name]
        else:
            self.fields["secrecy"].choices = [c for c in Secrecy.choices if c[0] <= user.clearance]
        for field in self.fields.values():
            if field.required:
                field.error_messages["required"] = REQUIRED

    def clean_linked(self):
        """Each number a matter the user may see; one they may not is "not found", as one that does not exist."""
        text = to_arabic(self.cleaned_data.get("linked", "")).replace("，", ",")
        numbers = [part.strip() for part in text.replace("\n", ",").split(",") if part.strip()]
        if len(numbers) > MAX_LINKED:
            raise forms.ValidationError(f"ผูกเรื่องได้ไม่เกิน {MAX_LINKED} เรื่อง")
        found, missing = [], []
        for number in numbers:
            try:
                seq, year = number.split()[-1].split("/")
                found.append(Matter.objects.visible_to(self.user).get(seq=int(seq), year=int(year)))
            except (ValueError, Matter.DoesNotExist, Matter.MultipleObjectsReturned):
                missing.append(number)
        if missing:
            raise forms.ValidationError(f"ไม่พบเรื่องเลข {', '.join(missing)}")
        self.linked_matters = list({m.pk: m for m in found}.values())
        return text

    def clean(self):
        data = super().clean()
        day, start, end = data.get("day"), data.get("start"), data.get("end")
        if day and start and end:
            starts = timezone.make_aware(dt.datetime.combine(day, start))
            ends = timezone.make_aware(dt.datetime.combine(data.get("end_day") or day, end))
            if ends < starts:
                self.add_error("end", "เวลาสิ้นสุดต้องไม่ก่อนเวลาเริ่ม")
            self.moments = (starts, ends)
        return data

    def item_fields(self) -> dict:
        fields = {name: self.cleaned_data.get(name) for name in ITEM_FIELDS}
        fields["starts_at"], fields["ends_at"] = self.moments
        return fields

    def matter_fields(self) -> dict:
        return {"urgency": self.cleaned_data["urgency"], "secrecy": self.cleaned_data["secrecy"]}


class StatusForm(forms.Form):
    to = forms.ChoiceField(choices=AgendaStatus.choices)
    note = forms.CharField(label="หมายเหตุ/เหตุผล", required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 2}))
    delegated_to = forms.CharField(label="ผู้รับมอบ (ผู้แทนรัฐมนตรี)", required=False, max_length=300)
    open_requests = forms.ChoiceField(required=False, choices=[("", "—"), ("cancel", "ยกเลิกคำขอที่ยังไม่ได้ตอบ"),
                                                               ("keep", "คงคำขอไว้ (หน่วยงานยังตอบได้)")])
