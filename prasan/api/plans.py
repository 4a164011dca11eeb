"""The matter's plan (step 2 of the seed): targets, methods, deliverables, notes — read and replace."""

import datetime as dt

from django.db import transaction
from ninja import Field, Router, Schema

from prasan.audit.models import record
from prasan.coordination.models import Channel
from prasan.matters.access import visible_matter
from prasan.matters.models import Plan

from .access import changeable_matter
from .schemas import ERRORS, Id, In, Required, Text, choice

router = Router(tags=["plans"])



class PlanIn(In):
    targets: Required(5000) = Field(description="เป้าหมาย (หน่วยงาน/บุคคล)")
    methods: list[choice(Channel.values)] = Field(default_factory=list, max_length=20,
                                                  description="วิธีการประสาน (ช่องทาง)")
    deliverables: Text(5000) = ""
    notes: Text(5000) = ""


class PlanOut(Schema):
    exists: bool = Field(description="false = ยังไม่ได้วางแผน")
    targets: str = ""
    methods: list[str] = []
    deliverables: str = ""
    notes: str = ""
    updated_by: int | None = None
    updated_at: dt.datetime | None = None


def _out(plan: Plan | None) -> dict:
    if plan is None:
        return {"exists": False}
    return {"exists": True, "targets": plan.targets, "methods": plan.methods, "deliverables": plan.deliverables,
            "notes": plan.notes, "updated_by": plan.updated_by_id, "updated_at": plan.updated_at}


@router.get("/matters/{matter_id}/plan", response={200: PlanOut, **ERRORS}, summary="แผนการประสานของเรื่อง")
def get_plan(request, matter_id: Id):
    matter = visible_matter(request.auth, matter_id)
    return _out(Plan.objects.filter(matter=matter).first())


@router.put("/matters/{matter_id}/plan", response={200: PlanOut, **ERRORS}, summary="บันทึกแผนการประสาน")
def put_plan(request, matter_id: Id, payload: PlanIn):
    matter = changeable_matter(request.auth, matter_id)
    methods = list(dict.fromkeys(payload.methods))
    with transaction.atomic():
        plan, _ = Plan.objects.update_or_create(
            matter=matter,
            defaults={"targets": payload.targets, "methods": methods, "deliverables": payload.deliverables,
                      "notes": payload.notes, "updated_by": request.auth},
        )
        record(request.auth, "matter.plan", matter, targets=plan.targets, methods=plan.methods)
    return _out(plan)
