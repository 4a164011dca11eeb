import datetime as dt

import pytest

from prasan.parliament.models import Session, Sitting
from prasan.parliament.services import create_item


@pytest.fixture
def session(db):
    """A session around today, so items received today fall in it."""
    today = dt.date.today()
    session = Session.objects.create(name="สมัยประชุมสามัญประจำปีครั้งที่หนึ่ง", starts_on=today - dt.timedelta(days=60),
                                     ends_on=today + dt.timedelta(days=60))
    for offset in (2, 3, 9, 10):
        Sitting.objects.create(session=session, house="house", date=today + dt.timedelta(days=offset))
    return session


@pytest.fixture
def make_item(office, users, session):
    def make(kind="written_question", by=None, matter=None, matter_fields=None, **fields):
        defaults = {"subject": "การบรรจุครูผู้ช่วยในพื้นที่ขาดแคลน", "house": "house", "number": "157 ร.",
                    "asker_name": "นายสมศักดิ์ ตัวอย่าง", "asker_party": "พรรคตัวอย่าง", "asker_province": "ขอนแก่น",
                    "minister_asked": "รัฐมนตรีว่าการกระทรวงศึกษาธิการ"}
        defaults.update(fields)
        return create_item(office=office, by=by or users["coordinator"], kind=kind, fields=defaults, matter=matter,
                           matter_fields=matter_fields)

    return make
