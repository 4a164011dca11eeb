import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from prasan.audit.models import AuditEvent
from prasan.parliament.models import Sitting

pytestmark = pytest.mark.django_db

TODAY = dt.date.today()


def be(day):
    return f"{day.day}/{day.month}/{day.year + 543}"


def test_the_head_imports_sitting_days_and_again_changes_nothing(login, users, session):
    day = TODAY + dt.timedelta(days=20)
    text = f"สภา,วันที่,การประชุม\nสภาผู้แทนราษฎร,{be(day)},ครั้งที่ 12\nวุฒิสภา,{day.isoformat()},\n"
    client = login(users["head"])
    assert client.post(reverse("parliament-sittings"), {"text": text}).status_code == 302
    assert client.post(reverse("parliament-sittings"), {"text": text}).status_code == 302
    assert Sitting.objects.filter(date=day).count() == 2
    assert Sitting.objects.get(date=day, house="house").title == "ครั้งที่ 12"
    assert AuditEvent.objects.filter(action="parliament_sittings.import").count() == 2


def test_bad_rows_are_said_by_line_and_nothing_is_imported(login, users, session):
    text = (f"สภา,วันที่\nสภาผู้แทนราษฎร,{be(TODAY + dt.timedelta(days=20))}\nสภาเทศบาล,{be(TODAY)}\n"
            f"วุฒิสภา,31/2/2569\nวุฒิสภา,{be(session.ends_on + dt.timedelta(days=3))}\n")
    before = Sitting.objects.count()
    response = login(users["head"]).post(reverse("parliament-sittings"), {"text": text})
    page = response.content.decode()
    assert response.status_code == 422 and Sitting.objects.count() == before
    assert "บรรทัด 3: ไม่รู้จักสภา" in page and "บรรทัด 4:" in page and "บรรทัด 5:" in page and "ไม่อยู่ในสมัยประชุม" in page


def test_only_the_head_and_administrators_import(login, users, client):
    for name in ("coordinator", "grouphead", "minister", "auditor"):
        assert login(users[name]).get(reverse("parliament-sittings")).status_code == 403
    client.logout()
    assert client.get(reverse("parliament-sittings")).status_code == 302


def test_the_command_imports_a_file(tmp_path, session):
    path = tmp_path / "sittings.csv"
    path.write_text(f"house,date\nsenate,{(TODAY + dt.timedelta(days=5)).isoformat()}\n", encoding="utf-8")
    call_command("import_sittings", str(path))
    assert Sitting.objects.filter(house="senate", date=TODAY + dt.timedelta(days=5)).exists()
    path.write_text("house,date\nsenate,เมื่อวาน\n", encoding="utf-8")
    with pytest.raises(CommandError, match="บรรทัด 2"):
        call_command("import_sittings", str(path))
