"""Briefing pack pages under /briefing/: start a pack from its occasion, choose and order its parts, build it in the
background with a progress page, download it. Thin: the rules are in parts, building, occasions and access."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from prasan.audit.models import record
from prasan.matters.access import staff_required, visible
from prasan.matters.choices import Secrecy
from prasan.matters.models import Matter
from prasan.matters.paging import BoundedPaginator

from . import building, occasions, parts, services
from .access import buildable_pack, visible_pack
from .forms import NewPackForm
from .models import Pack, Part

PAGE_SIZE = 25


@staff_required
def pack_list(request):
    packs = visible(Pack.objects.select_related("matter"), request.user, path="matter__").order_by("-created_at", "-id")
    page = BoundedPaginator(packs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "briefing/list.html", {"page": page})


@staff_required
def pack_new(request):
    start = occasions.start_from(request.user, request.GET)
    if not start.owners:
        raise PermissionDenied("ท่านไม่มีสิทธิ์แก้ไขเรื่องใดของโอกาสนี้ จึงจัดทำแฟ้มข้อมูลประกอบไม่ได้")
    owners = occasions.owner_choices(start)
    initial = {"owner": start.owners[0].pk, "title": start.title, "occasion": start.occasion,
               "occasion_text": start.occasion_text, "occasion_on": start.occasion_on}
    form = NewPackForm(request.POST or None, owners=owners, initial=initial)
    if request.method == "POST" and form.is_valid():
        pack = services.create(by=request.user, owner=form.cleaned_data["owner"], fields=form.pack_fields(),
                               links=start.links, matters=occasions.suggested(start, request.user))
        messages.success(request, "จัดทำแฟ้มแล้ว เลือกส่วนที่ต้องการ เรียงลำดับ แล้วกดสร้างแฟ้ม")
        return redirect(pack)
    return render(request, "briefing/new.html", {"form": form, "start": start})


def _parts_context(request, pack) -> dict:
    items = list(parts.parts_of(pack))
    for part in items:
        part.visible = parts.part_visible(request.user, part)
        part.shown_title = part.title if part.visible else f"(ส่วนที่ท่านไม่มีสิทธิ์เห็น: {part.get_kind_display()})"
    may_build = building.may_build(request.user, pack)
    return {"pack": pack, "parts": items, "may_build": may_build and not pack.busy,
            "refusals": parts.refused(request.user, pack)}


@staff_required
def pack_detail(request, pk):
    pack = visible_pack(request.user, pk)
    context = _parts_context(request, pack)
    if context["may_build"]:
        context["candidates"] = parts.candidates(pack, request.user)
    return render(request, "briefing/pack.html", context)


def _parts_reply(request, pack, error: str = ""):
    """htmx asks for the parts list alone (a refusal inside it: htmx swaps only a 200); a plain form goes back to
    the pack's page."""
    if request.headers.get("HX-Request"):
        context = _parts_context(request, Pack.objects.get(pk=pack.pk)) | {"error": error}
        return render(request, "briefing/_parts.html", context)
    if error:
        messages.error(request, error)
    return redirect(reverse("briefing-pack", args=[pack.pk]) + "#parts")


@require_POST
@staff_required
def part_add(request, pk):
    pack = buildable_pack(request.user, pk)
    kind, target = request.POST.get("kind", ""), request.POST.get("id", "")
    try:
        if kind == "number":  # a matter put in by its number (สร 12/2569)
            matter = Matter.objects.visible_to(request.user).numbered(target).first()
            if matter is None:
                raise parts.PartError(f"ไม่พบเรื่องเลขที่ “{target.strip()[:40]}” หรือท่านไม่มีสิทธิ์เห็น")
            kind, target = Part.Kind.MATTER, matter.pk
        part = parts.add(pack, kind, target, by=request.user)
    except parts.PartError as error:
        return _parts_reply(request, pack, str(error))
    messages.success(request, f"เพิ่ม “{part.title[:80]}” แล้ว")
    return _parts_reply(request, pack)


@require_POST
@staff_required
def part_move(request, pk, part):
    pack = buildable_pack(request.user, pk)
    try:
        parts.move(pack, part, -1 if request.POST.get("direction") == "up" else 1, by=request.user)
    except parts.PartError as error:
        return _parts_reply(request, pack, str(error))
    return _parts_reply(request, pack)


@require_POST
@staff_required
def part_order(request, pk):
    pack = buildable_pack(request.user, pk)
    try:
        parts.reorder(pack, [x for x in request.POST.get("order", "").split(",") if x], by=request.user)
    except parts.PartError as error:
        return _parts_reply(request, pack, str(error))
    return _parts_reply(request, pack)


@require_POST
@staff_required
def part_remove(request, pk, part):
    pack = buildable_pack(request.user, pk)
    try:
        parts.remove(pack, part, by=request.user)
    except parts.PartError as error:
        return _parts_reply(request, pack, str(error))
    return _parts_reply(request, pack)


@require_POST
@staff_required
def pack_build(request, pk):
    pack = buildable_pack(request.user, pk)
    try:
        building.request_build(pack, by=request.user)
    except building.BuildError as error:
        messages.error(request, str(error))
        return redirect(pack)
    return redirect(reverse("briefing-pack", args=[pack.pk]) + "#build")


@staff_required
def pack_progress(request, pk):
    """Polled by htmx every second while the pack is built."""
    pack = visible_pack(request.user, pk)
    if not pack.busy:
        response = HttpResponse(status=204)
        response["HX-Redirect"] = reverse("briefing-pack", args=[pack.pk])
        return response
    return render(request, "briefing/_progress.html", {"pack": pack})


@staff_required
def pack_download(request, pk):
    """The built PDF, opened in the phone's or the browser's viewer. Every part is asked again of the reader:
    a pack holds other matters than its own. A secret pack's reading is audited as a read of each secret matter."""
    pack = visible_pack(request.user, pk)
    if pack.status != Pack.Status.DONE or not pack.pdf:
        messages.error(request, "แฟ้มนี้ยังไม่ได้สร้าง หรือกำลังสร้างอยู่")
        return redirect(pack)
    refusals = parts.refused(request.user, pack)
    if refusals:
        raise PermissionDenied(parts.refusal_message(refusals))
    with transaction.atomic():
        record(request.user, "briefing.download", pack, secrecy=pack.secrecy, sha256=pack.sha256, pages=pack.pages)
        secret = pack.parts.filter(matter__secrecy__gt=Secrecy.NORMAL).values("matter_id")
        for matter in Matter.objects.filter(pk__in=secret).order_by("pk"):
            record(request.user, "matter.read", matter, number=matter.number, purpose="briefing", pack=pack.pk)
    response = FileResponse(pack.pdf.open("rb"), content_type="application/pdf",
                            filename=f"briefing-pack-{pack.pk}.pdf")
    response["Content-Disposition"] = f'inline; filename="briefing-pack-{pack.pk}.pdf"'
    return response

