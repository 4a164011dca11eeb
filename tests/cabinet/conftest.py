import datetime as dt

import pytest
from django.utils import timezone

from prasan.cabinet.services import add_item, create_meeting


def moment(days: int, hour: int = 9, minute: int = 30) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(timezone.localdate() + dt.timedelta(days=days), dt.time(hour, minute)))


@pytest.fixture
def make_meeting(office, users):
    def make(days=3, by=None, **fields):
        defaults = {"meets_at": moment(days), "number": "12/2569"}
        defaults.update(fields)
        return create_meeting(office=office, by=by or users["coordinator"], fields=defaults)

    return make


@pytest.fixture
def make_agenda(make_meeting, users):
    def make(meeting=None, by=None, matter=None, matter_fields=None, **fields):
        defaults = {"subject": "ขออนุมัติโครงการอาหารกลางวันนักเรียน", "order": "4.2", "kind": "proposal",
                    "briefing_points": "งบประมาณ ๓,๐๐๐ ล้านบาท และผลต่อโรงเรียนขนาดเล็ก"}
        defaults.update(fields)
        return add_item(meeting or make_meeting(), by=by or users["coordinator"], fields=defaults, matter=matter,
                        matter_fields=matter_fields)

    return make
