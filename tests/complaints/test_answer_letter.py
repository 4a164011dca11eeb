"""The letter answering a complainant: addressed by name when a holder of "เห็นข้อมูลผู้ร้อง" drafts it (the read
audited), with a placeholder a holder fills when someone else drafts it, and no letter to an anonymous complainant."""

import subprocess

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from prasan.audit.models import AuditEvent
from prasan.complaints import replies
from prasan.documents.printing import pdf
from prasan.search.index import rebuild
from prasan.search.models import SearchEntry
from prasan.search.query import SearchParams, search

from .conftest import PARENT, grant_complainant_permission


@pytest.fixture
def complaint(make_complaint):
    return make_complaint(subject="โรงเรียนเรียกเก็บเงินค่าอาหารกลางวันจากผู้ปกครอง")


def draft(client, complaint, **data):
    return client.post(reverse("complaint-reply", args=[complaint.pk]),
                       {"kind": "final", "via": "letter", "text": "", **data})


def letter_unmask_reads(complaint) -> int:
    return sum(1 for e in AuditEvent.objects.filter(action="complaint.unmask", object_id=str(complaint.pk))
               if e.data.get("purpose") == "letter")


def printed(document) -> str:
    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf(document), capture_output=True,
                          check=True).stdout.decode()


def test_a_holder_drafts_the_letter_to_the_complainant_by_name(login, users, complaint):
    drafter = grant_complainant_permission(users["coordinator"])
    response = draft(login(drafter), complaint)
    sent = complaint.replies.get()
    assert response.status_code == 302 and response["Location"] == reverse("document-detail",
                                                                            args=[sent.document_id])
    assert sent.document.fields["to"] == PARENT["name"] and not replies.awaits_name(sent)
    assert letter_unmask_reads(complaint) == 1
    # Printed after เรื่อง, on the เรียน line, as the addressee of the letter.
    lines = [line.strip() for line in printed(sent.document).splitlines() if line.strip()]
    subject = next(i for i, line in enumerate(lines) if line.startswith("เรื่อง"))
    assert lines[subject + 1].split() == ["เรียน", *PARENT["name"].split()]
    # Everyone searches the index: the addressee is not in it.
    rebuild()
    assert "ทองดี" not in " ".join(f"{t} {b}" for t, b in SearchEntry.objects.values_list("title", "body"))
    assert search(users["head"], SearchParams(q="ทองดี")).count() == 0


def test_a_drafter_without_the_permission_gets_a_placeholder_and_is_told_who_fills_it(login, users, complaint):
    filler = grant_complainant_permission(users["grouphead"])
    response = draft(login(users["coordinator"]), complaint)
    sent = complaint.replies.get()
    assert sent.document.fields["to"] == replies.ADDRESSEE_PLACEHOLDER and replies.awaits_name(sent)
    assert "ทองดี" not in str(sent.document.fields) and letter_unmask_reads(complaint) == 0
    told = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert "ท่านไม่มีสิทธิ์ “เห็นข้อมูลผู้ร้อง”" in told and filler.display_name in told
    page = login(users["coordinator"]).get(complaint.get_absolute_url()).content.decode()
    assert "หนังสือยังไม่มีชื่อผู้ร้อง" in page and "ใส่ชื่อผู้ร้องในหนังสือ</button>" not in page

    url = reverse("complaint-name-letter", args=[complaint.pk, sent.pk])
    login(users["coordinator"]).post(url)
    sent.document.refresh_from_db()
    assert sent.document.fields["to"] == replies.ADDRESSEE_PLACEHOLDER

    client = login(filler)
    assert "ใส่ชื่อผู้ร้องในหนังสือ</button>" in client.get(complaint.get_absolute_url()).content.decode()
    assert client.post(url)["Location"] == reverse("document-detail", args=[sent.document_id])
    sent.document.refresh_from_db()
    assert sent.document.fields["to"] == PARENT["name"] and sent.document.version == 3
    assert letter_unmask_reads(complaint) == 1
    assert "เรียน " + PARENT["name"] in " ".join(printed(sent.document).split())


def test_a_letter_being_reviewed_is_not_renamed(users, complaint):
    sent = replies.reply(complaint, by=users["coordinator"], kind="final", via="letter", text="")
    sent.document.status = "in_review"
    sent.document.save(update_fields=["status"])
    with pytest.raises(Exception, match="ไม่ได้รอชื่อผู้ร้อง"):
        replies.name_addressee(complaint, sent, by=grant_complainant_permission(users["grouphead"]))


def test_an_anonymous_complainant_gets_no_letter(login, users, make_complaint):
    anonymous = make_complaint(complainant={"anonymous": True, "address": "ตู้ ปณ. 9 ขอนแก่น"})
    response = draft(login(grant_complainant_permission(users["coordinator"])), anonymous)
    assert response.status_code == 422 and "ไม่มีหนังสือถึงตัวผู้ร้อง" in response.content.decode()
    assert not anonymous.replies.exists() and not anonymous.matter.documents.exists()
