"""Walk the pages that show dates, with data dated in 2026 (2569 BE): no page's text shows the Christian
year. Links may carry ISO dates in their addresses; the words people read may not."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from prasan.coordination.models import AgencyRequest
from prasan.correspondence import numbering
from prasan.documents import drafting
from prasan.matters.models import Milestone
from prasan.tracking.models import Holiday

TAG = re.compile(r"<script.*?</script>|<style.*?</style>|<[^>]+>", re.S)
CHRISTIAN_YEAR = re.compile(r"(?<!\d)20[2-3]\d(?!\d)")


def visible_text(html: str) -> str:
    body = html.split("<main", 1)[-1]
    return TAG.sub(" ", body)


@pytest.fixture
def dated(make_matter, users, agencies, office):
    matter = make_matter(title="ขอข้อมูลครูผู้ช่วย", external_deadline=dt.date(2026, 12, 7),
                         internal_deadline=dt.date(2026, 12, 4))
    Milestone.objects.create(matter=matter, title="รวบรวมข้อมูล", due=dt.date(2026, 12, 3))
    AgencyRequest.objects.create(matter=matter, agency=agencies[0], deliverable="ข้อมูลครู",
                                 deadline=dt.date(2026, 12, 5), created_by=users["head"])
    entry = numbering.register_entry(office, "incoming", by=users["registrar"], subject="ขอข้อมูลครู",
                                     sender="สพฐ.", letter_date=dt.date(2026, 11, 28), matter=matter)
    document = drafting.start(matter, "summary_note", by=users["coordinator"])
    document = drafting.save_version(document, document.fields | {"doc_date": "2026-11-28"}, by=users["coordinator"])
    Holiday.objects.create(date=dt.date(2026, 12, 10), name="วันรัฐธรรมนูญ")
    return {"matter": matter, "entry": entry, "document": document}


@pytest.mark.django_db
def test_no_page_shows_a_christian_year(login, users, dated):
    matter, entry, document = dated["matter"], dated["entry"], dated["document"]
    assert timezone.localdate().year + 543 > 2500  # the pages below are rendered "now", in 25xx
    pages = [
        reverse("my-work"), reverse("matter-list"), reverse("matter-detail", args=[matter.pk]),
        reverse("matter-edit", args=[matter.pk]), reverse("register-list", args=["incoming"]),
        reverse("register-entry", args=["incoming", entry.pk]), reverse("document-detail", args=[document.pk]),
        reverse("document-compare", args=[document.pk]) + f"?a=1&b={document.version}",
        reverse("search") + "?q=ครู", reverse("dashboard"), reverse("reports"), reverse("notifications"),
        reverse("calendar-page"),
    ]
    client = login(users["head"])
    shown = []
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        text = visible_text(response.content.decode())
        found = CHRISTIAN_YEAR.findall(text)
        assert found == [], f"{url}: {found}"
        shown.append(text)
    # the dated things were on the pages, in BE: the test looked at dates, not at empty pages
    for words in ("7 ธ.ค. 2569", "5 ธ.ค. 2569", "3 ธ.ค. 2569", "28 พ.ย. 2569"):
        assert any(words in text for text in shown), words
    holidays = login(users["admin"]).get(reverse("holidays") + "?year=2569").content.decode()
    assert "10 ธ.ค. 2569" in holidays or "10 ธันวาคม 2569" in holidays
    assert CHRISTIAN_YEAR.findall(visible_text(holidays)) == []
