"""Two people taking the same review step at the same moment, over real HTTP: exactly one wins, the other is
refused in Thai, and the step, the matter's decision and the audit log each hold one action (SQLite and
PostgreSQL alike: the suite runs on both)."""

import json
import threading
import urllib.error
import urllib.request

import pytest

from prasan.accounts.models import ApiToken
from prasan.audit.models import AuditEvent
from prasan.documents import chain, drafting
from prasan.documents.models import ReviewStep
from prasan.matters.models import Decision, Plan, Transition
from tests.conftest import make_user

from .conftest import BASE, THAI
from .test_documents import MEMO
from .test_registers import wide_live_server  # noqa: F401  (a threaded live server with a wide backlog)

ROUNDS = 3


def at_once(url: str, calls: list[tuple[str, dict]]) -> list[tuple[int | None, dict | str]]:
    """POST each (token, body) to `url` from its own thread, released together; (status, body) each."""
    start = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def send(i, token, body):
        request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST", headers={
            "Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        start.wait()
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                results[i] = (response.status, json.loads(response.read()))
        except urllib.error.HTTPError as exc:
            results[i] = (exc.code, json.loads(exc.read()))
        except Exception as exc:  # noqa: BLE001 — reported by the assertions
            results[i] = (None, repr(exc))

    threads = [threading.Thread(target=send, args=(i, token, body)) for i, (token, body) in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def submitted_memo(make_matter, users, n):
    matter = make_matter(title=f"การจัดสรรอัตราครูผู้ช่วย รอบที่ {n}")
    Plan.objects.create(matter=matter, targets="สพฐ.")
    for event in ("accept", "start", "draft"):
        matter.fire(event, by=users["coordinator"])
    memo = drafting.start(matter, "office_memo", by=users["coordinator"])
    memo = drafting.save_version(memo, memo.fields | MEMO, by=users["coordinator"])
    chain.submit(memo, by=users["coordinator"])
    return matter, memo


def one_won(results):
    statuses = sorted(status for status, _ in results)
    assert statuses[0] == 200 and all(s in (403, 409) for s in statuses[1:]), results
    refused = [body for status, body in results if status != 200]
    assert all(THAI.search(body["detail"]) for body in refused), refused


@pytest.mark.django_db(transaction=True)
def test_two_group_heads_approving_the_same_step_at_once_one_wins(wide_live_server, users, unit, make_matter):  # noqa: F811
    second = make_user("grouphead2", "group_head", unit, clearance=2)
    tokens = [ApiToken.issue(users["grouphead"])[1], ApiToken.issue(second)[1]]
    for n in range(ROUNDS):
        matter, memo = submitted_memo(make_matter, users, n)
        url = f"{wide_live_server.url}{BASE}/documents/{memo.pk}/review"
        one_won(at_once(url, [(token, {"decision": "approve", "comment": f"ผ่าน {i}"})
                              for i, token in enumerate(tokens)]))
        steps = list(ReviewStep.objects.filter(document=memo).order_by("order").values_list("role", "status"))
        assert steps == [("group_head", "approved"), ("head", "pending"), ("executive", "pending")]
        assert AuditEvent.objects.filter(action="document.review", object_id=str(memo.pk)).count() == 1
        matter.refresh_from_db()
        assert matter.state == "in_review"


@pytest.mark.django_db(transaction=True)
def test_two_executives_deciding_at_once_record_one_decision(wide_live_server, users, make_matter):  # noqa: F811
    deputy = make_user("deputy", "executive", clearance=3)
    tokens = [ApiToken.issue(users["minister"])[1], ApiToken.issue(deputy)[1]]
    for n in range(ROUNDS):
        matter, memo = submitted_memo(make_matter, users, n)
        chain.decide(memo, by=users["grouphead"], approve=True)
        chain.decide(memo, by=users["head"], approve=True)
        url = f"{wide_live_server.url}{BASE}/documents/{memo.pk}/decide"
        results = at_once(url, [(tokens[0], {"decision": "อนุมัติ"}), (tokens[1], {"decision": "ไม่อนุมัติ"})])
        one_won(results)
        [decision] = Decision.objects.filter(matter=matter)
        winner = next(body for status, body in results if status == 200)
        assert decision.verdict == winner["steps"][-1]["verdict"]
        assert Transition.objects.filter(matter=matter, event="record_decision").count() == 1
        matter.refresh_from_db()
        assert matter.state == "following_up"
