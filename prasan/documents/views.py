"""Document pages: start from a matter, edit with a live preview, versions, review, sign, dispatch."""

import base64
import io

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from prasan.matters.access import editable_matter, staff_required
from prasan.web.navigation import safe_next

from . import access, certificates, chain, drafting, editor, output, printing, signature, signing
from .forms import FORMS, FormError, get_form
from .models import Document

# One answer for the pages and the API (prasan/api/documents.py): see access.py.
_document = access.visible_document
_can_edit = access.may_edit
_can_edit_matter = access.may_edit_matter


@staff_required
def new_document(request, pk):
    matter = editable_matter(request.user, pk)
    if request.method == "POST":
        form = request.POST.get("form", "")
        if form in FORMS:
            document = drafting.start(matter, form, by=request.user)
            messages.success(request, f"เริ่มร่าง{get_form(form).title}แล้ว")
            return redirect("document-detail", pk=document.pk)
        messages.error(request, "กรุณาเลือกแบบเอกสาร")
    choices = [(code, get_form(code).title) for code in drafting.FORM_ORDER if code in FORMS]
    return render(request, "documents/pages/new.html", {"matter": matter, "choices": choices})


@staff_required
def document_detail(request, pk):
    document = _document(request.user, pk)
    spec = get_form(document.form)
    can_edit = _can_edit(request.user, document)
    fields_form = editor.build(spec, document.fields) if can_edit else None
    errors = {}
    if request.method == "POST" and can_edit:
        fields_form = editor.build(spec, document.fields, bound=request.POST)
        if fields_form.is_valid():
            data = editor.to_data(spec, fields_form.cleaned_data)
            try:
                drafting.save_version(document, data, by=request.user, note=request.POST.get("note", ""))
            except FormError as exc:
                errors = exc.errors
            else:
                messages.success(request, "บันทึกฉบับใหม่แล้ว")
                return redirect("document-detail", pk=document.pk)
    return render(request, "documents/pages/detail.html", _context(request, document, spec, fields_form, errors))


def _context(request, document, spec, fields_form, errors):
    actions = access.actions(request.user, document)
    return {
        "document": document, "matter": document.matter, "spec": spec, "fields_form": fields_form,
        "errors": errors, "steps": document.steps.select_related("decided_by"),
        "versions": document.versions.all(), **actions,
        "verdicts": chain.VERDICTS, "recipient": _recipient(document),
    } | (_sign_context(request.user, document) if actions.get("may_sign") else {})


def _sign_context(user, document) -> dict:
    """What the sign form shows before one signs: the name and position that will be printed, the
    positions one may act for, and whether the office's certificate can sign (and if it is a demo)."""
    try:
        person, profile_error = signature.signer_person(user), ""
    except signature.ProfileError as exc:
        person, profile_error = None, str(exc)
    certificate, certificate_error = certificates.status()
    return {"signer_person": person, "profile_error": profile_error, "certificate": certificate,
            "certificate_error": certificate_error, "acting_choices": _acting_choices(user, document)}


def _acting_choices(user, document) -> list[str]:
    from prasan.accounts.models import User

    office = document.matter.office
    choices = [f"รัฐมนตรีว่าการ{office.ministry}"] if office.ministry else []
    positions = (User.objects.filter(is_active=True, role__in=signing.SIGNERS).exclude(pk=user.pk)
                 .exclude(position="").values_list("position", flat=True).order_by("position").distinct()[:20])
    return list(dict.fromkeys(choices + [p.splitlines()[0] for p in positions]))


def _recipient(document) -> str:
    request = document.matter.agency_requests.select_related("contact", "agency").first()
    if request:
        return (request.contact.email if request.contact else "") or request.agency.email
    return ""


@require_POST
@staff_required
def preview(request, pk):
    """htmx: the first page as an image, from what is typed now (nothing saved)."""
    document = _document(request.user, pk)
    spec = get_form(document.form)
    fields_form = editor.build(spec, document.fields, bound=request.POST)
    if not fields_form.is_valid():
        return HttpResponse('<p class="errorlist">ข้อมูลบางช่องไม่ถูกต้อง</p>')
    data = editor.to_data(spec, fields_form.cleaned_data)
    try:
        copy = _with(document, data)
        pdf = printing.pdf(copy, printing.printable(copy))
    except FormError as exc:
        items = "".join(f"<li>{_escape(message)}</li>" for message in exc.errors.values())
        return HttpResponse(f'<ul class="errorlist">{items}</ul><p class="muted">กรอกให้ครบเพื่อดูตัวอย่าง</p>')
    return HttpResponse(f'<img alt="ตัวอย่างหน้าแรกของเอกสาร" src="data:image/png;base64,{_first_page(pdf)}">')


def _with(document, data):
    copy = Document(pk=document.pk, form=document.form, matter=document.matter, fields=data)
    return copy


def _escape(text: str) -> str:
    from django.utils.html import escape

    return escape(text)


def _first_page(pdf: bytes) -> str:
    import pypdfium2

    out = io.BytesIO()
    pypdfium2.PdfDocument(pdf)[0].render(scale=1.1).to_pil().save(out, "PNG")
    return base64.b64encode(out.getvalue()).decode()


@staff_required
def document_file(request, pk, fmt):
    document = _document(request.user, pk)
    if fmt not in output.CONTENT_TYPES:
        raise Http404
    try:
        content, content_type, name = output.document_file(document, fmt)
    except FormError as exc:
        messages.error(request, "ยังพิมพ์ไม่ได้: " + "; ".join(exc.errors.values()))
        return redirect("document-detail", pk=document.pk)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@staff_required
def compare(request, pk):
    document = _document(request.user, pk)
    versions = {v.number: v for v in document.versions.all()}
    a = versions.get(int(request.GET.get("a") or 1))
    b = versions.get(int(request.GET.get("b") or document.version))
    if a is None or b is None:
        raise Http404
    return render(request, "documents/pages/compare.html", {
        "document": document, "a": a, "b": b, "changes": drafting.diff(a.fields, b.fields, document.form),
        "versions": versions.values()})


@require_POST
@staff_required
def submit(request, pk):
    document = _document(request.user, pk)
    if not _can_edit(request.user, document):
        raise Http404
    return _act(request, document, lambda: chain.submit(document, by=request.user), "เสนอตรวจแล้ว")


@require_POST
@staff_required
def decide(request, pk):
    document = _document(request.user, pk)
    approve = request.POST.get("decision") == "approve"
    return _act(request, document, lambda: chain.decide(
        document, by=request.user, approve=approve, comment=request.POST.get("comment", ""),
        verdict=request.POST.get("verdict", "")), "บันทึกผลการตรวจแล้ว" if approve else "ส่งกลับแก้ไขแล้ว")


@require_POST
@staff_required
def sign(request, pk):
    document = _document(request.user, pk)
    return _act(request, document, lambda: signing.sign(
        document, by=request.user, password=request.POST.get("password", ""),
        acting_for=request.POST.get("acting_for", "")), "ลงนามและออกเลขแล้ว")


@require_POST
@staff_required
def dispatch(request, pk):
    document = _document(request.user, pk)
    if not _can_edit_matter(request.user, document):
        raise Http404
    to = [a.strip() for a in request.POST.get("to", "").replace(";", ",").split(",") if a.strip()]
    try:
        activity = signing.dispatch(document, by=request.user, to=to, note=request.POST.get("note", ""))
    except chain.ChainError as exc:
        messages.error(request, str(exc))
    else:
        (messages.success if activity.delivery == "sent" else messages.error)(request, activity.delivery_detail)
    return redirect("document-detail", pk=document.pk)


def _act(request, document, action, done: str):
    try:
        action()
    except chain.ChainError as exc:
        messages.error(request, str(exc))
    except FormError as exc:  # the printed form still lacks a part: say which, change nothing
        messages.error(request, "ยังพิมพ์เอกสารไม่ได้: " + "; ".join(exc.errors.values()))
    else:
        messages.success(request, done)
    return redirect(safe_next(request) or reverse("document-detail", args=[document.pk]))
