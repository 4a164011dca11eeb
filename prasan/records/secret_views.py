"""Pages for destroying secret letters: propose (the keeper of the secret register), approve and name the
committee (the head of office), record the destruction (a committee member), print the certificate.

A destruction one is not cleared for is a 404, as a secret matter is; opening one is audited."""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from prasan.accounts.models import Role, User
from prasan.audit.models import record
from prasan.matters.access import role_required
from prasan.thai.fields import ThaiDateField

from . import certificate
from . import secret_destruction as sd
from .models import SecretDestruction


class DestroyedForm(forms.Form):
    destroyed_on = ThaiDateField(label="วันที่คณะกรรมการทำลาย")


def _login_required(view):
    # Committee members may hold any role, so the role check is may_see's, not the decorator's.
    return role_required(frozenset(Role.values))(view)


@_login_required
def index(request):
    user = request.user
    if user.role not in sd.READERS and not user.secret_destructions.exists():
        raise Http404
    page = None
    if user.role in sd.PROPOSERS:
        page = Paginator(sd.eligible(user).select_related("matter"), 100).get_page(request.GET.get("page"))
    return render(request, "records/secret_index.html", {
        "destructions": sd.visible_to(user)[:50], "page": page, "reason": request.session.pop("secret_reason", ""),
    })


@require_POST
@role_required(sd.PROPOSERS)
def propose(request):
    try:
        made = sd.propose(request.POST.getlist("entry"), reason=request.POST.get("reason", ""), by=request.user)
    except sd.DestructionError as exc:
        messages.error(request, str(exc))
        request.session["secret_reason"] = request.POST.get("reason", "")[: sd.MAX_REASON]  # nothing typed is lost
        return redirect("records-secret")
    messages.success(request, f"เสนอ{made} แล้ว {made.lines.count()} ฉบับ รอหัวหน้าสำนักงานอนุมัติ")
    return redirect("records-secret-detail", pk=made.pk)


def _visible(request, pk) -> SecretDestruction:
    destruction = get_object_or_404(SecretDestruction, pk=pk)
    if not sd.may_see(request.user, destruction):
        raise Http404
    return destruction


@_login_required
def detail(request, pk, form=None):
    destruction = _visible(request, pk)
    record(request.user, "records.secret_read", destruction, secrecy=destruction.secrecy)
    user, status = request.user, destruction.status
    is_member = destruction.committee.filter(pk=user.pk).exists()
    context = {
        "d": destruction, "lines": destruction.lines.all(), "committee": destruction.committee.all(),
        "may_approve": user.role == Role.HEAD and status == SecretDestruction.Status.PROPOSED,
        "may_destroy": is_member and status == SecretDestruction.Status.APPROVED,
        "methods": SecretDestruction.Method.choices,
        "form": form or DestroyedForm(),
    }
    if context["may_approve"]:
        context["candidates"] = (User.objects.filter(is_active=True, clearance__gte=destruction.secrecy)
                                 .exclude(role=Role.ADMIN).order_by("first_name", "last_name"))
    return render(request, "records/secret_detail.html", context)


@require_POST
@role_required(frozenset({Role.HEAD}))
def approve(request, pk):
    destruction = _visible(request, pk)
    try:
        sd.approve(destruction, by=request.user, member_ids=request.POST.getlist("member"),
                   method=request.POST.get("method", ""))
    except sd.DestructionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "อนุมัติให้ทำลายและแต่งตั้งคณะกรรมการแล้ว")
    return redirect("records-secret-detail", pk=pk)


@require_POST
@_login_required
def carry_out(request, pk):
    destruction = _visible(request, pk)
    form = DestroyedForm(request.POST)
    if not form.is_valid():
        return detail(request, pk, form=form)
    try:
        sd.carry_out(destruction, by=request.user, destroyed_on=form.cleaned_data["destroyed_on"])
    except sd.DestructionError as exc:
        form.add_error("destroyed_on", str(exc))
        return detail(request, pk, form=form)
    messages.success(request, "บันทึกการทำลายแล้ว ไฟล์หนังสือถูกลบ ใบรับรองการทำลายพร้อมพิมพ์")
    return redirect("records-secret-detail", pk=pk)


@_login_required
def certificate_pdf(request, pk):
    destruction = _visible(request, pk)
    if destruction.status != SecretDestruction.Status.DONE:
        raise Http404
    record(request.user, "records.secret_certificate", destruction, secrecy=destruction.secrecy)
    response = HttpResponse(certificate.render(destruction), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="secret-destruction-{destruction.seq}-{destruction.year}.pdf"'
    return response
