"""Letter intake pages: upload, progress, the scan beside the prefilled form, confirm; retry or discard."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from prasan.accounts.models import Role
from prasan.audit.models import record
from prasan.matters.access import INTAKE_ROLES, role_required
from prasan.matters.choices import DutyType, Source, secrecy_of_mark
from prasan.parliament.choices import ItemKind

from .. import cabinet_form, complaint_form, parliament_form
from ..confirming import already_registered, confirm, deadlines
from ..duplicates import DuplicateLetter
from ..intake_forms import PARSED, ConfirmForm, UploadForm, initial_from
from ..models import LetterIntake
from ..receiving import ReceiveError, matching_outgoing, preview_name, queue, receive

intake_roles = role_required(INTAKE_ROLES)


def _intakes(user):
    qs = LetterIntake.objects.select_related("entry", "created_by")
    if user.role not in (Role.REGISTRAR, Role.HEAD):
        qs = qs.filter(created_by=user)
    return qs


def _get(user, pk) -> LetterIntake:
    intake = get_object_or_404(_intakes(user), pk=pk)
    if secrecy_of_mark((intake.fields or {}).get("secrecy")) > user.clearance:
        raise Http404
    return intake


@intake_roles
def intake_home(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            intake = receive(form.cleaned_data["file"], by=request.user)
        except ReceiveError as exc:
            form.add_error("file", str(exc))
        else:
            if intake.duplicate_of_id:
                messages.warning(request, "ไฟล์นี้เคยรับเข้ามาแล้ว โปรดตรวจว่าไม่ได้ลงทะเบียนซ้ำ")
            return redirect("intake-detail", pk=intake.pk)
    recent = _intakes(request.user).exclude(
        status__in=[LetterIntake.Status.REGISTERED, LetterIntake.Status.DISCARDED])[:30]
    return render(request, "correspondence/intake_home.html", {"form": form, "recent": recent})


@intake_roles
def intake_detail(request, pk):
    intake = _get(request.user, pk)
    if intake.status in (LetterIntake.Status.QUEUED, LetterIntake.Status.PROCESSING):
        return render(request, "correspondence/intake_progress.html", {"intake": intake})
    if intake.status == LetterIntake.Status.DISCARDED:
        raise Http404
    form, item_form, complaint_form_, agenda_form, duplicate, status = None, None, None, None, None, 200
    if intake.status == LetterIntake.Status.READY:
        initial = _initial(intake, request.user)
        form = ConfirmForm(request.POST or None, initial=initial, user=request.user)
        item_form = parliament_form.ParliamentItemForm(
            request.POST or None, initial=parliament_form.initial_from(intake.fields or {}))
        complaint_form_ = complaint_form.ComplaintIntakeForm(
            request.POST or None, initial=complaint_form.initial_from(intake.fields or {}))
        agenda_form = cabinet_form.CabinetAgendaForm(
            request.POST or None, initial=cabinet_form.initial_from(intake.fields or {}))
        if request.method != "POST":
            duplicate = already_registered({**initial, "date": _date(intake, "date")}, user=request.user)
        elif form.is_valid() & item_form.is_valid() & complaint_form_.is_valid() & agenda_form.is_valid():  # all errors
            done, duplicate, status = _register(request, intake, form, item_form, complaint_form_, agenda_form)
            if done:
                return done
    reference = matching_outgoing((intake.fields or {}).get("references") or [])
    external, _ = deadlines(_date(intake, "reply_by"), (intake.fields or {}).get("reply_within_days"))
    confidence = intake.confidence or {}
    rows = [(form[name], _sureness(confidence.get(name))) for name in PARSED] if form else []
    return render(request, "correspondence/intake_confirm.html", {
        "intake": intake, "form": form, "item_form": item_form, "complaint_form": complaint_form_,
        "agenda_form": agenda_form, "rows": rows, "duplicate": duplicate,
        "duplicate_message": str(DuplicateLetter(duplicate)) if duplicate else "",
        "reference": reference, "deadline": external, "pages": range(1, intake.previews + 1),
        "duty_sure": _sureness(confidence.get("duty_type")),
        **(_signatures(intake) if form else {}),
    }, status=status)


def _register(request, intake, form, item_form, complaint_form_, agenda_form):
    """Confirm: (the redirect after it, or None with the duplicate letter and the status to show the form with)."""
    data = form.cleaned_data
    item = item_form.item(data["subject"])
    complaint = complaint_form_.complaint(phone=(intake.fields or {}).get("contact_phone") or "")
    agenda = agenda_form.agenda(data)
    if complaint is not None:
        if item is not None:
            complaint_form_.add_error("create", "หนังสือหนึ่งฉบับเป็นงานรัฐสภาหรือเรื่องร้องเรียนอย่างใดอย่างหนึ่ง")
            return None, None, 422
        if data["destination"] != "new":
            complaint_form_.add_error("create", "เรื่องร้องเรียนสร้างเป็นเรื่องใหม่เท่านั้น: เลือก “สร้างเรื่องใหม่”")
            return None, None, 422
        data["duty_type"], data["source"] = DutyType.COMPLAINT, Source.COMPLAINT
    if agenda is not None:
        if item is not None or complaint is not None:
            agenda_form.add_error("create", cabinet_form.BOTH)
            return None, None, 422
        if data["destination"] == "register_only":
            agenda_form.add_error("create", "วาระการประชุมคณะรัฐมนตรีต้องผูกกับเรื่อง: เลือกสร้างเรื่องใหม่หรือแนบกับเรื่องเดิม")
            return None, None, 422
        data["duty_type"], data["source"] = DutyType.POLITICAL_SUPPORT, Source.CABINET  # as an agenda item's matter
    if item is not None:
        if data["destination"] == "register_only":
            item_form.add_error("create", "งานรัฐสภาต้องผูกกับเรื่อง: เลือกสร้างเรื่องใหม่หรือแนบกับเรื่องเดิม")
            return None, None, 422
        data["duty_type"], data["source"] = DutyType.PARLIAMENT, Source.PARLIAMENT  # an item's matter is parliament's
    try:
        entry, matter = confirm(intake, data, by=request.user, attach_to=form.attach_to,
                                create_matter=data["destination"] == "new", parliament_item=item,
                                complaint=complaint, cabinet_agenda=agenda)
    except DuplicateLetter as exc:
        return None, exc.existing, 409
    except ValidationError as exc:  # create_item, file_complaint or add_from_letter refused: nothing was saved
        if complaint is not None:
            complaint_form_.add_complaint_errors(exc)
        else:
            (agenda_form.add_agenda_errors if agenda is not None else item_form.add_item_errors)(exc)
        return None, None, 422
    except ValueError as exc:
        messages.error(request, str(exc))
        return redirect("intake-detail", pk=intake.pk), None, 302
    messages.success(request, f"ลงทะเบียนรับเลขที่ {entry.number}/{entry.year} แล้ว"
                     + (f" · เรื่อง {matter.number}" if matter else "")
                     + (f" · บันทึก{ItemKind(item[0]).label}แล้ว" if item else "")
                     + (" · บันทึกเรื่องร้องเรียนแล้ว" if complaint else "")
                     + (" · บันทึกวาระการประชุมคณะรัฐมนตรีแล้ว" if agenda else ""))
    if complaint is not None:
        return redirect(matter.complaint.get_absolute_url()), None, 302
    return redirect(matter.get_absolute_url() if matter else reverse("register-entry",
                                                                       args=[entry.register, entry.pk])), None, 302


def _signatures(intake) -> dict:
    """An incoming PDF's digital signatures: intact or not, who signed, when (nothing for a scan)."""
    from prasan.documents.pades import PdfCheckError, verify_pdf

    with intake.file.open("rb") as handle:
        data = handle.read()
    if not data.startswith(b"%PDF"):
        return {}
    try:
        return {"signatures": verify_pdf(data), "signature_error": ""}
    except PdfCheckError as exc:
        return {"signatures": [], "signature_error": str(exc)}


@intake_roles
def intake_progress(request, pk):
    """Polled by htmx every second while the letter is being read."""
    intake = _get(request.user, pk)
    if intake.status not in (LetterIntake.Status.QUEUED, LetterIntake.Status.PROCESSING):
        response = HttpResponse("")
        response["HX-Redirect"] = reverse("intake-detail", args=[intake.pk])
        return response
    return render(request, "correspondence/intake_progress_bar.html", {"intake": intake})


@intake_roles
def intake_file(request, pk):
    intake = _get(request.user, pk)
    return FileResponse(intake.file.open("rb"), as_attachment=True, filename=intake.name)


@intake_roles
def intake_page(request, pk, page):
    """A page of the scan as the worker drew it (receiving.preview_name, at most 1600 px a side): the web
    process never renders an uploaded file."""
    intake = _get(request.user, pk)
    if not 1 <= page <= intake.previews:
        raise Http404
    try:
        handle = default_storage.open(preview_name(intake, page), "rb")
    except OSError:
        raise Http404 from None
    return FileResponse(handle, content_type="image/png")


@require_POST
@intake_roles
def intake_retry(request, pk):
    """ลองใหม่: read a failed or abandoned letter again."""
    intake = _get(request.user, pk)
    if intake.may_retry:
        before = intake.status
        LetterIntake.objects.filter(pk=intake.pk).update(status=LetterIntake.Status.QUEUED, error="", progress=0,
                                                         progress_label="", touched_at=timezone.now())
        record(request.user, "intake.retry", intake, status=before)
        queue(intake)
        messages.success(request, "ส่งไฟล์ให้ระบบอ่านใหม่แล้ว")
    return redirect("intake-detail", pk=intake.pk)


@require_POST
@intake_roles
def intake_discard(request, pk):
    """ทิ้ง: set a failed or abandoned letter aside; the file is kept (and audited), it leaves the desk's list."""
    intake = _get(request.user, pk)
    if intake.may_retry:
        before = intake.status
        LetterIntake.objects.filter(pk=intake.pk).update(status=LetterIntake.Status.DISCARDED,
                                                         touched_at=timezone.now())
        record(request.user, "intake.discard", intake, status=before, name=intake.name)
        messages.success(request, f"ทิ้งหนังสือ {intake.name} แล้ว (ไฟล์ยังเก็บไว้ในระบบ)")
        return redirect("intake-home")
    return redirect("intake-detail", pk=intake.pk)


def _sureness(value) -> tuple[str, str]:
    """A CSS class and a Thai word for how sure the parser is of one field."""
    if value is None:
        return "", ""
    if value >= 0.85:
        return "sure", "มั่นใจ"
    if value >= 0.5:
        return "check", "ควรตรวจ"
    return "unsure", "ไม่แน่ใจ"


def _initial(intake, user) -> dict:
    initial = initial_from(intake)
    initial["owner_unit"] = user.unit_id
    return initial


def _date(intake, name):
    import datetime as dt

    value = (intake.fields or {}).get(name)
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


