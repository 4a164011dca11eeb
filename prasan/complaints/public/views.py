"""The public complaint form, the receipt shown once, and the status page. No account; CSRF-protected forms;
nothing cached; each refused with a Thai message when flooded (throttle.py)."""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from prasan.directory.models import Office

from ..choices import Channel
from ..masking import mask_text
from ..policy import privacy_notice
from ..services import file_complaint, find_by_public
from . import progress, throttle
from .forms import TRAP, PublicComplaintForm, StatusForm

RECEIPT = "public_complaint_receipt"
NOT_FOUND = "ไม่พบเรื่องตามเลขที่เรื่องและรหัสที่ระบุ กรุณาตรวจสอบว่าพิมพ์ตรงกับที่ได้รับไว้"
AUTOMATED = ("ระบบไม่รับแบบฟอร์มนี้ เพราะดูเหมือนส่งโดยโปรแกรมอัตโนมัติ หากท่านกรอกเอง "
             "กรุณาเปิดหน้านี้ใหม่ กรอกอีกครั้ง แล้วกดส่ง")


def _private(response):
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
@csrf_protect
def complaint_form(request):
    office = Office.current()
    form = PublicComplaintForm(request.POST or None, request.FILES or None, office=office)
    refused, status = None, 200
    if request.method == "POST":
        refused = throttle.refused(request, throttle.filing_limit())
        if not refused and request.FILES:
            refused = throttle.refused(request, throttle.upload_limit())
            if not refused:
                throttle.count(request, "upload")
        if refused:
            status = 429
        elif form.data.get(TRAP) or (form.is_valid() and form.looks_automated()):
            # a form with mistakes is only shown back (nothing is saved), so the clock matters once it is whole
            throttle.count(request, "bot")
            refused, status = AUTOMATED, 400
        elif form.is_valid():
            try:
                complaint = file_complaint(office, channel=Channel.WEB_FORM, by=None, **form.complaint_fields())
            except ValidationError as error:
                for name, messages in error.message_dict.items():
                    field = name.removeprefix("complainant.").removeprefix("complainant_")
                    for message in messages:
                        form.add_error(field if field in form.fields else None, message)
            else:
                throttle.count(request, "filed")
                request.session[RECEIPT] = {"number": complaint.number, "code": complaint.public_code}
                return redirect("public-complaint-received")
        if form.errors and not refused:
            status = 422
    return _private(render(request, "complaints/public_form.html", {
        "form": form, "notice": privacy_notice(office), "refused": refused, "office": office}, status=status))


@never_cache
def received(request):
    """The number and private code, shown once (a reload finds them gone: the code is kept only hashed)."""
    receipt = request.session.pop(RECEIPT, None)
    if receipt is None:
        return redirect("public-complaint-status")
    return _private(render(request, "complaints/public_received.html", {"receipt": receipt}))


@never_cache
@csrf_protect
def status_page(request):
    form = StatusForm(request.POST or None, initial={"number": request.GET.get("number", "")[:40]})
    complaint, missed, refused, status = None, False, None, 200
    if request.method == "POST":
        refused = throttle.refused(request, throttle.status_limit())
        if refused:
            status = 429
        elif form.is_valid():
            complaint = find_by_public(form.cleaned_data["number"], form.cleaned_data["code"])
            if complaint is None:
                throttle.count(request, "missed")
                missed = True
    context = {"form": form, "missed": missed, "refused": refused, "not_found": NOT_FOUND}
    if complaint is not None:
        context.update(complaint=complaint, subject=mask_text(complaint.subject), steps=progress.steps(complaint),
                       answer=progress.answer(complaint))
    return _private(render(request, "complaints/public_status.html", context, status=status))
