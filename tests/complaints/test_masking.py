from hypothesis import given
from hypothesis import strategies as st

from prasan.complaints.masking import (
    ID_MASK,
    is_thai_id,
    mask_email,
    mask_name,
    mask_phone,
    mask_text,
)


def with_checksum(twelve: str) -> str:
    total = sum(int(d) * (13 - i) for i, d in enumerate(twelve))
    return twelve + str((11 - total % 11) % 10)


twelve_digits = st.text(alphabet="0123456789", min_size=12, max_size=12)


def test_names_keep_first_letters_only():
    assert mask_name("สมชาย ทองดี") == "ส*** ท***"
    assert mask_name("นางสาวสมหญิง ทองดี") == "นางสาว ส*** ท***"
    assert mask_name("") == ""


def test_phones_keep_prefix_and_last_four():
    assert mask_phone("0812341234") == "08x-xxx-1234"
    assert mask_phone("081-234-1234") == "08x-xxx-1234"
    assert mask_phone("๐๘๑๒๓๔๑๒๓๔") == "08x-xxx-1234"
    assert mask_phone("") == ""


def test_emails_keep_first_letters_only():
    assert mask_email("somying@example.com") == "s***@e***"


@given(twelve_digits)
def test_a_valid_id_is_masked_however_it_is_written(twelve):
    number = with_checksum(twelve)
    grouped = f"{number[0]}-{number[1:5]}-{number[5:10]}-{number[10:12]}-{number[12]}"
    for written in (number, grouped, grouped.replace("-", " ")):
        text = f"บัตรประชาชนเลขที่ {written} ของผู้ร้อง"
        assert mask_text(text) == f"บัตรประชาชนเลขที่ {ID_MASK} ของผู้ร้อง"
        assert number not in mask_text(text).replace("-", "").replace(" ", "")


@given(twelve_digits, st.integers(min_value=1, max_value=9))
def test_a_number_failing_the_checksum_is_left(twelve, wrong):
    number = with_checksum(twelve)
    bad = number[:12] + str((int(number[12]) + wrong) % 10)
    assert not is_thai_id(bad)
    assert mask_text(f"เลขพัสดุ {bad}") == f"เลขพัสดุ {bad}"


def test_thai_digits_and_longer_numbers():
    number = with_checksum("110370012345")
    thai = number.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    assert mask_text(f"เลข {thai}") == f"เลข {ID_MASK}"
    assert mask_text(f"บัญชี 9{number}") == f"บัญชี 9{number}"  # 14 digits: not an ID


def test_the_permission_is_granted_per_person_and_never_implied(users, db):
    from prasan.audit.models import AuditEvent
    from prasan.complaints.masking import grant, may_see_complainant

    admin = users["admin"]  # a superuser: Django's has_perm says yes to everything, this rule does not
    assert admin.has_perm("complaints.view_complainant") and not may_see_complainant(admin)
    assert grant(users["registrar"], by=admin, granted=True)
    assert not grant(users["registrar"], by=admin, granted=True)
    assert may_see_complainant(type(users["registrar"]).objects.get(pk=users["registrar"].pk))
    grant(users["registrar"], by=admin, granted=False)
    assert not may_see_complainant(type(users["registrar"]).objects.get(pk=users["registrar"].pk))
    assert list(AuditEvent.objects.filter(action__startswith="complainant.").values_list("action", flat=True)) == [
        "complainant.grant_access", "complainant.revoke_access"]


def test_the_admin_grants_it_on_the_user_page(client, users, db):
    from prasan.complaints.masking import may_see_complainant

    client.force_login(users["admin"])
    url = f"/admin/accounts/user/{users['coordinator'].pk}/change/"
    page = client.get(url).content.decode()
    assert "เห็นข้อมูลผู้ร้อง" in page
    coordinator = users["coordinator"]
    data = {"username": coordinator.username, "first_name": "", "last_name": "", "email": coordinator.email,
            "is_active": "on", "role": coordinator.role, "unit": coordinator.unit_id, "clearance": coordinator.clearance,
            "position": "", "phone": "", "line_user_id": "", "sees_complainants": "on",
            "date_joined_0": "1/1/2569", "date_joined_1": "09:00"}
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert may_see_complainant(type(coordinator).objects.get(pk=coordinator.pk))
