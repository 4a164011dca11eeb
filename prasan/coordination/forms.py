"""Forms for the coordination log, requests to agencies, and the liaison officer's reply."""

from django import forms
from django.utils import timezone

from prasan.directory.models import Agency
from prasan.matters.forms import REQUIRED, MultipleFileField
from prasan.thai.fields import ThaiDateField
from prasan.tracking.calendar import add_working_days

from .models import Activity, Channel


class ActivityForm(forms.ModelForm):
    send = forms.BooleanField(label="ส่งจริงทางอีเมล/LINE", required=False, initial=True)

    class Meta:
        model = Activity
        fields = ["channel", "direction", "agency", "counterpart", "address", "summary", "outcome", "next_follow_up"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "outcome": forms.Textarea(attrs={"rows": 2}),
        }
        field_classes = {"next_follow_up": ThaiDateField}
        error_messages = {"summary": REQUIRED, "channel": REQUIRED}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(active=True).order_by("name")
        self.fields["agency"].empty_label = "— ไม่ระบุ —"
        self.fields["address"].help_text = "อีเมลผู้รับ หรือรหัสผู้รับของ LINE (เฉพาะช่องทางอีเมล/LINE)"

    def clean(self):
        data = super().clean()
        channel, address, send = data.get("channel"), (data.get("address") or "").strip(), data.get("send")
        agency = data.get("agency")
        if channel in (Channel.EMAIL, Channel.LINE) and send and data.get("direction") == "out":
            if not address and agency:
                contact = agency.contacts.filter(is_liaison=True).first()
                if channel == Channel.EMAIL:
                    address = (contact.email if contact else "") or agency.email
                else:
                    address = (contact.line_id if contact else "") or agency.line_id
            if not address:
                self.add_error("address", "กรุณาระบุอีเมลหรือ LINE ของผู้รับ")
            elif channel == Channel.EMAIL:
                try:
                    forms.EmailField().clean(address)
                except forms.ValidationError:
                    self.add_error("address", "รูปแบบอีเมลไม่ถูกต้อง")
            data["address"] = address
        return data


class RequestForm(forms.Form):
    agencies = forms.ModelMultipleChoiceField(
        label="หน่วยงาน", queryset=Agency.objects.none(), widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "เลือกอย่างน้อยหนึ่งหน่วยงาน"},
    )
    deliverable = forms.CharField(label="สิ่งที่ขอให้ดำเนินการ/ส่ง", widget=forms.Textarea(attrs={"rows": 3}),
                                  error_messages=REQUIRED)
    deadline_days = forms.IntegerField(label="ภายใน (วันทำการ)", required=False, min_value=1, max_value=120,
                                       error_messages={"min_value": "อย่างน้อย 1 วันทำการ",
                                                       "max_value": "ไม่เกิน 120 วันทำการ",
                                                       "invalid": "กรอกเป็นตัวเลข"})
    deadline_date = ThaiDateField(label="หรือกำหนดวันที่", required=False)
    channel = forms.ChoiceField(label="ส่งทาง", choices=[(Channel.EMAIL, "อีเมล"), (Channel.LINE, "LINE")])
    show_title = forms.BooleanField(
        label="แสดงชื่อเรื่องในหน้าตอบกลับ", required=False,
        help_text="ผู้ใดที่ได้ลิงก์ตอบกลับจะเห็นชื่อเรื่องนี้ด้วย — เลือกเฉพาะเมื่อหน่วยงานจำเป็นต้องรู้")

    def __init__(self, *args, matter=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agencies"].queryset = Agency.objects.filter(active=True).order_by("name")
        # A normal matter's title is always shown; the choice (and its warning) is only for a secret one.
        self.secret = matter is not None and matter.is_secret
        self.secrecy_label = matter.get_secrecy_display() if self.secret else ""
        if not self.secret:
            del self.fields["show_title"]

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        if data.get("deadline_date"):
            if data["deadline_date"] < today:
                self.add_error("deadline_date", "กำหนดส่งต้องไม่อยู่ก่อนวันนี้")
            else:
                data["deadline"] = data["deadline_date"]
        elif "deadline_date" in self.errors or "deadline_days" in self.errors:
            pass  # the field's own message says what is wrong
        elif data.get("deadline_days"):
            data["deadline"] = add_working_days(today, data["deadline_days"])
        else:
            self.add_error("deadline_days", "กรุณาระบุกำหนดส่งเป็นวันทำการหรือวันที่")
        return data


class ReplyForm(forms.Form):
    name = forms.CharField(label="ชื่อ-สกุลผู้ตอบ", max_length=200, error_messages=REQUIRED)
    answer = forms.CharField(label="คำตอบ/ข้อมูล", widget=forms.Textarea(attrs={"rows": 6}), error_messages=REQUIRED)
    files = MultipleFileField(label="แนบไฟล์ (ถ้ามี)", required=False)

    def clean_files(self):
        uploads = self.cleaned_data["files"]
        if len(uploads) > 10:
            raise forms.ValidationError("แนบได้ไม่เกิน 10 ไฟล์")
        return uploads
