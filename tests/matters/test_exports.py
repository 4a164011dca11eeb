"""Exporting the matter list: the current filter as CSV (BOM, streamed) and XLSX, Thai headers,
Buddhist-era dates, never a secret matter the user may not see, and every export audited."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from prasan.audit.models import AuditEvent
from prasan.matters import exports
from prasan.thai.dates import be_year

pytestmark = pytest.mark.django_db


@pytest.fixture
def matters(make_matter, users, other_unit):
    today = timezone.localdate()
    return [
        make_matter(title="ขอข้อมูลครูผู้ช่วย, ปี 2569 \"ด่วน\"", urgency="most_urgent", internal_deadline=today),
        make_matter(title="ร้องเรียนโรงเรียนบ้านหนองบัว", duty_type="complaint",
                    assignees=[users["coordinator"], users["grouphead"]]),
        make_matter(title="ติดตามนโยบายอาชีวะ", owner_unit=other_unit, assignees=[users["outsider"]], state="planning"),
        make_matter(title="เรื่องลับมากเรื่องงบประมาณ", owner_unit=other_unit, assignees=[users["outsider"]], secrecy=2),
    ]


def content(response) -> bytes:
    return b"".join(response.streaming_content)


def csv_rows(response) -> list[list[str]]:
    data = content(response)
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def xlsx_rows(response) -> list[list]:
    book = load_workbook(io.BytesIO(content(response)), read_only=True)
    return [list(row) for row in book.active.iter_rows(values_only=True)]


def test_csv_has_a_bom_thai_headers_and_the_rows_of_the_filter(login, users, matters):
    response = login(users["head"]).get(reverse("matter-export", args=["csv"]), {"state": "received"})
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"] and ".csv" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0] == exports.HEADERS
    assert rows[0][:3] == ["เลขเรื่อง", "เรื่อง", "ประเภทภารกิจ"]
    titles = {row[1] for row in rows[1:]}
    assert titles == {matters[0].title, matters[1].title, matters[3].title}  # not the one in planning
    first = next(row for row in rows if row[1] == matters[0].title)
    assert first[0] == matters[0].number
    assert first[4] == "ด่วนที่สุด" and first[5] == "ปกติ" and first[6] == "กลุ่มงานวิเคราะห์"
    assert str(be_year(timezone.localdate())) in first[9] and str(be_year(timezone.localdate())) in first[10]
    assert str(timezone.localdate().year) not in first[10]  # Buddhist era, not Christian
    two = next(row for row in rows if row[1] == matters[1].title)
    assert two[7] == "coordinator, grouphead" and two[9] == ""


def test_xlsx_opens_with_openpyxl_and_keeps_thai_text(login, users, matters):
    response = login(users["head"]).get(reverse("matter-export", args=["xlsx"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    rows = xlsx_rows(response)
    assert rows[0][0].startswith("ทะเบียนเรื่อง 4 เรื่อง")
    assert rows[1] == exports.HEADERS
    assert {row[1] for row in rows[2:]} == {m.title for m in matters}
    assert any(row[2] == "เรื่องร้องทุกข์ ร้องเรียน" for row in rows[2:])


def test_secret_matters_the_user_may_not_see_are_never_exported(login, users, matters, client):
    for name, fmt in (("coordinator", "csv"), ("uncleared", "xlsx"), ("auditor", "csv")):
        client.logout()
        response = login(users[name]).get(reverse("matter-export", args=[fmt]))
        rows = csv_rows(response)[1:] if fmt == "csv" else xlsx_rows(response)[2:]
        titles = {row[1] for row in rows}
        assert matters[3].title not in titles, name
        assert matters[0].title in titles, name
    client.logout()
    rows = csv_rows(login(users["outsider"]).get(reverse("matter-export", args=["csv"])))
    assert matters[3].title in {row[1] for row in rows}  # the assignee with clearance sees it


def test_exports_are_audited_with_the_filter_and_the_row_count(login, users, matters):
    login(users["coordinator"]).get(reverse("matter-export", args=["xlsx"]), {"state": "open", "q": "ครู"})
    event = AuditEvent.objects.get(action="matter.export")
    assert event.actor == users["coordinator"]
    assert (event.object_type, event.object_id) == ("matters", "list")
    assert event.data == {"filter": {"state": "open", "q": "ครู"}, "rows": 1, "format": "xlsx"}


def test_exports_stop_at_the_cap(login, users, matters, monkeypatch):
    monkeypatch.setattr(exports, "MAX_ROWS", 2)
    client = login(users["head"])
    assert len(csv_rows(client.get(reverse("matter-export", args=["csv"])))) == 3
    rows = xlsx_rows(client.get(reverse("matter-export", args=["xlsx"])))
    assert len(rows) == 4 and "เฉพาะ 2 เรื่องแรก จากทั้งหมด 4 เรื่อง" in rows[0][0]
    assert AuditEvent.objects.filter(action="matter.export").first().data["rows"] == 2


def test_the_list_page_links_both_exports_with_its_filter(login, users, matters):
    body = login(users["head"]).get(reverse("matter-list"), {"state": "open", "urgency": "most_urgent", "page": "1"}) \
        .content.decode()
    assert f'href="{reverse("matter-export", args=["csv"])}?state=open&amp;urgency=most_urgent"' in body
    assert f'href="{reverse("matter-export", args=["xlsx"])}?state=open&amp;urgency=most_urgent"' in body


def test_export_queries_do_not_grow_with_the_rows(login, users, make_matter, django_assert_max_num_queries):
    for i in range(30):
        make_matter(title=f"เรื่องที่ {i}")
    client = login(users["head"])
    with django_assert_max_num_queries(10):
        content(client.get(reverse("matter-export", args=["csv"])))
    with django_assert_max_num_queries(10):
        content(client.get(reverse("matter-export", args=["xlsx"])))


def test_anonymous_is_sent_to_login_and_unknown_formats_are_404(client, login, users):
    response = client.get(reverse("matter-export", args=["csv"]))
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert login(users["head"]).get(reverse("matter-export", args=["pdf"])).status_code == 404
    assert not AuditEvent.objects.filter(action="matter.export").exists()


def test_the_list_reads_the_dashboards_extra_filters_and_keeps_them(login, users, matters, agencies):
    client = login(users["head"])
    response = client.get(reverse("matter-list"), {"unassigned": "1"})
    assert response.context["page"].paginator.count == 0
    body = response.content.decode()
    assert "ยังไม่มอบหมายผู้รับผิดชอบ" in body and 'name="unassigned" value="1"' in body
    response = client.get(reverse("matter-list"), {"created_from": timezone.localdate().isoformat()})
    assert response.context["page"].paginator.count == 4
