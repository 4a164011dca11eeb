"""The registrar's page for importing a 1111 or Traffy Fondue export: the upload is stored and queued for the
worker, the run's page shows its progress (polled) and then what was imported, skipped and refused."""

from django import forms
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from prasan.accounts.models import Role
from prasan.matters.access import role_required

from . import jobs, samples, tables
from .models import ImportRun

IMPORT_ROLES = frozenset({Role.REGISTRAR, Role.HEAD})
SHOWN = 200  # rows listed of each kind; the counts are always whole
CONTENT_TYPES = {"csv": "text/csv; charset=utf-8",
                 "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
ACCEPTED = (".csv", ".xlsx", ".txt")


class ImportForm(forms.Form):
    file = forms.FileField(label="ไฟล์ที่ส่งออกจากระบบ 1111 หรือ Traffy Fondue (CSV หรือ XLSX)",
                           error_messages={"required": "กรุณาเลือกไฟล์", "empty": "ไฟล์ว่างเปล่า"},
                           widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}))
    dry_run = forms.BooleanField(label="ตรวจไฟล์อย่างเดียว ยังไม่บันทึก", required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(ACCEPTED):
            raise forms.ValidationError("รับเฉพาะไฟล์ CSV หรือ XLSX ที่ส่งออกจากระบบ 1111 หรือ Traffy Fondue")
        return upload


@role_required(IMPORT_ROLES)
def import_page(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            job = jobs.start(form.cleaned_data["file"], by=request.user, dry_run=form.cleaned_data["dry_run"])
        except tables.TableError as error:
            form.add_error("file", error.message)
        else:
            return redirect("complaint-import-run", job.pk)
    return render(request, "complaints/import.html", {
        "form": form, "samples": list(samples.SAMPLES),
        "recent": ImportRun.objects.select_related("created_by")[:10],
    }, status=422 if form.errors else 200)


@role_required(IMPORT_ROLES)
def import_run(request, pk):
    job = get_object_or_404(ImportRun, pk=pk)
    report = job.report or {}
    return render(request, "complaints/import_run.html", {
        "job": job, "shown": SHOWN, "rows": report.get("rows", 0),
        **{kind: report.get(kind, [])[:SHOWN] for kind in ("created", "skipped", "refused")},
        **{f"{kind}_count": len(report.get(kind, [])) for kind in ("created", "skipped", "refused")},
    })


@role_required(IMPORT_ROLES)
def import_progress(request, pk):
    """Polled every second while the worker imports."""
    job = get_object_or_404(ImportRun, pk=pk)
    if job.status not in (ImportRun.Status.QUEUED, ImportRun.Status.RUNNING):
        response = HttpResponse("")
        response["HX-Redirect"] = reverse("complaint-import-run", args=[job.pk])
        return response
    return render(request, "complaints/import_progress.html", {"job": job})


@role_required(IMPORT_ROLES)
def sample_file(request, name):
    make = samples.SAMPLES.get(name)
    if make is None:
        raise Http404
    response = HttpResponse(make(), content_type=CONTENT_TYPES[name.rsplit(".", 1)[1]])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
