import datetime as dt

import pytest
from django.utils import timezone

from prasan.agenda.services import create_item


def moment(days: int, hour: int = 9, minute: int = 0) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


@pytest.fixture
def make_item(office, users):
    """An engagement entered by the coordinator (or `by`), its facilitation matter made with it."""

    def make(days=2, hour=9, hours=2, by=None, matter_fields=None, linked=(), status="invited", **fields):
        defaults = {"kind": "visit", "title": "เยี่ยมชมโรงเรียนบ้านหนองบัว", "place": "โรงเรียนบ้านหนองบัว จ.อุดรธานี",
                    "starts_at": moment(days, hour), "ends_at": moment(days, hour) + dt.timedelta(hours=hours),
                    "invited_by": "ผู้อำนวยการโรงเรียนบ้านหนองบัว"}
        defaults.update(fields)
        return create_item(office=office, by=by or users["coordinator"], fields=defaults,
                           matter_fields=matter_fields, linked=linked, status=status)

    return make
