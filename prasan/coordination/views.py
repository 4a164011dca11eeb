"""Coordination pages: log a contact, ask agencies, and the public reply page."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from prasan.matters.access import editable_matter, staff_required

from . import links, services
from .forms import ActivityForm, ReplyForm, RequestForm
from .models import Activity


@staff_required
def new_activity(request, pk):
    matter = editable_matter(request.user, pk)
    form = ActivityForm(request.POST or None, initial={"channel": request.GET.get("channel", "phone")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        send = data.pop("send", False) and data["direction"] == Activity.Direction.OUTGOING
        activity = services.log_activity(matter, by=request.user, send=send, **data)
        if activity.delivery == Activity.Delivery.FAILED:
            messages.error(request, activity.delivery_detail)
        else:
            messages.success(request, activity.delivery_detail or "บันทึกการประสานงานแล้ว")
        return redirect(matter)
    return render(request, "coordination/activity_form.html", {"matter": matter, "form": form})


@staff_required
def new_requests(request, pk):
    matter = editable_matter(request.user, pk)
    form = RequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created = services.send_requests(
            matter, by=request.user, agencies=data["agencies"], deliverable=data["deliverable"],
            deadline=data["deadline"], channel=data["channel"],
        )
        failed = [a for r in created for a in r.activities.all() if a.delivery == Activity.Delivery.FAILED]
        if failed:
            messages.error(request, "ส่งไม่สำเร็จบางหน่วยงาน: " + "; ".join(a.delivery_detail for a in failed))
        messages.success(request, f"ส่งคำขอถึง {len(created)} หน่วยงานแล้ว")
        return redirect(matter)
    return render(request, "coordination/request_form.html", {"matter": matter, "form": form})


@never_cache
@csrf_protect
def agency_reply(request, token):
    """Public: the liaison officer answers through a signed link; errors reveal nothing of the matter."""
    try:
        req = links.resolve(token)
    except links.LinkError as exc:
        return render(request, "coordination/reply_invalid.html", {"reason": str(exc)}, status=410)
    services.acknowledge(req)
    form = ReplyForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_request(req, answer=form.cleaned_data["answer"], name=form.cleaned_data["name"],
                                    uploads=form.cleaned_data["files"])
        except links.LinkError as exc:
            return render(request, "coordination/reply_invalid.html", {"reason": str(exc)}, status=410)
        return render(request, "coordination/reply_done.html", {"req": req})
    return render(request, "coordination/reply.html", {"req": req, "form": form})
