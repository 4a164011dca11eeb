"""/api/v1/registers/{register}/entries: numbering letters through the API, gapless under 50 concurrent requests."""

import datetime as dt
import json
import threading
import urllib.error
import urllib.request

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer
from django.utils import timezone
from pytest_django.live_server_helper import LiveServer

from prasan.accounts.models import ApiToken
from prasan.audit.models import AuditEvent
from prasan.correspondence import numbering
from prasan.correspondence.models import RegisterCounter, RegisterEntry
from prasan.thai.dates import be_year

from .conftest import BASE, assert_thai_error

LETTER = {"subject": "ขอความอนุเคราะห์ข้อมูลจำนวนครูผู้ช่วย", "sender": "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน",
          "recipient": "รัฐมนตรีว่าการกระทรวงศึกษาธิการ", "letter_date": "2026-01-15",
          "doc_number": "ศธ ๐๔๐๐๖/๑๒๓๔", "urgency": "ด่วนมาก"}
OUTGOING = {"subject": "ขอเชิญประชุมหารือ", "recipient": "เลขาธิการ กพฐ."}


def entries(register):
    return f"/registers/{register}/entries"


def entry_of(office, register, by, **fields):
    return numbering.register_entry(office, register, by=by, **{"subject": "หนังสือทดสอบ", **fields})


# ---- POST …/entries ------------------------------------------------------------------------------

def test_a_registrar_registers_an_incoming_letter(api, users, unit):
    response = api("registrar").post(entries("incoming"), LETTER)
    assert response.status_code == 201, response.content.decode()
    body = response.json()
    assert (body["register"], body["number"], body["status"]) == ("incoming", 1, "active")
    assert body["year"] == be_year(timezone.localdate())
    assert body["doc_number"] == "ศธ 04006/1234"  # Thai digits stored as Arabic, so search finds either
    assert (body["urgency"], body["secrecy"], body["letter_date"]) == ("ด่วนมาก", "normal", "2026-01-15")
    assert body["unit"] == unit.pk and body["created_by"] == users["registrar"].pk
    assert body["register_label"] == "ทะเบียนหนังสือรับ" and body["status_label"] == "ลงทะเบียนแล้ว"
    assert AuditEvent.objects.filter(action="register.create", object_id=str(body["id"])).exists()


def test_the_same_letter_again_is_409_with_the_existing_entry_unless_confirmed(api):
    registrar = api("registrar")
    first = registrar.post(entries("incoming"), LETTER).json()
    # The same ที่, date and sender, typed with Arabic digits and other spacing.
    same = {**LETTER, "doc_number": "ศธ04006 / 1234", "sender": LETTER["sender"].replace("การศึกษา", " การศึกษา")}
    response = registrar.post(entries("incoming"), same)
    detail = assert_thai_error(response, 409)
    assert "ลงทะเบียนไว้แล้ว" in detail and "duplicate_ok" in detail
    assert response.json()["duplicate_of"] == first["id"]
    assert RegisterEntry.objects.count() == 1
    again = registrar.post(entries("incoming"), {**same, "duplicate_ok": True})
    assert again.status_code == 201 and again.json()["number"] == 2
    assert AuditEvent.objects.get(action="register.duplicate_confirmed").data["duplicate_of"] == first["id"]


def test_openapi_documents_the_duplicate_conflict(api):
    schema = api("registrar").get("/openapi.json").json()
    operation = schema["paths"]["/api/v1/registers/{register}/entries"]["post"]
    assert {"401", "403", "404", "409", "422"} <= set(operation["responses"])
    assert "duplicate_ok" in str(schema["components"]["schemas"]["EntryIn"])


def test_numbers_follow_one_another_and_each_register_counts_alone(api):
    registrar = api("registrar")
    numbers = [registrar.post(entries("incoming"), {**LETTER, "doc_number": f"ศธ 04006/{n}"}).json()["number"]
               for n in range(3)]
    assert numbers == [1, 2, 3]
    assert registrar.post(entries("outgoing"), OUTGOING).json()["number"] == 1


def test_outgoing_circular_and_order_numbers_take_the_units_format(api, unit, other_unit):
    unit.letter_prefix = "ศธ 0201.1"
    unit.save()
    other_unit.letter_prefix = "ศธ 0201.2"
    other_unit.save()
    registrar = api("registrar")
    assert registrar.post(entries("outgoing"), OUTGOING).json()["doc_number"] == "ศธ 0201.1/1"
    assert registrar.post(entries("outgoing"), {**OUTGOING, "unit": other_unit.pk}).json()["doc_number"] == \
        "ศธ 0201.2/2"
    assert registrar.post(entries("circular"), OUTGOING).json()["doc_number"] == "ศธ 0201.1/ว 1"
    order = registrar.post(entries("order"), {"subject": "แต่งตั้งคณะทำงาน"}).json()
    assert order["doc_number"] == f"1/{order['year']}"


def test_a_letter_links_to_a_matter_the_caller_can_see(api, make_matter):
    matter = make_matter()
    body = api("registrar").post(entries("incoming"), {**LETTER, "matter": matter.pk}).json()
    assert (body["matter"], body["matter_number"]) == (matter.pk, matter.number)


def test_a_reserved_number_is_filled_later(api):
    registrar = api("registrar")
    reserved = registrar.post(entries("outgoing"), {"reserve": True}).json()
    assert (reserved["status"], reserved["number"], reserved["subject"]) == ("reserved", 1, "")
    filled = registrar.post(entries("outgoing") + f"/{reserved['id']}/fill", {**OUTGOING, "action": "ส่งทางอีเมล"})
    assert filled.status_code == 200, filled.content.decode()
    body = filled.json()
    assert (body["status"], body["number"], body["subject"], body["action"]) == \
        ("active", 1, OUTGOING["subject"], "ส่งทางอีเมล")
    assert body["doc_number"] == reserved["doc_number"]  # fields left out keep the reserved value
    assert AuditEvent.objects.filter(action="register.fill", object_id=str(body["id"])).exists()


def test_a_secret_letter_goes_into_the_secret_register_up_to_the_callers_clearance(api):
    grouphead = api("grouphead")  # clearance ลับมาก
    default = grouphead.post(entries("secret"), OUTGOING).json()
    assert (default["secrecy"], default["secrecy_label"]) == ("confidential", "ลับ")
    assert grouphead.post(entries("secret"), {**OUTGOING, "secrecy": "secret"}).json()["secrecy"] == "secret"
    detail = assert_thai_error(grouphead.post(entries("secret"), {**OUTGOING, "secrecy": "top_secret"}), 403)
    assert "ลับที่สุด" in detail
    assert RegisterEntry.objects.filter(register="secret").count() == 2


def test_secrecy_is_refused_outside_the_secret_register(api):
    detail = assert_thai_error(api("head").post(entries("outgoing"), {**OUTGOING, "secrecy": "confidential"}), 422)
    assert "secrecy" in detail


def test_a_wrong_role_may_not_register(api):
    assert_thai_error(api("auditor").post(entries("incoming"), LETTER), 403)
    assert_thai_error(api("minister").post(entries("outgoing"), OUTGOING), 403)
    assert_thai_error(api("coordinator").post(entries("order"), OUTGOING), 403)  # orders: registrar and head only
    assert_thai_error(api("coordinator").post(entries("secret"), OUTGOING), 403)  # cleared, but not a writer
    assert_thai_error(api("admin").post(entries("incoming"), LETTER), 403)
    assert not RegisterEntry.objects.exists()


def test_the_secret_register_without_clearance_is_not_found_like_an_unknown_register(api):
    registrar = api("registrar")  # writes every other register, holds no clearance
    secret = assert_thai_error(registrar.post(entries("secret"), OUTGOING), 404)
    unknown = assert_thai_error(registrar.post(entries("memo"), OUTGOING), 404)
    assert secret == unknown
    assert_thai_error(api("uncleared").get(entries("secret")), 404)
    assert not RegisterEntry.objects.exists()


def test_anonymous_callers_may_not_register(api):
    assert_thai_error(api(None).post(entries("incoming"), LETTER), 401)


@pytest.mark.parametrize("change, field", [
    ({"subject": ""}, "subject"),
    ({"sender": ""}, "sender"),
    ({"letter_date": "2569-01-15"}, "letter_date"),
    ({"letter_date": "15/01/2026"}, "letter_date"),
    ({"urgency": "ด่วนพิเศษ"}, "urgency"),
    ({"secrecy": "ลับ"}, "secrecy"),
    ({"unit": 999999}, "unit"),
    ({"matter": 999999}, "matter"),
    ({"subject": "ก" * 501}, "subject"),
    ({"reserve": "maybe"}, "reserve"),
    ({"number": 7}, "number"),
])
def test_bad_input_is_refused_in_thai_and_uses_no_number(api, change, field):
    registrar = api("registrar")
    response = registrar.post(entries("incoming"), {**LETTER, **change})
    assert_thai_error(response, 422)
    assert field in [e["field"] for e in response.json()["errors"]], response.json()
    assert registrar.post(entries("incoming"), LETTER).json()["number"] == 1


def test_a_letter_dated_in_the_future_is_refused(api):
    later = (timezone.localdate() + dt.timedelta(days=10)).isoformat()
    assert_thai_error(api("registrar").post(entries("incoming"), {**LETTER, "letter_date": later}), 422)


def test_a_matter_the_caller_cannot_see_is_an_unknown_matter(api, secret_matter):
    response = api("uncleared").post(entries("incoming"), {**LETTER, "matter": secret_matter.pk})
    assert_thai_error(response, 422)
    assert response.json()["errors"][0]["field"] == "matter"


# ---- GET …/entries -------------------------------------------------------------------------------

def test_staff_list_a_register_newest_first_with_paging(api, office, users):
    for i in range(5):
        entry_of(office, "incoming", users["registrar"], sender="สพฐ.", subject=f"หนังสือ {i}")
    entry_of(office, "outgoing", users["registrar"])
    body = api("auditor").get(entries("incoming"), {"limit": 2, "page": 2}).json()
    assert (body["count"], body["limit"], body["offset"]) == (5, 2, 2)
    assert [item["number"] for item in body["items"]] == [3, 2]


def test_the_list_filters_like_the_register_page(api, office, users):
    by = users["registrar"]
    first = entry_of(office, "incoming", by, doc_number="ศธ 04006/1234", sender="สพฐ.")
    entry_of(office, "incoming", by, subject="เชิญประชุม", sender="สอศ.")
    numbering.cancel(first, by=by, reason="ลงซ้ำ")
    coordinator = api("coordinator")

    def numbers(**params):
        return [item["number"] for item in coordinator.get(entries("incoming"), params).json()["items"]]

    assert numbers(q="๑๒๓๔") == [1]
    assert numbers(q="ประชุม") == [2]
    assert numbers(status="cancelled") == [1]
    assert numbers(year=first.year) == [2, 1]
    assert numbers(year=first.year - 1) == []
    today = timezone.localdate().isoformat()
    assert numbers(date_from=today, date_to=today) == [2, 1]


@pytest.mark.parametrize("params", [{"status": "done"}, {"year": 2026}, {"date_from": "yesterday"},
                                    {"limit": 1000}, {"q": "ก" * 101}])
def test_bad_filters_are_refused_in_thai(api, params):
    assert_thai_error(api("coordinator").get(entries("incoming"), params), 422)


def test_secret_entries_above_the_callers_clearance_are_never_listed(api, office, users):
    by = users["head"]
    for level in (1, 2, 3):
        entry_of(office, "secret", by, secrecy=level)
    assert [i["secrecy"] for i in api("coordinator").get(entries("secret")).json()["items"]] == ["confidential"]
    assert api("grouphead").get(entries("secret")).json()["count"] == 2
    assert api("head").get(entries("secret")).json()["count"] == 3


def test_listing_a_register_is_refused_to_a_wrong_role_the_uncleared_and_the_anonymous(api):
    assert_thai_error(api("admin").get(entries("incoming")), 403)
    assert_thai_error(api("uncleared").get(entries("secret")), 404)
    assert_thai_error(api("coordinator").get(entries("letters")), 404)
    assert_thai_error(api(None).get(entries("incoming")), 401)


def test_the_list_takes_the_same_number_of_queries_for_any_page_size(api, office, users, make_matter,
                                                                      django_assert_max_num_queries):
    by, matter = users["registrar"], make_matter()
    for _ in range(3):
        entry_of(office, "incoming", by, sender="สพฐ.", matter=matter, unit=users["registrar"].unit)
    registrar = api("registrar")
    # token lookup + last-used update, count, page (units and matters joined): nothing per row.
    with django_assert_max_num_queries(4) as small:
        assert len(registrar.get(entries("incoming")).json()["items"]) == 3
    for _ in range(60):
        entry_of(office, "incoming", by, sender="สพฐ.", matter=matter, unit=users["registrar"].unit)
    with django_assert_max_num_queries(len(small.captured_queries) + 2):  # + the search index: how many hold q, which
        items = registrar.get(entries("incoming"), {"limit": 100, "q": "หนังสือ"}).json()["items"]
    assert len(items) == 63 and items[0]["matter_number"] == matter.number


def test_a_common_phrase_is_listed_without_counting_its_matches(api, office, users, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from prasan.search import filters

    monkeypatch.setattr(filters, "DENSE", 1)  # a phrase in more than one row of the index is common
    for _ in range(3):
        entry_of(office, "incoming", users["registrar"])
    registrar = api("registrar")
    with CaptureQueriesContext(connection) as ran:
        body = registrar.get(entries("incoming"), {"q": "หนังสือ", "limit": 2}).json()
    table = RegisterEntry._meta.db_table
    assert not [query for query in ran.captured_queries if "COUNT(" in query["sql"].upper() and table in query["sql"]]
    assert (body["count"], body["more"], [item["number"] for item in body["items"]]) == (None, True, [3, 2])
    last = registrar.get(entries("incoming"), {"q": "หนังสือ", "limit": 2, "page": 2}).json()
    assert (last["count"], last["more"], [item["number"] for item in last["items"]]) == (None, False, [1])
    assert registrar.get(entries("incoming"), {"limit": 2}).json()["count"] == 3  # no text filter: counted


# ---- GET …/entries/{id} --------------------------------------------------------------------------

def test_staff_read_one_entry(api, office, users):
    entry = entry_of(office, "incoming", users["registrar"], sender="สพฐ.")
    body = api("minister").get(f"{entries('incoming')}/{entry.pk}").json()
    assert (body["id"], body["number"], body["sender"]) == (entry.pk, 1, "สพฐ.")


def test_reading_a_secret_entry_is_audited(api, office, users):
    entry = entry_of(office, "secret", users["head"], secrecy=1)
    assert api("coordinator").get(f"{entries('secret')}/{entry.pk}").status_code == 200
    assert AuditEvent.objects.filter(action="register.read", object_id=str(entry.pk),
                                     actor=users["coordinator"]).exists()


def test_reading_an_entry_is_refused_to_a_wrong_role_the_uncleared_and_the_anonymous(api, office, users):
    letter = entry_of(office, "incoming", users["registrar"], sender="สพฐ.")
    assert_thai_error(api("admin").get(f"{entries('incoming')}/{letter.pk}"), 403)
    entry = entry_of(office, "secret", users["head"], secrecy=2)
    path = f"{entries('secret')}/{entry.pk}"
    assert_thai_error(api("admin").get(path), 404)  # no clearance: the secret register does not exist for them
    assert_thai_error(api("coordinator").get(path), 404)  # clearance ลับ, the entry is ลับมาก
    assert_thai_error(api("uncleared").get(path), 404)
    assert_thai_error(api(None).get(path), 401)
    assert_thai_error(api("head").get(f"{entries('outgoing')}/{entry.pk}"), 404)  # not in that register
    assert api("head").get(path).status_code == 200


# ---- POST …/{id}/cancel --------------------------------------------------------------------------

def test_a_cancelled_entry_keeps_its_number(api, office, users):
    entry = entry_of(office, "outgoing", users["registrar"])
    registrar = api("registrar")
    body = registrar.post(f"{entries('outgoing')}/{entry.pk}/cancel", {"reason": "พิมพ์ผิด"}).json()
    assert (body["status"], body["number"], body["cancel_reason"]) == ("cancelled", 1, "พิมพ์ผิด")
    assert registrar.post(entries("outgoing"), OUTGOING).json()["number"] == 2
    assert_thai_error(registrar.post(f"{entries('outgoing')}/{entry.pk}/cancel", {"reason": "อีกครั้ง"}), 409)


def test_cancelling_needs_a_reason_and_a_writer(api, office, users):
    entry = entry_of(office, "outgoing", users["registrar"])
    path = f"{entries('outgoing')}/{entry.pk}/cancel"
    assert_thai_error(api("registrar").post(path, {"reason": "  "}), 422)
    assert_thai_error(api("auditor").post(path, {"reason": "พิมพ์ผิด"}), 403)
    assert_thai_error(api(None).post(path, {"reason": "พิมพ์ผิด"}), 401)
    secret = entry_of(office, "secret", users["head"], secrecy=1)
    assert_thai_error(api("uncleared").post(f"{entries('secret')}/{secret.pk}/cancel", {"reason": "x"}), 404)
    assert RegisterEntry.objects.filter(status="cancelled").count() == 0


# ---- POST …/{id}/fill ----------------------------------------------------------------------------

def test_filling_is_refused_to_a_wrong_role_the_uncleared_and_the_anonymous(api, office, users):
    reserved = entry_of(office, "outgoing", users["registrar"], reserved=True, subject="")
    path = f"{entries('outgoing')}/{reserved.pk}/fill"
    assert_thai_error(api("auditor").post(path, OUTGOING), 403)
    assert_thai_error(api(None).post(path, OUTGOING), 401)
    secret = entry_of(office, "secret", users["head"], reserved=True, subject="", secrecy=1)
    assert_thai_error(api("uncleared").post(f"{entries('secret')}/{secret.pk}/fill", OUTGOING), 404)
    assert RegisterEntry.objects.filter(status="reserved").count() == 2


def test_filling_needs_a_reserved_number_and_a_subject(api, office, users):
    active = entry_of(office, "outgoing", users["registrar"])
    registrar = api("registrar")
    assert_thai_error(registrar.post(f"{entries('outgoing')}/{active.pk}/fill", OUTGOING), 409)
    reserved = entry_of(office, "outgoing", users["registrar"], reserved=True, subject="")
    response = registrar.post(f"{entries('outgoing')}/{reserved.pk}/fill", {"recipient": "สพฐ."})
    assert_thai_error(response, 422)
    assert response.json()["errors"][0]["field"] == "subject"


# ---- concurrency ---------------------------------------------------------------------------------

CONCURRENT = 50


class _WideServer(ThreadedWSGIServer):
    # Django's test server listens with a backlog of 10: the kernel resets the rest of 50 clients connecting
    # in the same instant, before the application sees them.
    request_queue_size = 128


@pytest.fixture
def wide_live_server(transactional_db, settings):
    """pytest-django's live server (a real threaded HTTP server, one thread and connection per request)."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "127.0.0.1"]
    server = LiveServer("127.0.0.1", start=False)
    server.thread.server_class = _WideServer
    server.start()
    yield server
    server.stop()


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_requests_get_fifty_consecutive_numbers(wide_live_server, users):
    """50 real HTTP requests released together: every one 201, numbers 1..50, no gap, no duplicate."""
    token = ApiToken.issue(users["registrar"])[1]
    url = f"{wide_live_server.url}{BASE}/registers/outgoing/entries"
    start = threading.Barrier(CONCURRENT)
    results = [None] * CONCURRENT

    def send(i):
        body = json.dumps({"subject": f"หนังสือฉบับที่ {i}", "recipient": "สพฐ."}).encode()
        request = urllib.request.Request(url, data=body, method="POST", headers={
            "Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        start.wait()
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                results[i] = (response.status, json.loads(response.read()))
        except urllib.error.HTTPError as exc:
            results[i] = (exc.code, exc.read().decode())
        except Exception as exc:  # noqa: BLE001 — reported by the assertion below
            results[i] = (None, repr(exc))

    threads = [threading.Thread(target=send, args=(i,)) for i in range(CONCURRENT)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    failures = [r for r in results if r is None or r[0] != 201]
    assert failures == []
    numbers = sorted(body["number"] for _, body in results)
    assert numbers == list(range(1, CONCURRENT + 1))
    assert len({body["doc_number"] for _, body in results}) == CONCURRENT
    stored = sorted(RegisterEntry.objects.filter(register="outgoing").values_list("number", flat=True))
    assert stored == numbers
    assert RegisterCounter.objects.get(register="outgoing").value == CONCURRENT
