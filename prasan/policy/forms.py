"""The pages' forms: a new policy with its indicators and agencies, an agency's progress report, closing a
commitment. Dates are typed in the Buddhist era (prasan.thai.fields); nothing typed is lost on an error."""

from decimal import Decimal

from django import forms

from prasan.directory.models import Agency
from prasan.matters.choices import Secrecy, Urgency
from prasan.matters.forms import REQUIRED, MultipleFileField
from prasan.thai.date_input import DateInputError, parse_date
from prasan.thai.fields import ThaiDateField

from .choices import PolicyKind, Role, Schedule
from .units import UnitError, number, parse_value

INDICATOR_ROWS = 4
AGENCY_ROWS = 6


class PolicyForm(forms.Form):
    kind = forms.ChoiceField(label="ประเภท", choices=PolicyKind.choices, widget=forms.RadioSelect,
                             initial=PolicyKind.POLICY)
    title = forms.CharField(label="ชื่อนโยบาย/ข้อสั่งการ", max_length=500, required=False,
                            help_text="เว้นว่างได้เมื่อสร้างจากเรื่องหรือมติ ครม. (ใช้ชื่อเรื่องเดิม)")
    description = forms.CharField(label="สาระของนโยบาย/ข้อสั่งการ", required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    goals = forms.CharField(label="เป้าหมาย", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    starts_on = ThaiDateField(label="เริ่ม")
    ends_on = ThaiDateField(label="สิ้นสุด")
    schedule = forms.ChoiceField(label="รอบการรายงานของหน่วยงาน", choices=Schedule.choices, initial=Schedule.MONTHLY)
    report_dates = forms.CharField(label="วันที่ต้องรายงาน (เฉพาะรอบตามวันที่กำหนด)", required=False,
                                   help_text="คั่นด้วยจุลภาค เช่น 31 มี.ค. 2570, 30 มิ.ย. 2570")
    urgency = forms.ChoiceField(label="ชั้นความเร็ว", choices=Urgency.choices, initial=Urgency.NORMAL)
    secrecy = forms.TypedChoiceField(label="ชั้นความลับ", choices=Secrecy.choices, coerce=int, initial=0)

    def __init__(self, *args, from_source: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.from_source = from_source
        if from_source:  # the source's secrecy and urgency carry over
            del self.fields["urgency"], self.fields["secrecy"]
        agencies = Agency.objects.filter(active=True).order_by("name")
        for i in range(INDICATOR_ROWS):
            self.fields[f"kpi{i}_name"] = forms.CharField(label="ตัวชี้วัด", required=False, max_length=300)
            self.fields[f"kpi{i}_unit"] = forms.CharField(label="หน่วยนับ", required=False, max_length=40)
            self.fields[f"kpi{i}_baseline"] = forms.DecimalField(label="ค่าฐาน", required=False, max_digits=16,
                                                                 decimal_places=2)
            self.fields[f"kpi{i}_target"] = forms.DecimalField(label="ค่าเป้าหมาย", required=False, max_digits=16,
                                                               decimal_places=2)
            self.fields[f"kpi{i}_period"] = forms.CharField(label="ช่วงเวลาวัดผล", required=False, max_length=100)
        for i in range(AGENCY_ROWS):
            self.fields[f"agency{i}"] = forms.ModelChoiceField(label="หน่วยงาน", queryset=agencies, required=False,
                                                               empty_label="— เลือกหน่วยงาน —")
            self.fields[f"agency{i}_role"] = forms.ChoiceField(label="บทบาท", choices=Role.choices,
                                                               initial=Role.LEAD if i == 0 else Role.SUPPORT)
            self.fields[f"agency{i}_task"] = forms.CharField(label="ภารกิจ", required=False,
                                                             widget=forms.Textarea(attrs={"rows": 2}))
            self.fields[f"agency{i}_milestones"] = forms.CharField(
                label="ขั้นงาน (บรรทัดละหนึ่ง: ชื่อขั้นงาน | วันที่)", required=False,
                widget=forms.Textarea(attrs={"rows": 2}), help_text="เช่น ประกาศรายชื่อโรงเรียน | 31 ม.ค. 2570")

    def indicator_rows(self):
        return [[self[f"kpi{i}_{name}"] for name in ("name", "unit", "baseline", "target", "period")]
                for i in range(INDICATOR_ROWS)]

    def agency_rows(self):
        return [[self[f"agency{i}{name}"] for name in ("", "_role", "_task", "_milestones")]
                for i in range(AGENCY_ROWS)]

    def clean(self):
        data = super().clean()
        if not self.from_source and not (data.get("title") or "").strip():
            self.add_error("title", "กรุณากรอกชื่อนโยบาย/ข้อสั่งการ")
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", "วันสิ้นสุดต้องไม่อยู่ก่อนวันเริ่ม")
        data["indicators"] = self._indicators(data)
        data["agencies"] = self._agencies(data)
        if not data["agencies"] and not self.errors:
            self.add_error("agency0", "เลือกหน่วยงานรับผิดชอบอย่างน้อยหนึ่งหน่วยงาน")
        data["dates"] = []
        if data.get("schedule") == Schedule.DATES:
            for part in (data.get("report_dates") or "").split(","):
                if part.strip():
                    try:
                        data["dates"].append(parse_date(part.strip()))
                    except DateInputError as exc:
                        self.add_error("report_dates", f"“{part.strip()}”: {exc}")
            if not data["dates"] and "report_dates" not in self.errors:
                self.add_error("report_dates", "ระบุวันที่ต้องรายงานอย่างน้อยหนึ่งวัน")
        return data

    def _indicators(self, data) -> list[dict]:
        found = []
        for i in range(INDICATOR_ROWS):
            name = (data.get(f"kpi{i}_name") or "").strip()
            if not name:
                continue
            row = {"name": name, "unit": (data.get(f"kpi{i}_unit") or "").strip(),
                   "baseline": data.get(f"kpi{i}_baseline") or Decimal(0), "target": data.get(f"kpi{i}_target"),
                   "period": (data.get(f"kpi{i}_period") or "").strip()}
            if not row["unit"]:
                self.add_error(f"kpi{i}_unit", f"ตัวชี้วัด “{name}” ต้องมีหน่วยนับ")
            if row["target"] is None:
                self.add_error(f"kpi{i}_target", f"ตัวชี้วัด “{name}” ต้องมีค่าเป้าหมาย")
            found.append(row)
        return found

    def _agencies(self, data) -> list[dict]:
        found, seen = [], set()
        for i in range(AGENCY_ROWS):
            agency = data.get(f"agency{i}")
            if agency is None:
                continue
            if agency.pk in seen:
                self.add_error(f"agency{i}", f"เลือก {agency.name} ซ้ำ")
                continue
            seen.add(agency.pk)
            milestones = []
            for line in (data.get(f"agency{i}_milestones") or "").splitlines():
                if not line.strip():
                    continue
                title, _, day = line.partition("|")
                try:
                    milestones.append((title.strip()[:300], parse_date(day.strip())))
                except DateInputError:
                    self.add_error(f"agency{i}_milestones",
                                   f"“{line.strip()}”: เขียนเป็น ชื่อขั้นงาน | วันที่ เช่น ประกาศผล | 31 ม.ค. 2570")
            found.append({"agency": agency, "role": data.get(f"agency{i}_role") or Role.SUPPORT,
                          "task": (data.get(f"agency{i}_task") or "").strip(), "milestones": milestones})
        return found


class ReportForm(forms.Form):
    """The liaison officer's progress report: one value box per indicator, in the indicator's unit."""

    name = forms.CharField(label="ชื่อ-สกุลผู้รายงาน", max_length=200, error_messages=REQUIRED)
    progress = forms.DecimalField(label="ความก้าวหน้าโดยรวม (ร้อยละ)", min_value=0, max_value=100, max_digits=5,
                                  decimal_places=1,
                                  error_messages={"required": "กรุณากรอกร้อยละความก้าวหน้า", "invalid": "กรอกเป็นตัวเลข",
                                                  "min_value": "ต้องไม่น้อยกว่า 0", "max_value": "ต้องไม่เกิน 100"})
    narrative = forms.CharField(label="ผลการดำเนินงานในงวดนี้", widget=forms.Textarea(attrs={"rows": 4}),
                                error_messages=REQUIRED)
    problems = forms.CharField(label="ปัญหา/อุปสรรค และข้อเสนอ", required=False,
                               widget=forms.Textarea(attrs={"rows": 3}))
    files = MultipleFileField(label="แนบไฟล์ (ถ้ามี)", required=False)

    def __init__(self, *args, indicators=(), milestones=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = list(indicators)
        for indicator in self.indicators:
            self.fields[f"kpi_{indicator.pk}"] = forms.CharField(
                label=f"{indicator.name} (หน่วย: {indicator.unit})", required=False, max_length=60,
                help_text=f"ค่าฐาน {number(indicator.baseline)} เป้าหมาย {number(indicator.target)} {indicator.unit}"
                          + (f" ({indicator.period})" if indicator.period else ""))
        self.milestone_choices = list(milestones)
        if self.milestone_choices:
            self.fields["milestones"] = forms.MultipleChoiceField(
                label="ขั้นงานที่แล้วเสร็จในงวดนี้", required=False, widget=forms.CheckboxSelectMultiple,
                choices=[(str(m.pk), m.title) for m in self.milestone_choices])
        self.order_fields(["name", "progress", *(f"kpi_{i.pk}" for i in self.indicators), "milestones",
                           "narrative", "problems", "files"])

    def clean_files(self):
        uploads = self.cleaned_data["files"]
        if len(uploads) > 10:
            raise forms.ValidationError("แนบได้ไม่เกิน 10 ไฟล์")
        return uploads

    def clean(self):
        data = super().clean()
        values = {}
        for indicator in self.indicators:
            try:
                values[indicator] = parse_value(data.get(f"kpi_{indicator.pk}"), indicator.unit, name=indicator.name)
            except UnitError as exc:
                self.add_error(f"kpi_{indicator.pk}", str(exc))
        data["values"] = values
        chosen = set(data.get("milestones") or [])
        data["milestones_done"] = [m for m in self.milestone_choices if str(m.pk) in chosen]
        return data


class CloseForm(forms.Form):
    note = forms.CharField(label="เหตุที่ปิดภารกิจ", max_length=300, error_messages=REQUIRED)
