"""`prasan createuser`: a user with role, unit and a properly hashed password; Thai errors."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from prasan.accounts.models import User

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
GOOD = "ครูช่วยสอน-2569"


def createuser(*args) -> str:
    out = io.StringIO()
    call_command("createuser", *args, stdout=out)
    return out.getvalue()


def test_it_creates_a_user_with_role_unit_and_password(unit):
    out = createuser("somsri", "--password", GOOD, "--role", "group_head", "--unit", unit.name,
                     "--clearance", "2", "--first-name", "สมศรี")
    user = User.objects.get(username="somsri")
    assert (user.role, user.unit, user.clearance, user.first_name) == ("group_head", unit, 2, "สมศรี")
    assert user.check_password(GOOD)
    assert not user.is_staff
    assert "สร้างผู้ใช้ somsri (หัวหน้ากลุ่มงาน) แล้ว" in out


def test_it_finds_the_unit_by_its_abbreviation(unit):
    createuser("somchai", "--password", GOOD, "--unit", unit.abbreviation)
    assert User.objects.get(username="somchai").unit == unit


def test_an_admin_gets_the_admin_site(db):
    createuser("it-admin", "--password", GOOD, "--role", "admin")
    user = User.objects.get(username="it-admin")
    assert user.is_staff and user.is_superuser


def test_it_hashes_with_argon2_when_argon2_is_the_hasher(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    createuser("argon", "--password", GOOD)
    user = User.objects.get(username="argon")
    assert user.password.startswith("argon2$argon2id$")
    assert user.check_password(GOOD)


def test_production_settings_hash_passwords_with_argon2(tmp_path):
    # Tests run with MD5 for speed; the settings without PRASAN_TESTING must put Argon2 first.
    env = {key: value for key, value in os.environ.items() if not key.startswith("PRASAN_")}
    env.update(PRASAN_DATA_DIR=str(tmp_path), PRASAN_SECRET_KEY="x" * 50)
    code = ("import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'prasan.settings'; django.setup(); "
            "from django.contrib.auth.hashers import make_password, Argon2PasswordHasher as D, identify_hasher; "
            "h = make_password('x'); d = D().encode('x', D().salt()); "
            "print(h.split('$')[1:4]); print(identify_hasher(h).must_update(h), identify_hasher(d).must_update(d))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=60, check=True)
    made, updates = result.stdout.strip().splitlines()
    # Argon2id at OWASP's minimum; a hash made with Django's heavier defaults still verifies and is re-made.
    assert made == "['argon2id', 'v=19', 'm=19456,t=2,p=1']"
    assert updates == "False True"


def test_it_refuses_a_duplicate_user_in_thai(users):
    with pytest.raises(CommandError, match="มีผู้ใช้ชื่อ coordinator อยู่แล้ว"):
        createuser("coordinator", "--password", GOOD)
    with pytest.raises(CommandError, match="อยู่แล้ว"):
        createuser("Coordinator", "--password", GOOD)


def test_it_refuses_a_short_password_in_thai(db):
    with pytest.raises(CommandError, match="รหัสผ่านสั้นเกินไป ต้องยาวอย่างน้อย 10 ตัวอักษร"):
        createuser("somsri", "--password", "ab12")
    assert not User.objects.exists()


def test_it_refuses_a_common_password_in_thai(db):
    with pytest.raises(CommandError, match="ใช้กันทั่วไป"):
        createuser("somsri", "--password", "password123")


def test_it_refuses_an_unknown_unit_in_thai(unit):
    with pytest.raises(CommandError, match="ไม่พบกลุ่มงาน กลุ่มงานที่ไม่มีอยู่"):
        createuser("somsri", "--password", GOOD, "--unit", "กลุ่มงานที่ไม่มีอยู่")
    assert not User.objects.filter(username="somsri").exists()


def test_it_refuses_an_unknown_role_in_thai(db):
    with pytest.raises(CommandError, match="ไม่รู้จักบทบาท minister"):
        createuser("somsri", "--password", GOOD, "--role", "minister")


def test_it_refuses_an_unknown_clearance_in_thai(db):
    with pytest.raises(CommandError, match="ชั้นความลับ"):
        createuser("somsri", "--password", GOOD, "--clearance", "7")
