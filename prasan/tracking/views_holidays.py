"""The holiday page: the year's days off, adding an office day, importing the cabinet's list, removing a row."""

import datetime as dt
from functools import wraps

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from prasan.accounts.models import Role
from prasan.directory.csvfile import CsvFileError, decode
from prasan.thai.dates import BE_OFFSET, WEEKDAYS, be_year
from prasan.thai.fields import ThaiDateField

from . import holiday_import
from .calendar import WorkingCalendar
from .models import Holiday

MAX_UPLOAD = 1024 * 1024
KINDS = {
    # kind: (label, source, is_working_day)
    "special": ("วันหยุดพิเศษ (มติคณะรัฐมนตรี)", Holiday.Source.CABINET, False),
    "substitution": ("วันหยุดชดเชย", Holiday.Source.CABINET, False),
    "office": ("วันหยุดที่สำนักงานกำหนด", Holiday.Source.OFFICE, False),
    "working": ("สลับเป็นวันทำงาน (วันที่ปกติเป็นวันหยุด)", Holiday.Source.CABINET, True),
}


def holiday_admin_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not (request.user.is_superuser or request.user.role in (Role.ADMIN, Role.HEAD)):
            raise PermissionDenied("เฉพาะผู้ดูแลระบบและหัวหน้าสำนักงานรัฐมนตรีจัดการวันหยุดได้")
        return view(request, *args, **kwargs)

    return wrapper


class HolidayForm(forms.Form):
    date = ThaiDateField(label="วันที่")
    name = forms.CharField(label="ชื่อวันหยุด", max_length=holiday_import.MAX_NAME)
    kind = forms.ChoiceField(label="ชนิด", choices=[(k, v[0]) for k, v in KINDS.items()])

    def entry(self) -> holiday_import.HolidayEntry:
        _, source, working = KINDS[self.cleaned_data["kind"]]
        return holiday_import.HolidayEntry(self.cleaned_data["date"], self.cleaned_data["name"].strip(),
                                           is_working_day=working, source=source)


class ImportForm(forms.Form):
    text = forms.CharField(
        label="วางรายการวันหยุด (บรรทัดละหนึ่งวัน)", required=False, widget=forms.Textarea(attrs={"rows": 8}),
        help_text="เช่น 2569-01-02,วันหยุดพิเศษ หรือ ๒ มกราคม ๒๕๖๙ วันหยุดพิเศษ",
    )
    file = forms.FileField(label="หรือเลือกไฟล์ CSV", required=False,
                           help_text="คอลัมน์แรกเป็นวันที่ คอลัมน์ที่สองเป็นชื่อวันหยุด")

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload:
            if upload.size > MAX_UPLOAD:
                raise forms.ValidationError("ไฟล์ใหญ่เกิน 1 MB")
            try:
                data["text"] = decode(upload.read())
            except CsvFileError as error:
                raise forms.ValidationError(str(error)) from None
        if not (data.get("text") or "").strip():
            raise forms.ValidationError("กรุณาวางรายการวันหยุดหรือเลือกไฟล์")
        return data


def _year(request) -> int:
    """The CE year to show; the page speaks BE (?year=2569)."""
    value = (request.GET.get("year") or "").strip()
    if value.isdigit() and 2500 <= int(value) <= 2700:
        return int(value) - BE_OFFSET
    return timezone.localdate().year


def _page(request, year: int, *, add_form=None, import_form=None, import_errors=(), status=200):
    calendar = WorkingCalendar()
    office = {h.date: h for h in Holiday.objects.filter(date__year=year)}
    rows = []
    for day, name in sorted(calendar.holidays_in(year).items()):
        rows.append({"date": day, "weekday": WEEKDAYS[day.weekday()], "name": name, "row": office.get(day),
                     "weekend": day.weekday() >= 5, "working": False})
    for day, holiday in office.items():
        if holiday.is_working_day:
            rows.append({"date": day, "weekday": WEEKDAYS[day.weekday()], "name": holiday.name, "row": holiday,
                         "weekend": day.weekday() >= 5, "working": True})
    rows.sort(key=lambda r: r["date"])
    working_days = calendar.working_days_between(dt.date(year - 1, 12, 31), dt.date(year, 12, 31))
    return render(request, "tracking/holidays.html", {
        "year": year + BE_OFFSET, "rows": rows, "working_days": working_days,
        "add_form": add_form or HolidayForm(), "import_form": import_form or ImportForm(),
        "import_errors": import_errors, "years": [year + BE_OFFSET - 1, year + BE_OFFSET + 1],
    }, status=status)


@holiday_admin_required
def holiday_list(request):
    return _page(request, _year(request))


def _report(request, applied: holiday_import.Applied, saved: str) -> None:
    text = saved
    if applied.new_days_off and not (applied.moved_matters or applied.moved_requests):
        text += " — ไม่มีกำหนดของเรื่องหรือคำขอที่ยังไม่ปิดตรงกับวันหยุดใหม่"
    elif applied.new_days_off:
        text += (f" — เลื่อนกำหนดของเรื่องที่ยังไม่ปิด {applied.moved_matters} เรื่อง"
                 f" และคำขอถึงหน่วยงาน {applied.moved_requests} รายการ ไปเป็นวันทำการถัดไป (บันทึกในประวัติของเรื่องแล้ว)")
    messages.success(request, text)


def _back(date: dt.date):
    return redirect(f"{reverse('holidays')}?year={be_year(date)}")


@require_POST
@holiday_admin_required
def holiday_add(request):
    form = HolidayForm(request.POST)
    if not form.is_valid():
        return _page(request, _year(request), add_form=form, status=400)
    entry = form.entry()
    applied = holiday_import.apply([entry], by=request.user)
    _report(request, applied, f"บันทึก “{entry.name}” แล้ว")
    return _back(entry.date)


@require_POST
@holiday_admin_required
def holiday_import_view(request):
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, _year(request), import_form=form, status=400)
    parsed = holiday_import.parse(form.cleaned_data["text"])
    if parsed.errors:
        # All or nothing: one bad line and nothing is saved, so the list can be fixed and pasted again.
        return _page(request, _year(request), import_form=form, import_errors=parsed.errors, status=400)
    applied = holiday_import.apply(parsed.entries, by=request.user)
    _report(request, applied, f"นำเข้าวันหยุด {len(parsed.entries)} วันแล้ว (ใหม่ {applied.created} แก้ไข {applied.updated})")
    return _back(parsed.entries[0].date)


@require_POST
@holiday_admin_required
def holiday_delete(request, pk):
    holiday = get_object_or_404(Holiday, pk=pk)
    holiday_import.remove(holiday, by=request.user)
    messages.success(request, f"ลบ “{holiday.name}” แล้ว กำหนดที่เคยเลื่อนไปเพราะวันนี้จะไม่เลื่อนกลับ")
    return _back(holiday.date)
