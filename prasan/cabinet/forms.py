"""Forms for cabinet meetings and agenda items; Thai errors sit next to their fields, what was typed stays."""

from django import forms
from django.utils import timezone

from prasan.matters.choices import Secrecy, Urgency
from prasan.matters.models import Matter
from prasan.thai.digits import to_arabic
from prasan.thai.fields import ThaiDateField, ThaiDateTimeField

from .models import AgendaItem, Meeting

REQUIRED = "กรุณากรอกช่องนี้"


def _thai_required(form) -> None:
    for field in form.fields.values():
        if field.required:
            field.error_messages["required"] = REQUIRED


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["meets_at", "number", "location", "province", "venue", "status", "note"]
        field_classes = {"meets_at": ThaiDateTimeField}
        widgets = {"note": forms.Textarea(attrs={"rows": 3}), "location": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meets_at"].required = True
        if self.instance.pk is None:
            del self.fields["status"]  # a new meeting is scheduled; held or cancelled is an edit
        _thai_required(self)

    def meeting_fields(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.fields}


ITEM_FIELDS = ["order", "subject", "kind", "source", "letter_number", "letter_date", "summary", "briefing_points"]


class AgendaItemForm(forms.ModelForm):
    """An agenda item; on a new one, the matter: an existing one by its number, or a new one (urgency, secrecy)."""

    matter_number = forms.CharField(label="ผูกกับเรื่องเดิม (เลขเรื่อง)", required=False, max_length=40,
                                    help_text="เว้นว่างเพื่อสร้างเรื่องใหม่ เช่น สร 12/2569",
                                    widget=forms.TextInput(attrs={"placeholder": "เช่น สร 12/2569"}))
    urgency = forms.ChoiceField(label="ชั้นความเร็ว (เรื่องใหม่)", choices=Urgency.choices, initial=Urgency.NORMAL)
    secrecy = forms.TypedChoiceField(label="ชั้นความลับ (เรื่องใหม่)", choices=Secrecy.choices, coerce=int, initial=0)

    class Meta:
        model = AgendaItem
        fields = ITEM_FIELDS
        field_classes = {"letter_date": ThaiDateField}
        widgets = {"summary": forms.Textarea(attrs={"rows": 3}), "briefing_points": forms.Textarea(attrs={"rows": 4}),
                   "subject": forms.TextInput(), "kind": forms.RadioSelect, "source": forms.RadioSelect}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user, self.matter = user, None
        if self.instance.pk is not None:
            for name in ("matter_number", "urgency", "secrecy"):
                del self.fields[name]
        else:
            self.fields["secrecy"].choices = [c for c in Secrecy.choices if c[0] <= user.clearance]
        _thai_required(self)

    def clean_matter_number(self):
        """The existing matter, which the user must be able to change (a matter one may not see is "not found")."""
        from prasan.matters.access import may_edit

        text = to_arabic(self.cleaned_data.get("matter_number", "")).strip()
        if not text:
            return ""
        try:
            seq, year = text.split()[-1].split("/")
            matter = Matter.objects.visible_to(self.user).select_related("office").get(seq=int(seq), year=int(year))
        except (ValueError, Matter.DoesNotExist, Matter.MultipleObjectsReturned):
            raise forms.ValidationError("ไม่พบเรื่องเลขนี้") from None
        if not may_edit(self.user, matter):
            raise forms.ValidationError(f"เรื่อง {matter.number} ไม่อยู่ในความรับผิดชอบของท่าน หรือปิดแล้ว")
        self.matter = matter
        return text

    def item_fields(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in ITEM_FIELDS}

    def matter_fields(self) -> dict:
        return {"urgency": self.cleaned_data["urgency"], "secrecy": self.cleaned_data["secrecy"]}


class ResolutionForm(forms.Form):
    resolution = forms.CharField(label="มติคณะรัฐมนตรี", max_length=20000, widget=forms.Textarea(attrs={"rows": 4}),
                                 error_messages={"required": REQUIRED})
    resolved_on = ThaiDateField(label="วันที่มีมติ", error_messages={"required": REQUIRED})

    def __init__(self, *args, item=None, **kwargs):
        if item is not None and "initial" not in kwargs:
            kwargs["initial"] = {"resolution": item.resolution,
                                 "resolved_on": item.resolved_on or (item.meeting.day if item.meeting.day
                                                                    <= timezone.localdate() else None)}
        super().__init__(*args, **kwargs)


class FollowupForm(forms.Form):
    due = ThaiDateField(label="กำหนดรายงานผลตามมติ (ถ้ามี)", required=False)

    def clean_due(self):
        due = self.cleaned_data.get("due")
        if due and due < timezone.localdate():
            raise forms.ValidationError("กำหนดรายงานผลต้องไม่อยู่ในอดีต")
        return due
