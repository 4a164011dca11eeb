"""Forms of the complaint pages: Thai labels, Thai errors beside their fields, Buddhist-era dates."""

from django import forms
from django.utils import timezone

from prasan.directory.models import Agency
from prasan.thai.fields import ThaiDateField, ThaiDateTimeField

from .choices import Channel, ReplyKind, ReplyVia, Result
from .models import Breach, Category

REQUIRED = {"required": "กรุณากรอกช่องนี้"}


class ComplaintForm(forms.Form):
    channel = forms.ChoiceField(label="ช่องทางที่รับเรื่อง", choices=Channel.choices, initial=Channel.LETTER)
    channel_ref = forms.CharField(label="เลขอ้างอิงของช่องทาง (ถ้ามี)", required=False, max_length=100)
    received_at = ThaiDateTimeField(label="รับเรื่องเมื่อ", required=False)
    subject = forms.CharField(label="เรื่อง", max_length=500, error_messages=REQUIRED)
    details = forms.CharField(label="รายละเอียด", required=False, widget=forms.Textarea(attrs={"rows": 5}))
    about = forms.CharField(label="ผู้ถูกร้อง/หน่วยงานที่ถูกร้อง", required=False, max_length=300)
    province = forms.CharField(label="จังหวัด", required=False, max_length=100,
                               widget=forms.TextInput(attrs={"list": "provinces"}))
    district = forms.CharField(label="อำเภอ/เขต", required=False, max_length=100)
    category = forms.ModelChoiceField(label="ประเภท", queryset=Category.objects.none(), required=False,
                                      empty_label="— เลือก —")
    asked_for = forms.CharField(label="สิ่งที่ผู้ร้องขอให้ดำเนินการ", required=False,
                                widget=forms.Textarea(attrs={"rows": 2}))
    name = forms.CharField(label="ชื่อ-สกุลผู้ร้อง", required=False, max_length=200)
    phone = forms.CharField(label="โทรศัพท์", required=False, max_length=50)
    email = forms.EmailField(label="อีเมล", required=False, error_messages={"invalid": "รูปแบบอีเมลไม่ถูกต้อง"})
    address = forms.CharField(label="ที่อยู่", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    line_id = forms.CharField(label="ไอดี LINE", required=False, max_length=100)
    anonymous = forms.BooleanField(label="ผู้ร้องขอไม่เปิดเผยตัวตน", required=False)
    disclose_to_agency = forms.BooleanField(label="ผู้ร้องยินยอมให้เปิดเผยชื่อแก่หน่วยงานที่ตรวจสอบ", required=False)
    attachment = forms.FileField(label="ไฟล์แนบ (ถ้ามี)", required=False)

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.filter(office=office, active=True)

    def complainant(self) -> dict:
        data = self.cleaned_data
        return {key: data[key] for key in ("name", "phone", "email", "address", "line_id", "anonymous",
                                             "disclose_to_agency")}


class ReasonForm(forms.Form):
    reason = forms.CharField(label="เหตุผล", max_length=500, error_messages=REQUIRED)


class ForwardForm(forms.Form):
    agencies = forms.ModelMultipleChoiceField(
        label="หน่วยงานที่ส่งเรื่องไปตรวจสอบ", queryset=Agency.objects.order_by("name"),
        error_messages={"required": "กรุณาเลือกหน่วยงานอย่างน้อยหนึ่งหน่วยงาน",
                        "invalid_choice": "ไม่พบหน่วยงานที่เลือก", "invalid_pk_value": "ไม่พบหน่วยงานที่เลือก"})
    deadline = ThaiDateField(label="ขอให้แจ้งผลภายในวันที่", error_messages=REQUIRED)
    note = forms.CharField(label="ข้อความเพิ่มเติมถึงหน่วยงาน", required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def clean_deadline(self):
        day = self.cleaned_data["deadline"]
        if day < timezone.localdate():
            raise forms.ValidationError("กำหนดต้องไม่ใช่วันที่ผ่านมาแล้ว")
        return day


class ReplyForm(forms.Form):
    kind = forms.ChoiceField(label="แจ้งเรื่อง", choices=ReplyKind.choices)
    via = forms.ChoiceField(label="ส่งทาง", choices=ReplyVia.choices)
    text = forms.CharField(label="ข้อความ", required=False, widget=forms.Textarea(attrs={"rows": 5}))


class ConcludeForm(forms.Form):
    result = forms.ChoiceField(label="ผลการพิจารณา", choices=Result.choices, error_messages=REQUIRED)
    note = forms.CharField(label="สรุปผล", required=False, widget=forms.Textarea(attrs={"rows": 3}))


class SatisfactionForm(forms.Form):
    satisfaction = forms.CharField(label="ความพึงพอใจ/ความเห็นของผู้ร้อง", max_length=2000,
                                   widget=forms.Textarea(attrs={"rows": 2}), error_messages=REQUIRED)


class CorrectionForm(forms.Form):
    name = forms.CharField(label="ชื่อ-สกุลผู้ร้อง", required=False, max_length=200)
    phone = forms.CharField(label="โทรศัพท์", required=False, max_length=50)
    email = forms.EmailField(label="อีเมล", required=False, error_messages={"invalid": "รูปแบบอีเมลไม่ถูกต้อง"})
    address = forms.CharField(label="ที่อยู่", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    line_id = forms.CharField(label="ไอดี LINE", required=False, max_length=100)
    reason = forms.CharField(label="เหตุที่แก้ไข", max_length=500, error_messages=REQUIRED)


class SubjectSearchForm(forms.Form):
    name = forms.CharField(label="ชื่อ-สกุล", required=False, max_length=200)
    phone = forms.CharField(label="โทรศัพท์", required=False, max_length=50)
    email = forms.CharField(label="อีเมล", required=False, max_length=254)

    def clean(self):
        data = super().clean()
        if not any((data.get(name) or "").strip() for name in ("name", "phone", "email")):
            raise forms.ValidationError("กรุณากรอกชื่อ โทรศัพท์ หรืออีเมลของเจ้าของข้อมูลอย่างน้อยหนึ่งช่อง")
        return data


class BreachForm(forms.ModelForm):
    discovered_at = ThaiDateTimeField(label="ทราบเหตุเมื่อ")
    complaint_numbers = forms.CharField(label="เลขเรื่องร้องเรียนที่เกี่ยวข้อง", required=False, max_length=500,
                                        help_text="คั่นด้วยจุลภาค เช่น สร 12/2569, สร 15/2569")

    class Meta:
        model = Breach
        fields = ["title", "description", "discovered_at", "risk", "persons_affected", "measures"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3}), "measures": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_complaint_numbers(self) -> list:
        """The complaints named, each one the person may see; a number that is not one is said as not found."""
        from prasan.matters.models import Matter

        found, missing = [], []
        for number in (self.cleaned_data.get("complaint_numbers") or "").split(","):
            if not number.strip():
                continue
            matter = Matter.objects.visible_to(self.user).numbered(number).select_related("complaint").first()
            complaint = getattr(matter, "complaint", None) if matter else None
            if complaint is None:
                missing.append(number.strip())
            elif complaint not in found:
                found.append(complaint)
        if missing:
            raise forms.ValidationError(f"ไม่พบเรื่องร้องเรียนเลขที่ {', '.join(missing)}")
        return found


class PeriodForm(forms.Form):
    start = ThaiDateField(label="รับเรื่องตั้งแต่วันที่", required=False)
    end = ThaiDateField(label="ถึงวันที่", required=False)
