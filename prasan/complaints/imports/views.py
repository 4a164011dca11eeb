"""The registrar's page for importing a 1111 or Traffy Fondue export, and the sample files to try it with."""

from django import forms
from django.http import Http404, HttpResponse
from django.shortcuts import render

from prasan.accounts.models import Role
from prasan.directory.models import Office
from prasan.matters.access import role_required

from . import run, samples, tables

IMPORT_ROLES = frozenset({Role.REGISTRAR, Role.HEAD})
SHOWN = 200  # rows listed of each kind; the counts are always whole
CONTENT_TYPES = {"csv": "text/csv; charset=utf-8",
                 "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


class ImportForm(forms.Form):
    file = forms.FileField(label="ไฟล์ที่ส่งออกจากระบบ 1111 หรือ Traffy Fondue (CSV หรือ XLSX)")
    dry_run = forms.BooleanField(label="ตรวจไฟล์อย่างเดียว ยังไม่บันทึก", required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > tables.MAX_BYTES:
            raise forms.ValidationError(f"ไฟล์ใหญ่เกิน {tables.MAX_BYTES // (1024 * 1024)} เมกะไบต์: แบ่งไฟล์แล้วนำเข้าทีละส่วน")
        try:
            return tables.read(upload.read(), upload.name)
        except tables.TableError as error:
            raise forms.ValidationError(str(error)) from None


@role_required(IMPORT_ROLES)
def import_page(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        try:
            report = run.import_table(Office.current(), form.cleaned_data["file"], by=request.user,
                                      dry_run=form.cleaned_data["dry_run"])
        except tables.TableError as error:
            form.add_error("file", str(error))
    context = {"form": form, "report": report, "samples": list(samples.SAMPLES), "shown": SHOWN,
               "dry_run": form.is_bound and form.is_valid() and form.cleaned_data["dry_run"]}
    if report:
        context.update(created=report.created[:SHOWN], skipped=report.skipped[:SHOWN], refused=report.refused[:SHOWN])
    return render(request, "complaints/import.html", context, status=422 if form.errors else 200)


@role_required(IMPORT_ROLES)
def sample_file(request, name):
    make = samples.SAMPLES.get(name)
    if make is None:
        raise Http404
    response = HttpResponse(make(), content_type=CONTENT_TYPES[name.rsplit(".", 1)[1]])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
