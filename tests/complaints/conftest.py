import pytest
from django.contrib.auth.models import Permission

from prasan.complaints.services import file_complaint

PARENT = {"name": "นางสาวสมหญิง ทองดี", "phone": "081-234-5678", "email": "somying@example.com",
          "address": "99 หมู่ 3 ตำบลบ้านใหม่ อำเภอเมือง จังหวัดขอนแก่น", "line_id": "somying99"}


def grant_complainant_permission(user):
    user.user_permissions.add(Permission.objects.get(codename="view_complainant", content_type__app_label="complaints"))
    # has_perm caches per user object: give callers a fresh one.
    return type(user).objects.get(pk=user.pk)


@pytest.fixture
def holder(users):
    """The registrar, granted "เห็นข้อมูลผู้ร้อง"."""
    return grant_complainant_permission(users["registrar"])


@pytest.fixture
def make_complaint(office, users):
    def make(by=None, complainant=None, **fields):
        defaults = {"channel": "letter", "subject": "โรงเรียนเรียกเก็บเงินบำรุงการศึกษาเกินอัตรา",
                    "details": "ผู้ปกครองถูกเรียกเก็บเงิน 3,000 บาทต่อภาคเรียน", "province": "ขอนแก่น",
                    "about": "โรงเรียนบ้านใหม่วิทยา"}
        defaults.update(fields)
        return file_complaint(office, by=by or users["coordinator"],
                              complainant=PARENT if complainant is None else complainant, **defaults)

    return make
