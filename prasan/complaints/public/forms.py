"""The public complaint form and the status look-up form: phone-first (short labels, the right keyboards), every
field but the subject and details optional (an anonymous complaint with no contact is followed on the status
page), attachments checked by content as intake checks them, and two traps for programs: a field people never see
and a form filled faster than a person can."""

import re

from django import forms
from django.core import signing
from django.utils import timezone

from prasan.matters.forms import MultipleFileField, MultipleFileInput
from prasan.thai.digits import to_arabic
from prasan.thai.provinces import names as province_names

from ..models import Category

MAX_FILES = 3
MAX_TOTAL_BYTES = 20 * 1024 * 1024
MIN_SECONDS = 3  # nobody reads the notice and writes a complaint faster
TRAP = "website"  # the honeypot's name: a program fills it, a person never sees it
_SALT = "prasan.complaints.public.started"
REQUIRED = {"required": "กรุณากรอกช่องนี้"}


def _text(label, max_length, **kwargs):
    attrs = kwargs.pop("attrs", {})
    return forms.CharField(label=label, max_length=max_length, error_messages={
        **REQUIRED, "max_length": f"ยาวเกิน {max_length:,} ตัวอักษร"}, widget=forms.TextInput(attrs=attrs), **kwargs)


class PublicComplaintForm(forms.Form):
    subject = _text("เรื่องที่ร้องเรียน", 200, attrs={"placeholder": "เช่น โรงเรียนเรียกเก็บเงินเพิ่ม"})
    details = forms.CharField(label="รายละเอียด", max_length=5000, widget=forms.Textarea(attrs={"rows": 6}),
                              error_messages={**REQUIRED, "max_length": "ยาวเกิน 5,000 ตัวอักษร"},
                              help_text="เกิดอะไรขึ้น ที่ไหน เมื่อไร (ไม่ต้องใส่เลขประจำตัวประชาชน)")
    about = _text("ร้องเรียนใคร/หน่วยงานใด", 300, required=False, attrs={"placeholder": "เช่น โรงเรียนบ้านหนองบัว"})
    province = forms.ChoiceField(label="จังหวัด", required=False)
    district = _text("อำเภอ/เขต", 100, required=False)
    category = forms.ModelChoiceField(label="ประเภทเรื่อง", queryset=Category.objects.none(), required=False,
                                      empty_label="— ไม่แน่ใจ —")
    asked_for = forms.CharField(label="ต้องการให้ดำเนินการอย่างไร", max_length=2000, required=False,
                                widget=forms.Textarea(attrs={"rows": 2}),
                                error_messages={"max_length": "ยาวเกิน 2,000 ตัวอักษร"})
    name = _text("ชื่อ-นามสกุล", 200, required=False, attrs={"autocomplete": "name"})
    phone = _text("โทรศัพท์", 20, required=False, attrs={"type": "tel", "inputmode": "tel", "autocomplete": "tel",
                                                       "placeholder": "เช่น 081-234-5678"})
    email = forms.EmailField(label="อีเมล", max_length=254, required=False,
                             error_messages={"invalid": "รูปแบบอีเมลไม่ถูกต้อง เช่น name@example.com"},
                             widget=forms.EmailInput(attrs={"autocomplete": "email", "inputmode": "email"}))
    line_id = _text("ไอดีไลน์ (LINE)", 100, required=False)
    address = forms.CharField(label="ที่อยู่สำหรับส่งหนังสือตอบ", max_length=1000, required=False,
                              widget=forms.Textarea(attrs={"rows": 2, "autocomplete": "street-address"}),
                              error_messages={"max_length": "ยาวเกิน 1,000 ตัวอักษร"})
    anonymous = forms.BooleanField(label="ไม่ประสงค์เปิดเผยชื่อ (ติดตามผลทางหน้าตรวจสถานะได้)", required=False)
    disclose_to_agency = forms.BooleanField(
        label="ยินยอมให้แจ้งชื่อของข้าพเจ้าแก่หน่วยงานที่ตรวจสอบเรื่อง (ถ้าไม่เลือก หน่วยงานจะไม่เห็นชื่อ)", required=False)
    files = MultipleFileField(label=f"แนบไฟล์ (ไม่เกิน {MAX_FILES} ไฟล์)", required=False,
                              widget=MultipleFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg,.docx,.doc,.xlsx,.txt"}),
                              help_text="รูปภาพ PDF หรือเอกสาร Word/Excel รวมไม่เกิน 20 เมกะไบต์")
    notice_read = forms.BooleanField(label="ข้าพเจ้าได้อ่านประกาศความเป็นส่วนตัวข้างต้นแล้ว",
                                     error_messages={"required": "กรุณาอ่านประกาศความเป็นส่วนตัวแล้วเลือกช่องนี้"})
    website = forms.CharField(required=False, label="เว้นช่องนี้ว่างไว้",
                              widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}))
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.filter(office=office, active=True).order_by("position",
                                                                                                          "name")
        self.fields["province"].choices = [("", "— เลือกจังหวัด —"), *((p, p) for p in sorted(province_names()))]
        if not self.is_bound:
            self.initial["started"] = signing.dumps(timezone.now().timestamp(), salt=_SALT)

    def looks_automated(self) -> bool:
        """The honeypot filled, or the form sent back faster than a person can, or its start token forged."""
        if self.data.get(TRAP):
            return True
        try:
            started = signing.loads(self.data.get("started", ""), salt=_SALT, max_age=24 * 3600)
        except signing.BadSignature:
            return True
        return timezone.now().timestamp() - float(started) < MIN_SECONDS

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        digits = re.sub(r"\D", "", to_arabic(phone))
        if phone and not 9 <= len(digits) <= 10:
            raise forms.ValidationError("หมายเลขโทรศัพท์ต้องมี 9–10 หลัก เช่น 081-234-5678")
        return phone

    def clean_files(self):
        files = self.cleaned_data.get("files") or []
        if len(files) > MAX_FILES:
            raise forms.ValidationError(f"แนบได้ไม่เกิน {MAX_FILES} ไฟล์")
        if sum(upload.size for upload in files) > MAX_TOTAL_BYTES:
            raise forms.ValidationError("ไฟล์แนบรวมกันใหญ่เกิน 20 เมกะไบต์")
        return files

    def complaint_fields(self) -> dict:
        """file_complaint's keywords."""
        data = self.cleaned_data
        return {
            "subject": data["subject"], "details": data["details"], "about": data["about"],
            "province": data["province"], "district": data["district"], "category": data["category"],
            "asked_for": data["asked_for"], "attachments": data["files"],
            "complainant": {key: data[key] for key in ("name", "phone", "email", "line_id", "address", "anonymous",
                                                       "disclose_to_agency")},
        }


class UnechoedInput(forms.TextInput):
    """Shown as typed (a phone user checks it), never written back into the page that answers."""

    def format_value(self, value):
        return None


class StatusForm(forms.Form):
    number = _text("เลขที่เรื่อง", 40, attrs={"placeholder": "เช่น สร 12/2569", "autocomplete": "off"})
    code = forms.CharField(label="รหัสติดตามเรื่อง", max_length=20, error_messages={
        **REQUIRED, "max_length": "ยาวเกิน 20 ตัวอักษร"}, widget=UnechoedInput(attrs={
            "placeholder": "ตัวเลข 10 หลัก เช่น 48213-90576", "autocomplete": "off", "inputmode": "numeric",
            "spellcheck": "false"}))

    def clean_number(self):
        return to_arabic(self.cleaned_data["number"]).strip()
