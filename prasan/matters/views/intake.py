"""Recording a matter: the quick corridor form and the written-command/letter form."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render

from prasan.directory.models import Office

from ..access import INTAKE_ROLES, role_required
from ..choices import Process, Source
from ..forms import MatterForm, QuickCommandForm
from ..models import Matter
from ..uploads import store


@role_required(INTAKE_ROLES)
def quick_command(request):
    form = QuickCommandForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        external, internal = form.deadlines()
        matter = Matter.create(
            by=request.user,
            office=Office.current(),
            title=data["title"].strip(),
            duty_type=data["duty_type"],
            source=Source.VERBAL_COMMAND,
            commanded_by=data["commanded_by"],
            commanded_at=data["commanded_at"],
            command_channel=data["command_channel"],
            kind=data["kind"],
            process=Process.MAIN,
            urgency=data["urgency"],
            owner_unit=request.user.unit,
            external_deadline=external,
            internal_deadline=internal,
            assignees=[request.user] if request.user.role != "registrar" else [],
        )
        messages.success(request, f"บันทึกคำสั่งการแล้ว เลขเรื่อง {matter.number}")
        return redirect(matter)
    return render(request, "matters/quick_command.html", {"form": form})


@role_required(INTAKE_ROLES)
def new_matter(request):
    form = MatterForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        external, internal = form.deadlines()
        with transaction.atomic():
            matter = Matter.create(
                by=request.user,
                office=Office.current(),
                title=data["title"].strip(),
                description=data["description"],
                duty_type=data["duty_type"],
                source=data["source"],
                commanded_by=data["commanded_by"],
                command_channel="written",
                kind=data["kind"],
                process=data["process"],
                urgency=data["urgency"],
                secrecy=data["secrecy"],
                owner_unit=data["owner_unit"] or request.user.unit,
                parent=form.parent,
                external_deadline=external,
                internal_deadline=internal,
                assignees=list(data["assignees"]) or ([request.user] if request.user.role == "coordinator" else []),
            )
            for upload in data["attachments"]:
                store(matter, upload, kind="source", by=request.user)
        messages.success(request, f"บันทึกเรื่องแล้ว เลขเรื่อง {matter.number}")
        return redirect(matter)
    return render(request, "matters/new_matter.html", {"form": form})
