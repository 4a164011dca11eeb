"""The complaint pages: the list (and its CSV/XLSX), recording one, the complaint page, and its actions (pause,
forward to agencies, tell the complainant, conclude, link related complaints)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from prasan.audit.models import record
from prasan.coordination.sending import SendError
from prasan.directory.models import Office
from prasan.matters.paging import BoundedPaginator
from prasan.thai.provinces import names as province_names

from . import clock, exports, forwarding, masking, replies, services
from .access import (
    CREATE_ROLES,
    may_change,
    may_see_complainant,
    role_required,
    staff_required,
    unmask_reason,
    unmasked_for,
    visible_complaint,
)
from .choices import REPLY_VIA_FOR, Channel, ReplyKind, Result
from .forms import ComplaintForm, ConcludeForm, ForwardForm, ReasonForm, ReplyForm, SatisfactionForm
from .models import Category, Complaint
from .queries import STATES, ComplaintFilter, list_queryset, suggest_related, visible_complaints

PAGE_SIZE = 25
EXPORT_LIMIT = 5000


def _rows_for(request, qs):
    today = timezone.localdate()
    for complaint in qs:
        complaint.clock = clock.status(complaint, today)
        complaint.next_due = clock.next_due(complaint, complaint.matter.external_deadline)
        complaint.shown = masking.complainant(complaint, unmasked=False)
        yield complaint


@staff_required
def complaint_list(request):
    office = Office.current()
    filters = ComplaintFilter.from_params(request.GET)
    qs = list_queryset(filters.apply(visible_complaints(request.user, office)))
    page = BoundedPaginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = list(_rows_for(request, page.object_list))
    return render(request, "complaints/list.html", {
        "page": page, "filters": filters, "querystring": filters.query_string(), "channels": Channel.choices,
        "categories": Category.objects.filter(office=office), "states": STATES.items(), "results": Result.choices,
        "may_create": request.user.role in CREATE_ROLES,
    })


EXPORT_HEADER = ["เลขที่เรื่อง", "รับเรื่องเมื่อ", "ช่องทาง", "เลขอ้างอิง", "เรื่อง", "ประเภท", "ผู้ถูกร้อง", "จังหวัด",
                 "ผู้ร้อง", "โทรศัพท์", "อีเมล", "กำหนดแจ้งรับเรื่อง", "กำหนดตอบ", "ตอบ/แจ้งความคืบหน้าเมื่อ", "สถานะ",
                 "ผลการพิจารณา"]


@staff_required
def complaint_export(request, fmt):
    """The filtered list as CSV/XLSX: the complainant masked unless the user holds the permission and gave this
    session's reason (then the export is audited with it)."""
    if fmt not in ("csv", "xlsx"):
        raise Http404
    office = Office.current()
    filters = ComplaintFilter.from_params(request.GET)
    rows = list(list_queryset(filters.apply(visible_complaints(request.user, office)))[:EXPORT_LIMIT])
    unmasked = bool(unmask_reason(request)) and request.GET.get("unmasked") == "1"
    today = timezone.localdate()
    table = []
    for c in rows:
        who = masking.complainant(c, unmasked=unmasked)
        table.append([c.number, c.received_at, c.get_channel_display(), c.channel_ref, c.subject if unmasked else c.shown_subject,
                      c.category.name if c.category else "", c.about, c.province, who["name"], who["phone"],
                      who["email"], c.ack_due, c.answer_due, c.responded_at, clock.status(c, today)[1],
                      c.get_result_display() if c.result else ""])
    record(request.user, "complaints.export", ("complaints.complaint", 0), format=fmt, rows=len(rows),
           unmasked=unmasked, reason=unmask_reason(request) if unmasked else "", filters=filters.params())
    title = f"ทะเบียนเรื่องร้องเรียน ณ {timezone.localdate():%Y-%m-%d}"
    if fmt == "csv":
        response = HttpResponse(exports.to_csv(title, EXPORT_HEADER, table), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(exports.to_xlsx(title, EXPORT_HEADER, table, sheet_name="เรื่องร้องเรียน"),
                                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="complaints.{fmt}"'
    return response


@role_required(CREATE_ROLES)
def complaint_new(request):
    office = Office.current()
    form = ComplaintForm(request.POST or None, request.FILES or None, office=office)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            complaint = services.file_complaint(
                office, channel=data["channel"], channel_ref=data["channel_ref"], subject=data["subject"],
                details=data["details"], about=data["about"], province=data["province"], district=data["district"],
                category=data["category"], asked_for=data["asked_for"], complainant=form.complainant(),
                by=request.user, received_at=data["received_at"],
                attachments=[data["attachment"]] if data["attachment"] else [])
        except ValidationError as exc:
            for name, errors in exc.message_dict.items():
                name = name.replace("complainant_", "").replace("complainant.", "")
                form.add_error(name if name in form.fields else None, errors)
        except ValueError as exc:  # an attachment refused by its content (matters.uploads)
            form.add_error("attachment", str(exc))
        else:
            messages.success(request, f"บันทึกเรื่องร้องเรียนแล้ว เลขที่ {complaint.number} รหัสติดตามสถานะของผู้ร้อง "
                                      f"{complaint.public_code} (แจ้งผู้ร้อง ระบบจะไม่แสดงรหัสนี้อีก)")
            return redirect(complaint)
    return render(request, "complaints/form.html", {"form": form, "provinces": province_names()},
                  status=422 if form.errors else 200)


def _context(request, complaint, **overrides) -> dict:
    holder = may_see_complainant(request.user)
    unmasked = holder and request.GET.get("show") == "1" and unmasked_for(request, complaint)
    can_change = may_change(request.user, complaint)
    context = {
        "complaint": complaint, "matter": complaint.matter, "clock": clock.status(complaint),
        "who": masking.complainant(complaint, unmasked=unmasked),
        "details": masking.details(complaint, unmasked=unmasked),
        "asked_for": masking.mask_text(complaint.asked_for) if unmasked else masking.scrub(complaint.asked_for,
                                                                                           complaint),
        "holder": holder, "unmasked": unmasked, "can_change": can_change,
        "forwardings": forwarding.findings(complaint),
        "replies": [(r, masking.mask_text(r.text) if unmasked else masking.scrub(r.text, complaint),
                     replies.awaits_name(r)) for r in complaint.replies.select_related("document", "by")],
        "pauses": complaint.pauses.select_related("by"),
        "related": list(complaint.related.select_related("matter__office")),
        "suggestions": suggest_related(complaint, request.user) if can_change else [],
        "reason_form": ReasonForm(), "forward_form": ForwardForm(),
        "reply_form": ReplyForm(initial={"kind": _next_kind(complaint),
                                         "via": REPLY_VIA_FOR.get(complaint.channel),
                                         "text": replies.default_text(complaint, _next_kind(complaint))}),
        "conclude_form": ConcludeForm(), "satisfaction_form": SatisfactionForm(),
        "redacted_preview": forwarding.redacted_copy(complaint) if can_change else "",
        "identity_disclosed": forwarding.identity_disclosed(complaint),
    }
    context.update(overrides)
    return context


def _next_kind(complaint) -> str:
    if not complaint.acknowledged_at:
        return ReplyKind.ACKNOWLEDGEMENT
    return ReplyKind.FINAL if complaint.forwardings.filter(request__answered_at__isnull=False).exists() \
        else ReplyKind.PROGRESS


@staff_required
def complaint_detail(request, pk):
    complaint = visible_complaint(request.user, pk)
    if request.GET.get("show") == "1" and may_see_complainant(request.user) and not unmask_reason(request):
        return redirect(f"{reverse('complaint-unmask', args=[pk])}")
    return render(request, "complaints/detail.html", _context(request, complaint))


def _changeable(request, pk) -> Complaint:
    complaint = visible_complaint(request.user, pk, for_update=True)
    if not may_change(request.user, complaint):
        raise Http404
    return complaint


def _again(request, complaint, status=422, **forms):
    return render(request, "complaints/detail.html", _context(request, complaint, **forms), status=status)


@require_POST
@staff_required
def complaint_pause(request, pk):
    complaint = _changeable(request, pk)
    form = ReasonForm(request.POST)
    if complaint.is_paused:
        try:
            services.resume(complaint, by=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, "นับเวลาต่อแล้ว วันครบกำหนดเลื่อนตามจำนวนวันทำการที่หยุด")
        return redirect(complaint)
    if not form.is_valid():
        return _again(request, complaint, reason_form=form)
    try:
        services.pause(complaint, by=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as exc:
        form.add_error("reason", exc.messages)
        return _again(request, complaint, reason_form=form)
    messages.success(request, "หยุดนับเวลาแล้ว")
    return redirect(complaint)


@require_POST
@staff_required
def complaint_forward(request, pk):
    complaint = _changeable(request, pk)
    form = ForwardForm(request.POST)
    if not form.is_valid():
        return _again(request, complaint, forward_form=form)
    data = form.cleaned_data
    try:
        made = forwarding.forward(complaint, by=request.user, agencies=data["agencies"], deadline=data["deadline"],
                                  note=data["note"])
    except ValidationError as exc:
        form.add_error(None, exc.messages)
        return _again(request, complaint, forward_form=form)
    messages.success(request, f"ส่งเรื่องให้หน่วยงานแล้ว {len(made)} หน่วยงาน (ปกปิดตัวผู้ร้อง"
                              f"{'' if not forwarding.identity_disclosed(complaint) else 'ยกเว้นชื่อตามที่ผู้ร้องยินยอม'})")
    return redirect(complaint)


def _who_names_it() -> str:
    people = replies.holders()
    who = f"ผู้มีสิทธิ์ ได้แก่ {', '.join(people)}" if people else "ผู้ที่ผู้ดูแลระบบให้สิทธิ์ “เห็นข้อมูลผู้ร้อง”"
    return ("ท่านไม่มีสิทธิ์ “เห็นข้อมูลผู้ร้อง” หนังสือจึงยังไม่มีชื่อผู้ร้อง (เว้นไว้ในช่อง “เรียน”) "
            f"ให้{who} กด “ใส่ชื่อผู้ร้องในหนังสือ” ที่หน้าเรื่องร้องเรียนนี้ก่อนเสนอลงนาม")


@require_POST
@staff_required
def complaint_name_letter(request, pk, reply_pk):
    """A holder of the permission puts the complainant's name on a letter drafted by someone without it."""
    complaint = _changeable(request, pk)
    sent = get_object_or_404(complaint.replies.select_related("document"), pk=reply_pk, document__isnull=False)
    try:
        replies.name_addressee(complaint, sent, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(complaint)
    messages.success(request, "ใส่ชื่อผู้ร้องในหนังสือแล้ว ตรวจแก้และเสนอลงนามได้ที่หน้าเอกสาร")
    return redirect("document-detail", sent.document_id)


@require_POST
@staff_required
def complaint_reply(request, pk):
    complaint = _changeable(request, pk)
    form = ReplyForm(request.POST)
    if not form.is_valid():
        return _again(request, complaint, reply_form=form)
    data = form.cleaned_data
    try:
        sent = replies.reply(complaint, by=request.user, kind=data["kind"], via=data["via"], text=data["text"])
    except ValidationError as exc:
        for name, errors in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
        return _again(request, complaint, reply_form=form)
    except SendError as exc:
        messages.error(request, f"{exc} (บันทึกการแจ้งไว้แล้ว ส่งใหม่ได้)")
        return redirect(complaint)
    if sent.document_id:
        messages.success(request, "จัดทำร่างหนังสือถึงผู้ร้องแล้ว ตรวจแก้และเสนอลงนามได้ที่หน้าเอกสาร")
        if replies.awaits_name(sent):
            messages.warning(request, _who_names_it())
        return redirect("document-detail", sent.document_id)
    messages.success(request, f"{sent.get_kind_display()}แก่ผู้ร้องแล้ว ({sent.outcome or sent.get_via_display()})")
    return redirect(complaint)


@require_POST
@staff_required
def complaint_conclude(request, pk):
    complaint = _changeable(request, pk)
    form = ConcludeForm(request.POST)
    if not form.is_valid():
        return _again(request, complaint, conclude_form=form)
    try:
        replies.conclude(complaint, by=request.user, result=form.cleaned_data["result"],
                         note=form.cleaned_data["note"])
    except ValidationError as exc:
        form.add_error(None, exc.messages)
        return _again(request, complaint, conclude_form=form)
    messages.success(request, f"ยุติเรื่องแล้ว: {complaint.get_result_display()}")
    return redirect(complaint)


@require_POST
@staff_required
def complaint_satisfaction(request, pk):
    complaint = _changeable(request, pk)
    form = SatisfactionForm(request.POST)
    if not form.is_valid():
        return _again(request, complaint, satisfaction_form=form)
    replies.note_satisfaction(complaint, by=request.user, text=form.cleaned_data["satisfaction"])
    messages.success(request, "บันทึกความพึงพอใจของผู้ร้องแล้ว")
    return redirect(complaint)


@require_POST
@staff_required
def complaint_link(request, pk):
    complaint = _changeable(request, pk)
    other = request.POST.get("other", "")
    target = visible_complaints(request.user, complaint.office).filter(pk=int(other)).first() \
        if other.isdigit() and len(other) < 12 else None
    if target is None or target.pk == complaint.pk:
        messages.error(request, "ไม่พบเรื่องร้องเรียนที่จะเชื่อมโยง")
        return redirect(complaint)
    complaint.related.add(target)
    record(request.user, "complaint.link", complaint, number=complaint.number, other=target.pk)
    messages.success(request, f"เชื่อมโยงกับเรื่อง {target.number} แล้ว")
    return redirect(complaint)
