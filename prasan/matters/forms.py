"""Forms for recording and working a matter; every message is Thai and sits next to its field."""

import datetime as dt

from django import forms
from django.utils import timezone

from prasan.accounts.models import User
from prasan.directory.models import Unit
from prasan.thai.fields import ThaiDateField, ThaiDateTimeField
from prasan.tracking.calendar import add_working_days

from .choices import CommandChannel, DutyType, Kind, Process, Secrecy, Source, Urgency
from .models import Decision, Milestone, Plan
from .uploads import UploadError, check_upload

REQUIRED = {"required": "กรุณากรอกช่องนี้"}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked by content and size."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        items = data if isinstance(data, (list, tuple)) else ([data] if data else [])
        if not items and self.required:
            raise forms.ValidationError("กรุณาเลือกไฟล์")
        cleaned = [super(MultipleFileField, self).clean(item, initial) for item in items]
        for upload in cleaned:
            try:
                check_upload(upload)
            except UploadError as exc:
                raise forms.ValidationError(f"{upload.name}: {exc}") from None
        return cleaned


class DeadlineMixin(forms.Form):
    """Deadlines are asked in working days (or as a date) and stored as dates."""

    deadline_days = forms.IntegerField(
        label="ภายใน (วันทำการ)", required=False, min_value=0, max_value=365,
        error_messages={"min_value": "ต้องไม่ติดลบ", "max_value": "ไม่เกิน 365 วันทำการ", "invalid": "กรอกเป็นตัวเลข"},
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "placeholder": "เช่น 3"}),
    )
    deadline_date = ThaiDateField(label="หรือกำหนดวันที่", required=False)

    def clean_deadline_date(self):
        value = self.cleaned_data.get("deadline_date")
        if value and value < timezone.localdate():
            raise forms.ValidationError("กำหนดส่งต้องไม่อยู่ก่อนวันนี้")
        return value

    def deadlines(self) -> tuple[dt.date | None, dt.date | None]:
        """(external, internal): the office aims one working day before the external deadline."""
        today = timezone.localdate()
        days = self.cleaned_data.get("deadline_days")
        external = self.cleaned_data.get("deadline_date")
        if external is None and days is not None:
            external = add_working_days(today, days) if days > 0 else today
        if external is None:
            return None, None
        internal = add_working_days(external, -1)
        return external, internal if internal >= today else external


class QuickCommandForm(DeadlineMixin):
    """The corridor form: who commanded, when, how, what, by when — in under 30 seconds on a phone."""

    commanded_by = forms.CharField(label="ผู้สั่งการ", max_length=200, initial="รัฐมนตรี", error_messages=REQUIRED)
    command_channel = forms.ChoiceField(
        label="ช่องทาง", choices=[c for c in CommandChannel.choices if c[0] != "written"],
        initial=CommandChannel.IN_PERSON, widget=forms.RadioSelect,
    )
    commanded_at = ThaiDateTimeField(label="เวลาที่สั่ง (วันที่ และ เวลา)", required=False)
    title = forms.CharField(
        label="สั่งให้ทำอะไร", max_length=500, error_messages=REQUIRED,
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": "เช่น ขอข้อมูลจำนวนครูผู้ช่วยที่บรรจุปี 2569 แยกรายภาค"}),
    )
    duty_type = forms.ChoiceField(label="ประเภทภารกิจ", choices=DutyType.choices, initial=DutyType.OTHER)
    # Substantive by default: a command saved in a hurry must not skip the plan and the documents; the
    # short facilitation path is taken only when someone chooses it.
    kind = forms.ChoiceField(
        label="ลักษณะงาน", choices=Kind.choices, initial=Kind.SUBSTANTIVE, widget=forms.RadioSelect,
        help_text="เนื้อหาสาระงาน: วางแผน ประสาน ทำเอกสารเสนอ · อำนวยความสะดวก: ข้อมูลเพิ่มเติม แก้เอกสาร พิธีการ นัดหมาย",
    )
    urgency = forms.ChoiceField(label="ชั้นความเร็ว", choices=Urgency.choices, initial=Urgency.URGENT)

    def clean_commanded_at(self):
        value = self.cleaned_data.get("commanded_at") or timezone.now()
        if value > timezone.now() + dt.timedelta(minutes=5):
            raise forms.ValidationError("เวลาที่สั่งต้องไม่อยู่ในอนาคต")
        return value


class MatterForm(DeadlineMixin):
    """The full form for a written command or an incoming letter, with attachments."""

    title = forms.CharField(label="เรื่อง", max_length=500, error_messages=REQUIRED)
    description = forms.CharField(label="สาระสำคัญ/คำสั่งการ", required=False, widget=forms.Textarea(attrs={"rows": 4}))
    source = forms.ChoiceField(label="ที่มา", choices=Source.choices, initial=Source.WRITTEN_COMMAND)
    duty_type = forms.ChoiceField(label="ประเภทภารกิจ", choices=DutyType.choices)
    commanded_by = forms.CharField(label="ผู้สั่งการ/ผู้ส่ง", max_length=200, required=False)
    kind = forms.ChoiceField(label="ลักษณะงาน", choices=Kind.choices, initial=Kind.SUBSTANTIVE)
    process = forms.ChoiceField(label="กระบวนการ", choices=Process.choices, initial=Process.MAIN)
    urgency = forms.ChoiceField(label="ชั้นความเร็ว", choices=Urgency.choices)
    secrecy = forms.TypedChoiceField(label="ชั้นความลับ", choices=Secrecy.choices, coerce=int, initial=0)
    owner_unit = forms.ModelChoiceField(label="กลุ่มงานเจ้าของเรื่อง", queryset=Unit.objects.all(), required=False,
                                        empty_label="— เลือก —")
    assignees = forms.ModelMultipleChoiceField(
        label="ผู้รับผิดชอบ", required=False,
        queryset=User.objects.filter(is_active=True, role__in=["coordinator", "group_head"]).order_by("first_name"),
        widget=forms.SelectMultiple(attrs={"size": 5}),
    )
    parent_number = forms.CharField(label="เป็นเรื่องย่อยของ (เลขเรื่อง)", required=False, max_length=40,
                                    widget=forms.TextInput(attrs={"placeholder": "เช่น สร 12/2569"}))
    attachments = MultipleFileField(label="ไฟล์แนบ", required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.parent = None
        if user is not None and user.clearance < Secrecy.TOP_SECRET:
            self.fields["secrecy"].choices = [c for c in Secrecy.choices if c[0] <= user.clearance]

    def clean_parent_number(self):
        from .models import Matter

        text = self.cleaned_data.get("parent_number", "").strip()
        if not text:
            return ""
        try:
            seq, year = text.split()[-1].split("/")
            self.parent = Matter.objects.visible_to(self.user).get(seq=int(seq), year=int(year))
        except (ValueError, Matter.DoesNotExist):
            raise forms.ValidationError("ไม่พบเรื่องเลขนี้") from None
        return text

    def clean(self):
        from .access import NotCleared, require_cleared

        data = super().clean()
        try:
            require_cleared(data.get("secrecy") or 0, data.get("assignees") or [])
        except NotCleared as exc:
            self.add_error("assignees", exc)
        return data


class PlanForm(forms.ModelForm):
    methods = forms.MultipleChoiceField(
        label="วิธีการประสาน", required=False, widget=forms.CheckboxSelectMultiple, choices=()
    )

    class Meta:
        model = Plan
        fields = ["targets", "methods", "deliverables", "notes"]
        widgets = {
            "targets": forms.Textarea(attrs={"rows": 3, "placeholder": "หน่วยงาน/บุคคลเป้าหมาย เช่น สพฐ. (สำนักบริหารงานการมัธยมศึกษาตอนปลาย)"}),
            "deliverables": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {"targets": REQUIRED}

    def __init__(self, *args, **kwargs):
        from prasan.coordination.models import Channel

        super().__init__(*args, **kwargs)
        self.fields["methods"].choices = Channel.choices


class MilestoneForm(forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["title", "due"]
        field_classes = {"due": ThaiDateField}
        error_messages = {"title": REQUIRED, "due": {"required": "กรุณาระบุวันที่", "invalid": "วันที่ไม่ถูกต้อง"}}


class EventForm(forms.Form):
    event = forms.CharField(max_length=30)
    message = forms.CharField(label="ข้อความ", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    verdict = forms.ChoiceField(label="คำวินิจฉัย", required=False, choices=[("", "—")] + Decision.Verdict.choices)
    decided_by = forms.CharField(label="ผู้สั่งการ", required=False, max_length=200)
    open_requests = forms.ChoiceField(label="คำขอถึงหน่วยงานที่ยังไม่ได้ตอบ", required=False, widget=forms.RadioSelect,
                                      choices=[("cancel", "ยกเลิกคำขอเหล่านี้"),
                                               ("keep", "คงคำขอไว้ (หน่วยงานยังตอบผ่านลิงก์ได้)")])


class FileForm(forms.Form):
    file = forms.FileField(label="ไฟล์", error_messages={"required": "กรุณาเลือกไฟล์"})
    kind = forms.ChoiceField(label="ชนิด", choices=[
        ("draft", "ร่างเอกสาร"), ("source", "เอกสารต้นเรื่อง"), ("other", "อื่น ๆ"),
    ])

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            check_upload(upload)
        except UploadError as exc:
            raise forms.ValidationError(str(exc)) from None
        return upload
