"""The index follows its sources: saves, state changes and deletes; `prasan reindex` rebuilds it."""

from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from prasan.coordination.models import Activity, AgencyRequest
from prasan.matters.models import Matter
from prasan.search.models import SearchEntry


def test_an_edited_title_is_found_by_its_new_words_only(make_matter, users, find):
    matter = make_matter(title="ขอข้อมูลโรงเรียนขนาดเล็ก")
    matter.title = "ขอข้อมูลโรงเรียนประชารัฐ"
    matter.save()

    assert find(users["coordinator"], "ขนาดเล็ก")[0] == []
    assert find(users["coordinator"], "ประชารัฐ")[0] == ["ขอข้อมูลโรงเรียนประชารัฐ"]


def test_a_state_change_reaches_the_matters_activities(make_matter, make_activity, users, find):
    matter = make_matter(title="หนี้สินครู")
    make_activity(matter, "โทรประสานเรื่องหนี้สินครู")

    matter.fire("accept", by=users["coordinator"])

    assert len(find(users["coordinator"], "หนี้สินครู", state="planning")[0]) == 2
    assert find(users["coordinator"], "หนี้สินครู", state="received")[0] == []


def test_deleted_things_leave_the_index(make_matter, make_activity, make_entry, users, find):
    matter = make_matter(title="เรื่องที่จะลบทิ้ง")
    activity = make_activity(matter, "บันทึกที่จะลบทิ้ง")
    entry = make_entry(1, subject="หนังสือของเรื่องที่จะลบทิ้ง", matter=matter)

    activity.delete()
    assert SearchEntry.objects.filter(kind="activity").count() == 0
    matter.delete()

    assert find(users["head"], "ที่จะลบทิ้ง")[0] == ["หนังสือของเรื่องที่จะลบทิ้ง"]
    assert SearchEntry.objects.get(kind="entry", object_id=entry.pk).matter_id is None


def test_only_answered_requests_are_searchable(make_matter, agencies, users, find):
    matter = make_matter(title="ขอผลการดำเนินงาน")
    request = AgencyRequest.objects.create(matter=matter, agency=agencies[0], deliverable="รายงานผล",
                                           deadline=timezone.localdate())
    assert find(users["coordinator"], "ดำเนินการแล้วเสร็จ")[0] == []

    request.answer = "ดำเนินการแล้วเสร็จร้อยละ ๘๐"
    request.status = "answered"
    request.save()

    assert find(users["coordinator"], "ดำเนินการแล้วเสร็จ")[0] == ["คำตอบจาก สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน"]
    assert find(users["coordinator"], "ร้อยละ 80")[0] != []


def test_reindex_builds_the_index_for_rows_inserted_without_signals(make_matter, users, office, find):
    matter = make_matter(title="เรื่องที่บันทึกตามปกติ")
    Matter.objects.bulk_create([Matter(office=office, year=2569, seq=900 + n, title=f"นำเข้าทีละมาก {n}",
                                       duty_type="other", source="verbal_command") for n in range(3)])
    Activity.objects.bulk_create([Activity(matter=matter, channel="line", summary="นำเข้าทีละมาก ทาง LINE")])
    assert find(users["coordinator"], "นำเข้าทีละมาก")[0] == []

    out, err = StringIO(), StringIO()
    call_command("reindex", stdout=out, stderr=err)

    assert len(find(users["coordinator"], "นำเข้าทีละมาก")[0]) == 4
    assert "สร้างดัชนีค้นหา 5 รายการ" in out.getvalue()
    assert "5/5" in err.getvalue()
    assert find(users["coordinator"], "ตามปกติ")[0] == ["เรื่องที่บันทึกตามปกติ"]


def test_reindex_then_signals_keep_working(make_matter, users, find):
    call_command("reindex", "--quiet")
    make_matter(title="เรื่องใหม่หลังสร้างดัชนี")
    assert find(users["coordinator"], "หลังสร้างดัชนี")[0] == ["เรื่องใหม่หลังสร้างดัชนี"]


def test_saving_a_matter_costs_few_queries_for_the_index(make_matter, django_assert_max_num_queries):
    matter = make_matter(title="นับจำนวนคำสั่ง")
    matter.title = "นับจำนวนคำสั่งอีกครั้ง"
    # The counters' locked read and the open work's two reads by key; the index reads its entry before writing it
    # on PostgreSQL (one more than on SQLite).
    with django_assert_max_num_queries(7):
        matter.save()


def test_documents_are_found_by_what_was_written_in_their_form(make_matter, users, find):
    from prasan.documents.models import Document

    matter = make_matter(title="บันทึกเสนอรัฐมนตรี")
    secret = make_matter(title="เรื่องลับ", secrecy=1, assignees=[users["coordinator"]])
    Document.objects.create(matter=matter, form="summary_note", title="บันทึกสรุปเรื่องครูผู้ช่วย",
                            fields={"summary": ["ข้อเสนอให้เพิ่มอัตรากำลังครู", {"note": "ภาคอีสาน"}]})
    Document.objects.create(matter=secret, form="summary_note", title="บันทึกลับ",
                            fields={"summary": "อัตรากำลังครูในพื้นที่พิเศษ"})

    assert find(users["outsider"], "อัตรากำลังครู")[0] == ["บันทึกสรุปเรื่องครูผู้ช่วย"]
    assert len(find(users["coordinator"], "อัตรากำลังครู")[0]) == 2
    assert find(users["outsider"], "ภาคอีสาน", kind="document")[0] == ["บันทึกสรุปเรื่องครูผู้ช่วย"]


def test_text_written_with_queryset_update_is_indexed_when_told(users, find):
    from prasan.correspondence.models import LetterIntake
    from prasan.search import index

    letter = LetterIntake.objects.create(name="scan.pdf", sha256="1" * 64, size=1, created_by=users["registrar"])
    LetterIntake.objects.filter(pk=letter.pk).update(status="ready", text="ขอเชิญร่วมงานวันครูแห่งชาติ",
                                                     fields={"subject": "เชิญร่วมงานวันครู"})
    assert find(users["registrar"], "วันครูแห่งชาติ")[0] == []

    index.changed("letter", [letter.pk])

    assert find(users["registrar"], "วันครูแห่งชาติ")[0] == ["เชิญร่วมงานวันครู"]
