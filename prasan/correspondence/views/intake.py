"""Letter intake pages: upload, progress, the scan beside the prefilled form, confirm."""

import io

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from prasan.accounts.models import Role
from prasan.matters.access import INTAKE_ROLES, role_required

from ..confirming import already_registered, confirm, deadlines
from ..duplicates import DuplicateLetter
from ..intake_forms import PARSED, ConfirmForm, UploadForm, initial_from
from ..models import LetterIntake
from ..receiving import ReceiveError, matching_outgoing, receive

SECRECY = {"ลับ": 1, "ลับมาก": 2, "ลับที่สุด": 3}
intake_roles = role_required(INTAKE_ROLES)


def _intakes(user):
    qs = LetterIntake.objects.select_related("entry", "created_by")
    if user.role not in (Role.REGISTRAR, Role.HEAD):
        qs = qs.filter(created_by=user)
    return qs


def _get(user, pk) -> LetterIntake:
    intake = get_object_or_404(_intakes(user), pk=pk)
    if SECRECY.get((intake.fields or {}).get("secrecy") or "", 0) > user.clearance:
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
    recent = _intakes(request.user).exclude(status=LetterIntake.Status.REGISTERED)[:30]
    return render(request, "correspondence/intake_home.html", {"form": form, "recent": recent})


@intake_roles
def intake_detail(request, pk):
    intake = _get(request.user, pk)
    if intake.status in (LetterIntake.Status.QUEUED, LetterIntake.Status.PROCESSING):
        return render(request, "correspondence/intake_progress.html", {"intake": intake})
    form, duplicate, status = None, None, 200
    if intake.status == LetterIntake.Status.READY:
        initial = _initial(intake, request.user)
        form = ConfirmForm(request.POST or None, initial=initial, user=request.user)
        if request.method != "POST":
            duplicate = already_registered({**initial, "date": _date(intake, "date")}, user=request.user)
        elif form.is_valid():
            data = form.cleaned_data
            try:
                entry, matter = confirm(intake, data, by=request.user, attach_to=form.attach_to,
                                        create_matter=data["destination"] == "new")
            except DuplicateLetter as exc:
                duplicate, status = exc.existing, 409
            except ValueError as exc:
                messages.error(request, str(exc))
                return redirect("intake-detail", pk=intake.pk)
            else:
                messages.success(request, f"ลงทะเบียนรับเลขที่ {entry.number}/{entry.year} แล้ว"
                                 + (f" · เรื่อง {matter.number}" if matter else ""))
                return redirect(matter.get_absolute_url() if matter else reverse("register-entry",
                                                                                   args=[entry.register, entry.pk]))
    reference = matching_outgoing((intake.fields or {}).get("references") or [])
    external, _ = deadlines(_date(intake, "reply_by"), (intake.fields or {}).get("reply_within_days"))
    confidence = intake.confidence or {}
    rows = [(form[name], _sureness(confidence.get(name))) for name in PARSED] if form else []
    return render(request, "correspondence/intake_confirm.html", {
        "intake": intake, "form": form, "rows": rows, "duplicate": duplicate,
        "duplicate_message": str(DuplicateLetter(duplicate)) if duplicate else "",
        "reference": reference, "deadline": external, "pages": range(1, _page_count(intake) + 1),
    }, status=status)


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
    """The scan as a PNG (first pages of a PDF, or the image itself) for the confirm screen."""
    intake = _get(request.user, pk)
    with intake.file.open("rb") as handle:
        data = handle.read()
    try:
        png = _page_png(data, page)
    except Exception:  # noqa: BLE001 — an unreadable preview is shown as missing, never a 500
        raise Http404 from None
    return HttpResponse(png, content_type="image/png")


@require_POST
@intake_roles
def intake_retry(request, pk):
    from ..receiving import process_intake

    intake = _get(request.user, pk)
    if intake.status == LetterIntake.Status.FAILED:
        LetterIntake.objects.filter(pk=intake.pk).update(status=LetterIntake.Status.QUEUED, error="")
        process_intake.enqueue(intake.pk)
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


def _page_count(intake) -> int:
    if intake.content_type == "application/pdf":
        try:
            import pypdfium2

            with intake.file.open("rb") as handle:
                return min(len(pypdfium2.PdfDocument(handle.read())), 5)
        except Exception:  # noqa: BLE001
            return 0
    return 1 if intake.content_type.startswith("image/") else 0


def _page_png(data: bytes, page: int) -> bytes:
    out = io.BytesIO()
    if data.startswith(b"%PDF"):
        import pypdfium2

        pdf = pypdfium2.PdfDocument(data)
        pdf[page - 1].render(scale=1.2).to_pil().save(out, "PNG")
    else:
        from PIL import Image

        image = Image.open(io.BytesIO(data))
        image.thumbnail((1400, 2000))
        image.convert("RGB").save(out, "PNG")
    return out.getvalue()
