"""The confirm form: the parser's fields, each editable, plus where the letter goes."""

from django import forms

from prasan.accounts.models import User
from prasan.directory.models import Unit
from prasan.matters.access import NotCleared, require_cleared
from prasan.matters.choices import SECRECY_MARKS, DutyType, Secrecy, Source, secrecy_of_mark
from prasan.matters.forms import REQUIRED
from prasan.thai.fields import ThaiDateField

from .models import LetterIntake

KINDS = [("external", "หนังสือภายนอก"), ("memo", "บันทึกข้อความ"), ("stamp", "หนังสือประทับตรา"),
         ("circular", "หนังสือเวียน"), ("order", "คำสั่ง"), ("announcement", "ประกาศ"),
         ("instruction", "ระเบียบ / ข้อบังคับ"), ("pr", "แถลงการณ์ / ข่าว"), ("complaint", "หนังสือร้องเรียน")]
URGENCIES = [("", "ปกติ"), ("ด่วน", "ด่วน"), ("ด่วนมาก", "ด่วนมาก"), ("ด่วนที่สุด", "ด่วนที่สุด")]
SECRECIES = [("", Secrecy.NORMAL.label), *((mark, mark) for mark in reversed(SECRECY_MARKS))]
PARSED = ["kind", "doc_number", "date", "subject", "to", "from_agency", "urgency", "secrecy", "references",
          "enclosures", "reply_by", "reply_within_days", "signer", "signer_position", "contact_phone"]


class UploadForm(forms.Form):
    file = forms.FileField(label="ไฟล์หนังสือ (PDF, รูปสแกน, Word หรือข้อความ)",
                           error_messages={"required": "กรุณาเลือกไฟล์", "empty": "ไฟล์ว่างเปล่า"})


class LinesField(forms.CharField):
    widget = forms.Textarea(attrs={"rows": 2})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        return [line.strip() for line in (value or "").splitlines() if line.strip()]


class ConfirmForm(forms.Form):
    kind = forms.ChoiceField(label="ชนิดหนังสือ", choices=KINDS)
    doc_number = forms.CharField(label="ที่", max_length=100, required=False)
    date = ThaiDateField(label="ลงวันที่", required=False)
    subject = forms.CharField(label="เรื่อง", max_length=500, error_messages=REQUIRED,
                              widget=forms.Textarea(attrs={"rows": 2}))
    to = forms.CharField(label="เรียน/ถึง", max_length=300, required=False)
    from_agency = forms.CharField(label="จาก", max_length=300, required=False)
    urgency = forms.ChoiceField(label="ชั้นความเร็ว", choices=URGENCIES, required=False)
    secrecy = forms.ChoiceField(label="ชั้นความลับ", choices=SECRECIES, required=False)
    references = LinesField(label="อ้างถึง (บรรทัดละรายการ)", required=False)
    enclosures = LinesField(label="สิ่งที่ส่งมาด้วย (บรรทัดละรายการ)", required=False)
    reply_by = ThaiDateField(label="ให้ตอบภายในวันที่", required=False)
    reply_within_days = forms.IntegerField(label="ให้ตอบภายใน (วันทำการ)", required=False, min_value=0, max_value=365)
    signer = forms.CharField(label="ผู้ลงนาม", max_length=200, required=False)
    signer_position = forms.CharField(label="ตำแหน่งผู้ลงนาม", max_length=300, required=False)
    contact_phone = forms.CharField(label="โทรศัพท์ติดต่อ", max_length=100, required=False)
    # Where the letter goes.
    destination = forms.ChoiceField(label="การดำเนินการ", widget=forms.RadioSelect, initial="new", choices=[
        ("new", "สร้างเรื่องใหม่"), ("attach", "แนบกับเรื่องเดิม"), ("register_only", "ลงทะเบียนรับอย่างเดียว")])
    attach_number = forms.CharField(label="เลขเรื่องเดิม", max_length=40, required=False,
                                    widget=forms.TextInput(attrs={"placeholder": "เช่น สร 12/2569"}))
    duty_type = forms.ChoiceField(label="ประเภทภารกิจ", choices=DutyType.choices, initial=DutyType.ANALYSIS)
    owner_unit = forms.ModelChoiceField(label="กลุ่มงานเจ้าของเรื่อง", queryset=Unit.objects.all(), required=False,
                                        empty_label="— เลือก —")
    assignees = forms.ModelMultipleChoiceField(
        label="ผู้รับผิดชอบ", required=False, widget=forms.SelectMultiple(attrs={"size": 4}),
        queryset=User.objects.filter(is_active=True, role__in=["coordinator", "group_head"]).order_by("first_name"))
    action = forms.CharField(label="การปฏิบัติ", max_length=500, required=False)
    # Shown only when the letter matches one registered already: ticking it is the "on purpose".
    duplicate_ok = forms.BooleanField(label="ยืนยันว่าเป็นหนังสืออีกฉบับ ลงทะเบียนซ้ำโดยตั้งใจ", required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.attach_to = None

    def clean(self):
        from prasan.matters.models import Matter

        data = super().clean()
        level = secrecy_of_mark(data.get("secrecy"))
        if level > self.user.clearance:
            self.add_error("secrecy", "ท่านไม่มีสิทธิ์ลงทะเบียนหนังสือชั้นความลับนี้ กรุณาส่งให้ผู้มีสิทธิ์")
        try:
            require_cleared(level, data.get("assignees") or [])
        except NotCleared as exc:
            self.add_error("assignees", exc)
        if data.get("destination") == "attach":
            text = (data.get("attach_number") or "").strip()
            try:
                seq, year = text.split()[-1].split("/")
                self.attach_to = Matter.objects.visible_to(self.user).get(seq=int(seq), year=int(year))
            except (ValueError, IndexError, Matter.DoesNotExist):
                self.add_error("attach_number", "ไม่พบเรื่องเลขนี้")
        data["source"] = {"complaint": Source.COMPLAINT}.get(data.get("kind"), Source.INCOMING_LETTER)
        return data


def initial_from(intake: LetterIntake) -> dict:
    fields = intake.fields or {}
    initial = {name: fields.get(name) for name in PARSED if fields.get(name) not in (None, "")}
    initial["urgency"] = fields.get("urgency") or ""
    initial["secrecy"] = fields.get("secrecy") or ""
    if fields.get("duty_type") in DutyType.values:  # proposed by the parser (fields/duty.py)
        initial["duty_type"] = fields["duty_type"]
    elif fields.get("kind") == "complaint":  # letters read before the parser proposed a duty type
        initial["duty_type"] = DutyType.COMPLAINT
    elif "กระทู้" in (fields.get("subject") or "") or "สภาผู้แทนราษฎร" in (fields.get("from_agency") or ""):
        initial["duty_type"] = DutyType.PARLIAMENT
    return initial
