import datetime as dt

import pytest
from django.utils import timezone

from prasan.policy import services
from prasan.policy.models import ReportDue
from tests.api.conftest import api  # noqa: F401  (fixture)
from tests.servers import line_server, smtp_server  # noqa: F401  (fixtures)

TODAY = timezone.localdate()


def months_ago(n: int) -> dt.date:
    day = TODAY.replace(day=1)
    for _ in range(n):
        day = (day - dt.timedelta(days=1)).replace(day=1)
    return day


@pytest.fixture
def make_policy(office, users, agencies):
    """A policy entered by the head: two agencies reporting monthly since three months ago, one KPI in ร้อยละ and
    one in คน, a milestone each."""

    def make(by=None, secrecy=0, commitments=None, **fields):
        start = months_ago(3)
        specs = commitments or [
            services.CommitmentSpec(agency=agencies[0], role="lead", task="จัดหาครูให้ครบ",
                                    milestones=[("ประกาศรายชื่อโรงเรียน", start + dt.timedelta(days=20))]),
            services.CommitmentSpec(agency=agencies[1], role="support",
                                    milestones=[("สรุปผลปีแรก", TODAY + dt.timedelta(days=200))]),
        ]
        defaults = dict(
            title="ลดภาระครูและบุคลากรทางการศึกษา", description="ข้อสั่งการของรัฐมนตรี", goals="ครูอยู่กับห้องเรียน",
            starts_on=start, ends_on=start + dt.timedelta(days=360),
            indicators=[{"name": "โรงเรียนที่ยกเลิกงานเอกสารซ้ำซ้อน", "unit": "ร้อยละ", "baseline": 0, "target": 80,
                         "period": "ปีงบประมาณ 2570"},
                        {"name": "ครูที่ได้รับการบรรจุเพิ่ม", "unit": "คน", "baseline": 0, "target": 1200}],
            matter_fields={"secrecy": secrecy, "owner_unit": users["coordinator"].unit},
        )
        defaults.update(fields)
        return services.create_policy(by=by or users["head"], office=office, commitments=specs, **defaults)

    return make


def opened_dues(policy):
    return list(ReportDue.objects.filter(commitment__policy=policy, request__isnull=False)
                .select_related("request", "commitment__agency").order_by("commitment__role", "seq"))
