"""Importing sitting days from a CSV on a page (the head of office and administrators; also in the admin)."""

from functools import wraps

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from prasan.accounts.models import Role
from prasan.directory.csvfile import CsvFileError, decode

from . import sittings_import
from .models import Session, Sitting

MAX_UPLOAD = 1024 * 1024


def calendar_keeper_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not (request.user.is_superuser or request.user.role in (Role.ADMIN, Role.HEAD)):
            raise PermissionDenied("เฉพาะผู้ดูแลระบบและหัวหน้าสำนักงานรัฐมนตรีนำเข้าวันประชุมได้")
        return view(request, *args, **kwargs)

    return wrapper


class ImportForm(forms.Form):
    text = forms.CharField(label="วางข้อมูล CSV", required=False, widget=forms.Textarea(attrs={"rows": 8}),
                           help_text="บรรทัดแรกเป็นหัวตาราง: สภา,วันที่,การประชุม,หมายเหตุ")
    file = forms.FileField(label="หรือเลือกไฟล์ CSV", required=False)

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
            raise forms.ValidationError("กรุณาวางข้อมูลหรือเลือกไฟล์")
        return data


@calendar_keeper_required
def sittings_page(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        parsed = sittings_import.parse(form.cleaned_data["text"])
        errors = parsed.errors
        if not errors:
            added, updated = sittings_import.apply(parsed.entries, by=request.user)
            messages.success(request, f"นำเข้าวันประชุมแล้ว: เพิ่ม {added} วัน ปรับปรุง {updated} วัน")
            return redirect("parliament-sittings")
    today = timezone.localdate()
    return render(request, "parliament/sittings.html", {
        "form": form, "errors": errors, "template": sittings_import.TEMPLATE,
        "sessions": Session.objects.order_by("-starts_on")[:10],
        "upcoming": Sitting.objects.filter(date__gte=today).select_related("session").order_by("date", "house")[:60],
    }, status=422 if errors or form.errors else 200)


@calendar_keeper_required
def sittings_template(request):
    response = HttpResponse(("\ufeff" + sittings_import.TEMPLATE).encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="sittings-template.csv"'
    return response
