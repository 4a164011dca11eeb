"""Shared fixtures: an office with units and one user per role, matters, and real local servers."""

import pytest
from django.utils import timezone

from prasan.accounts.models import User
from prasan.directory.models import Agency, Contact, Office, Unit
from prasan.matters.models import Matter

PASSWORD = "test-password-2569"


SIGNING_PASSWORD = "office-p12-2569"


@pytest.fixture(scope="session")
def test_ca(tmp_path_factory):
    """The tests' own certificate authority and the office certificate it issued (PKCS#12)."""
    from tests import pki

    folder = tmp_path_factory.mktemp("pki")
    ca = pki.make_ca()
    office = pki.issue(ca, "สร. ทดสอบ")
    (folder / "ca.pem").write_bytes(ca.pem())
    return {"ca": ca, "office": office, "folder": folder, "ca_pem": folder / "ca.pem",
            "p12": pki.write_p12(folder / "office.p12", office, ca, SIGNING_PASSWORD)}


@pytest.fixture(autouse=True)
def _media(settings, tmp_path, test_ca):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SIGNING_P12 = str(test_ca["p12"])
    settings.SIGNING_P12_PASSWORD = SIGNING_PASSWORD
    settings.SIGNING_TRUST = []
    settings.SIGNING_DEMO_DIR = tmp_path / "signing"


@pytest.fixture(autouse=True)
def _office_digits():
    """Each test starts from the default digit setting, whatever an earlier test saved and rolled back."""
    from prasan.thai import preferences

    preferences.assume()
    yield
    preferences.assume()


@pytest.fixture
def office(db):
    # Signing in in one step, like the demo office; tests of two-step sign-in turn it on
    # (tests/accounts/test_two_factor.py), as a real office has it by default.
    return Office.objects.create(name="สำนักงานรัฐมนตรี กระทรวงศึกษาธิการ", abbreviation="สร",
                                 letter_prefix="ศธ 0201", two_factor_required=False)


@pytest.fixture
def unit(office):
    return Unit.objects.create(office=office, name="กลุ่มงานวิเคราะห์", abbreviation="กวก.")


@pytest.fixture
def other_unit(office):
    return Unit.objects.create(office=office, name="กลุ่มงานการเมือง", abbreviation="กกร.")


def make_user(username, role, unit=None, clearance=0, **extra):
    return User.objects.create_user(username, password=PASSWORD, role=role, unit=unit, clearance=clearance,
                                    first_name=username, email=f"{username}@moe.example", **extra)


@pytest.fixture
def users(unit, other_unit):
    """One user per role; `outsider` is a coordinator of another unit; `uncleared` has no clearance."""
    return {
        "coordinator": make_user("coordinator", "coordinator", unit, clearance=1),
        "grouphead": make_user("grouphead", "group_head", unit, clearance=2),
        "head": make_user("head", "head", None, clearance=3, position="หัวหน้าสำนักงานรัฐมนตรี"),
        "minister": make_user("minister", "executive", None, clearance=3,
                              position="รัฐมนตรีว่าการกระทรวงศึกษาธิการ"),
        "registrar": make_user("registrar", "registrar", unit),
        "auditor": make_user("auditor", "auditor"),
        "admin": make_user("admin", "admin", is_staff=True, is_superuser=True),
        "outsider": make_user("outsider", "coordinator", other_unit, clearance=3),
        "uncleared": make_user("uncleared", "coordinator", unit, clearance=0),
    }


@pytest.fixture
def make_matter(office, unit, users):
    def make(**fields):
        assignees = fields.pop("assignees", [users["coordinator"]])
        defaults = dict(
            title="ขอข้อมูลจำนวนครูผู้ช่วยที่บรรจุปี 2569", duty_type="analysis", source="verbal_command",
            owner_unit=unit, external_deadline=timezone.localdate(),
        )
        defaults.update(fields)
        secrecy = defaults.get("secrecy", 0)
        matter = Matter.create(by=users["coordinator"], office=office, **defaults,
                               assignees=[u for u in assignees if u.clearance >= secrecy])
        past = [u for u in assignees if u.clearance < secrecy]
        if past:
            assign_past_clearance(matter, past)
        return matter

    return make


def assign_past_clearance(matter, users):
    """Assignments the app refuses (matters.access.require_cleared), as rows made before that rule or by the bench
    generator: written past the guard, with the search's grants and the open work brought up to date as their
    signals would. The visibility tests keep such rows to show that clearance, not the assignment, has the last
    word."""
    from prasan.openwork import keeping
    from prasan.search import grants

    Matter.assignees.through.objects.bulk_create(
        [Matter.assignees.through(matter_id=matter.pk, user_id=user.pk) for user in users])
    grants.sync([matter.pk])
    keeping.sync([matter.pk])


@pytest.fixture
def agencies(db):
    obec = Agency.objects.create(name="สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน", abbreviation="สพฐ.",
                                 email="saraban@obec.example", line_id="Uobec")
    vec = Agency.objects.create(name="สำนักงานคณะกรรมการการอาชีวศึกษา", abbreviation="สอศ.",
                                email="saraban@vec.example")
    Contact.objects.create(agency=obec, name="สมชาย ใจดี", email="liaison@obec.example", is_liaison=True,
                           line_id="Uliaison1")
    Contact.objects.create(agency=vec, name="สุดารัตน์ ศรีสุข", email="liaison@vec.example", is_liaison=True)
    return [obec, vec]


@pytest.fixture
def login(client):
    def as_user(user):
        client.force_login(user)
        return client

    return as_user


def share_past_clearance(matter, user):
    """A need-to-know grant the app refuses (past the user's clearance), as a row made before that rule; see
    assign_past_clearance."""
    from prasan.matters.models import MatterShare
    from prasan.search import grants

    MatterShare.objects.bulk_create([MatterShare(matter=matter, user=user)])
    grants.sync([matter.pk])
