"""Coordination pages: log a contact, ask agencies, follow requests up, and the public reply page."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_POST

from prasan.audit.models import record
from prasan.matters.access import WORKING_ROLES, editable_matter, role_required
from prasan.web.navigation import safe_next

from . import links, reply_kinds, services
from .forms import ActivityForm, ReplyForm, RequestForm
from .models import Activity, AgencyRequest

# Auditors and admins read; they never coordinate (403). Working roles outside the matter's scope get 404.
working_required = role_required(WORKING_ROLES)


def _open_matter(user, pk):
    matter = editable_matter(user, pk)
    if not matter.is_open:
        raise Http404
    return matter


@working_required
def new_activity(request, pk):
    matter = _open_matter(request.user, pk)
    form = ActivityForm(request.POST or None, initial={"channel": request.GET.get("channel", "phone")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        send = data.pop("send", False) and data["direction"] == Activity.Direction.OUTGOING
        activity = services.log_activity(matter, by=request.user, send=send, **data)
        if activity.delivery == Activity.Delivery.FAILED:
            messages.error(request, f"บันทึกการประสานงานแล้ว แต่{activity.delivery_detail}")
        else:
            messages.success(request, activity.delivery_detail or "บันทึกการประสานงานแล้ว")
        return redirect(matter)
    return render(request, "coordination/activity_form.html", {"matter": matter, "form": form})


@working_required
def new_requests(request, pk):
    matter = _open_matter(request.user, pk)
    form = RequestForm(request.POST or None, matter=matter)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created = services.send_requests(
            matter, by=request.user, agencies=data["agencies"], deliverable=data["deliverable"],
            deadline=data["deadline"], channel=data["channel"], show_title=data.get("show_title", False),
        )
        sent = Activity.objects.filter(agency_request__in=created)
        failed = [a for a in sent if a.delivery == Activity.Delivery.FAILED]
        unsent = [a for a in sent if a.delivery == Activity.Delivery.NOT_SENT]
        messages.success(request, f"บันทึกคำขอถึง {len(created)} หน่วยงานแล้ว")
        if failed:
            messages.error(request, "ส่งไม่สำเร็จบางหน่วยงาน: " + "; ".join(a.delivery_detail for a in failed))
        if unsent:
            names = ", ".join(a.counterpart for a in unsent)
            messages.warning(request, f"ไม่มีอีเมลหรือ LINE ของ {names} โปรดคัดลอกลิงก์ตอบกลับจากรายการคำขอไปส่ง")
        return redirect(matter)
    return render(request, "coordination/request_form.html", {"matter": matter, "form": form})


@require_POST
@working_required
def reissue_request(request, pk, request_id):
    """A fresh reply link (the old one stops working), emailed to the agency's liaison officer."""
    matter = _open_matter(request.user, pk)
    req = get_object_or_404(AgencyRequest.objects.select_related("agency", "contact"), pk=request_id, matter=matter)
    try:
        activity = services.reissue_link(req, by=request.user)
    except services.RequestClosed as exc:
        messages.error(request, f"ออกลิงก์ใหม่ไม่ได้: {exc}")
        return redirect(matter)
    if activity.delivery == Activity.Delivery.SENT:
        messages.success(request, f"ออกลิงก์ใหม่ให้ {req.agency.name} แล้ว ลิงก์เดิมใช้ไม่ได้อีก — {activity.delivery_detail}")
    elif activity.delivery == Activity.Delivery.FAILED:
        messages.error(request, f"ออกลิงก์ใหม่แล้ว แต่{activity.delivery_detail} โปรดคัดลอกลิงก์จากรายการคำขอไปส่ง")
    else:
        messages.warning(request, "ออกลิงก์ใหม่แล้ว แต่ไม่มีอีเมลหรือ LINE ของหน่วยงาน โปรดคัดลอกลิงก์จากรายการคำขอไปส่ง")
    return redirect(matter)


@require_POST
@working_required
def cancel_request(request, pk, request_id):
    matter = _open_matter(request.user, pk)
    req = get_object_or_404(AgencyRequest.objects.select_related("agency"), pk=request_id, matter=matter)
    try:
        services.cancel_request(req, by=request.user)
    except services.RequestClosed as exc:
        messages.error(request, f"ยกเลิกไม่ได้: {exc}")
        return redirect(matter)
    messages.success(request, f"ยกเลิกคำขอถึง {req.agency.name} แล้ว ลิงก์ตอบกลับใช้ไม่ได้อีก")
    return redirect(matter)


@require_POST
@working_required
def answer_seen(request, pk, request_id):
    matter = _open_matter(request.user, pk)
    req = get_object_or_404(AgencyRequest.objects.select_related("agency"), pk=request_id, matter=matter)
    if req.status != AgencyRequest.Status.ANSWERED:
        raise Http404
    if services.take_in_answer(req, by=request.user):
        messages.success(request, f"รับทราบคำตอบของ {req.agency.name} แล้ว")
    return redirect(safe_next(request) or matter.get_absolute_url())


@never_cache
@csrf_protect
def agency_reply(request, token):
    """Public: the liaison officer answers through a signed link; errors reveal nothing of the matter."""
    try:
        req = links.resolve(token)
    except links.LinkError as exc:
        return _invalid(request, exc)
    services.acknowledge(req)
    kind = reply_kinds.kind_of(req)
    if kind is not None:
        return kind.page(request, req)
    if req.matter.is_secret and request.method == "GET":
        # Every read of a secret matter is audited, the link holder's too.
        record("liaison", "matter.read", req.matter, number=req.matter.number, purpose="reply-link",
               request=req.pk, agency=req.agency.name)
    form = ReplyForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_request(req, answer=form.cleaned_data["answer"], name=form.cleaned_data["name"],
                                    uploads=form.cleaned_data["files"])
        except links.LinkError as exc:
            return _invalid(request, exc)
        return render(request, "coordination/reply_done.html", {"req": req})
    return render(request, "coordination/reply.html", {"req": req, "form": form},
                  status=400 if form.errors else 200)


def _invalid(request, exc):
    return render(request, "coordination/reply_invalid.html", {"reason": str(exc)}, status=410)
