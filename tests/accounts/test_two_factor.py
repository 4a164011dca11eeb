"""Two-step sign-in: required for the head, executives, admin and ลับที่สุด when the office says so
(on by default); set up at the first sign-in with a QR code; a code or one recovery code to finish."""

import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from prasan.accounts import twofactor
from prasan.accounts.models import RecoveryCode
from prasan.audit.models import AuditEvent
from prasan.directory.models import Office

from .helpers import app_code, post_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def required(office):
    office.two_factor_required = True
    office.save()
    return office


def signed_in_as(client):
    return client.session.get("_auth_user_id")


def enrol(client, user):
    """Sign in with the password and set up the app as a person would; returns the recovery codes."""
    response = post_login(client, user.username)
    assert response["Location"] == "/login/two-factor/setup/"
    page = client.get("/login/two-factor/setup/")
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post("/login/two-factor/setup/", {"code": app_code(device)})
    assert response["Location"] == "/account/recovery-codes/"
    codes = re.findall(r"<code>([a-z2-9]{4}-[a-z2-9]{4})</code>", client.get("/account/recovery-codes/").content.decode())
    assert len(codes) == 10
    return codes


@pytest.mark.parametrize("who", ["head", "minister", "admin", "outsider"])
def test_who_must_set_up_the_app_at_first_sign_in(client, users, required, who):
    """Head, executive, admin, and a coordinator cleared for ลับที่สุด (outsider)."""
    response = post_login(client, users[who].username)
    assert response.status_code == 302 and response["Location"] == "/login/two-factor/setup/"
    assert signed_in_as(client) is None  # the password alone signs no one in
    assert client.get("/my-work/")["Location"].startswith("/login/")


@pytest.mark.parametrize("who", ["coordinator", "grouphead", "registrar", "auditor"])
def test_others_sign_in_in_one_step(client, users, required, who):
    assert post_login(client, users[who].username)["Location"] == "/my-work/"


def test_the_office_setting_turns_the_requirement_off(client, users, office):
    assert office.two_factor_required is False  # tests' office, like the demo's
    assert post_login(client, "head")["Location"] == "/my-work/"


def test_a_new_office_requires_it_by_default(db):
    assert Office.objects.create(name="สำนักงานใหม่", abbreviation="สร").two_factor_required is True
    assert twofactor.office_requires_two_factor() is True


def test_enrolment_shows_a_local_svg_qr_code_and_the_key(client, users, required):
    post_login(client, "head")
    body = client.get("/login/two-factor/setup/").content.decode()
    assert 'src="data:image/svg+xml' in body
    assert "ติดตั้งแอปยืนยันตัวตน" in body and "สแกนคิวอาร์โค้ดนี้" in body
    device = TOTPDevice.objects.get(user=users["head"])
    assert twofactor.manual_key(device) in body
    # Reloading keeps the same secret, so a QR code already scanned stays good.
    client.get("/login/two-factor/setup/")
    assert TOTPDevice.objects.filter(user=users["head"]).count() == 1


def test_first_sign_in_enrols_signs_in_and_shows_recovery_codes_once(client, users, required):
    codes = enrol(client, users["head"])
    assert signed_in_as(client) == str(users["head"].pk)
    assert RecoveryCode.objects.filter(user=users["head"]).count() == 10
    assert all(c not in d for c in codes for d in RecoveryCode.objects.values_list("digest", flat=True))
    assert client.get("/account/recovery-codes/")["Location"] == "/account/"  # shown once only
    assert list(AuditEvent.objects.filter(action__in=["two_factor_enrolled", "signin"]).values_list(
        "action", "data__second_factor")) == [("two_factor_enrolled", None), ("signin", "totp_enrolled")]


def test_a_wrong_code_at_enrolment_is_refused_in_thai(client, users, required):
    post_login(client, "head")
    client.get("/login/two-factor/setup/")
    response = client.post("/login/two-factor/setup/", {"code": "000000"})
    assert "รหัสไม่ถูกต้อง" in response.content.decode()
    assert signed_in_as(client) is None
    assert not TOTPDevice.objects.filter(confirmed=True).exists()


def test_next_sign_in_asks_for_the_apps_code(client, users, required):
    enrol(client, users["head"])
    client.post("/logout/")
    response = post_login(client, "head")
    assert response["Location"] == "/login/two-factor/"
    assert signed_in_as(client) is None
    device = TOTPDevice.objects.get(user=users["head"], confirmed=True)
    response = client.post("/login/two-factor/", {"code": app_code(device, steps_ahead=1)})
    assert response["Location"] == "/my-work/"
    assert signed_in_as(client) == str(users["head"].pk)
    assert AuditEvent.objects.filter(action="signin").last().data["second_factor"] == "totp"


def test_a_code_cannot_be_used_twice(client, users, required):
    enrol(client, users["head"])
    client.post("/logout/")
    device = TOTPDevice.objects.get(user=users["head"], confirmed=True)
    code = app_code(device, steps_ahead=1)
    post_login(client, "head")
    client.post("/login/two-factor/", {"code": code})
    client.post("/logout/")
    post_login(client, "head")
    response = client.post("/login/two-factor/", {"code": code})
    assert "รหัสไม่ถูกต้อง หรือใช้ไปแล้ว" in response.content.decode()
    assert signed_in_as(client) is None


def test_a_recovery_code_works_once(client, users, required):
    codes = enrol(client, users["head"])
    client.post("/logout/")
    post_login(client, "head")
    response = client.post("/login/two-factor/", {"code": codes[0].upper()})
    assert response["Location"] == "/my-work/"
    assert "เหลืออีก 9 รหัส" in client.get("/my-work/").content.decode()
    client.post("/logout/")
    post_login(client, "head")
    client.post("/login/two-factor/", {"code": codes[0]})
    assert signed_in_as(client) is None


def test_wrong_codes_count_toward_the_lock_out(client, users, required, settings):
    enrol(client, users["head"])
    client.post("/logout/")
    post_login(client, "head")
    for _ in range(settings.LOGIN_MAX_FAILURES):
        response = client.post("/login/two-factor/", {"code": "abcd-efgh"})
    assert "เข้าสู่ระบบผิดหลายครั้งเกินกำหนด" in response.content.decode()
    device = TOTPDevice.objects.get(user=users["head"], confirmed=True)
    client.post("/login/two-factor/", {"code": app_code(device, steps_ahead=1)})
    assert signed_in_as(client) is None


def test_the_password_alone_cannot_replace_the_app(client, users, required):
    enrol(client, users["head"])
    client.post("/logout/")
    post_login(client, "head")
    assert client.get("/login/two-factor/setup/")["Location"] == "/login/two-factor/"
    assert client.post("/login/two-factor/setup/", {"code": "123456"})["Location"] == "/login/two-factor/"


def test_the_steps_need_a_password_first(client, users):
    assert client.get("/login/two-factor/")["Location"] == "/login/"
    assert client.get("/login/two-factor/setup/")["Location"] == "/login/"


def test_someone_who_chose_the_app_is_asked_for_it_too(client, users, login):
    coordinator = users["coordinator"]
    client.force_login(coordinator)
    client.get("/login/two-factor/setup/")
    device = TOTPDevice.objects.get(user=coordinator)
    assert client.post("/login/two-factor/setup/", {"code": app_code(device)})["Location"] == "/account/recovery-codes/"
    assert client.get("/account/recovery-codes/").content.decode().count("<li><code>") == 10
    client.post("/logout/")
    assert post_login(client, "coordinator")["Location"] == "/login/two-factor/"


def test_the_account_page_renews_recovery_codes_and_removes_the_app_when_allowed(client, users):
    coordinator = users["coordinator"]
    client.force_login(coordinator)
    client.get("/login/two-factor/setup/")
    client.post("/login/two-factor/setup/", {"code": app_code(TOTPDevice.objects.get(user=coordinator))})
    client.get("/account/recovery-codes/")
    old = set(RecoveryCode.objects.values_list("digest", flat=True))
    assert client.post("/account/recovery-codes/renew/")["Location"] == "/account/recovery-codes/"
    assert old.isdisjoint(RecoveryCode.objects.values_list("digest", flat=True))
    assert client.post("/account/two-factor/remove/")["Location"] == "/account/"
    assert not TOTPDevice.objects.filter(user=coordinator).exists()
    assert AuditEvent.objects.filter(action="two_factor_removed").exists()


def test_who_must_use_it_cannot_remove_it(client, users, required):
    enrol(client, users["head"])
    assert client.post("/account/two-factor/remove/").status_code == 403
    assert TOTPDevice.objects.filter(user=users["head"], confirmed=True).exists()


def test_account_actions_refuse_anonymous_callers(client, db):
    for url in ("/account/", "/account/recovery-codes/"):
        assert client.get(url)["Location"].startswith("/login/")
    for url in ("/account/password/", "/account/recovery-codes/renew/", "/account/two-factor/remove/"):
        assert client.post(url)["Location"].startswith("/login/")


def test_the_pending_step_expires(client, users, required, settings):
    post_login(client, "head")
    session = client.session
    session["prasan_signin_pending"]["at"] -= settings.TWO_FACTOR_PENDING_SECONDS + 1
    session.save()
    assert client.get("/login/two-factor/setup/")["Location"] == "/login/"


def test_a_quick_retry_after_a_wrong_code_is_told_to_wait(client, users, required):
    post_login(client, "head")
    client.get("/login/two-factor/setup/")
    client.post("/login/two-factor/setup/", {"code": "000000"})
    device = TOTPDevice.objects.get(user=users["head"])
    response = client.post("/login/two-factor/setup/", {"code": app_code(device)})
    assert "ลองเร็วเกินไป รออีก" in response.content.decode()


def test_the_admin_resets_a_lost_phone_and_never_sees_app_secrets(client, users, required, login):
    enrol(client, users["head"])
    admin = login(users["admin"])
    response = admin.post("/admin/accounts/user/", {"action": "reset_two_factor",
                                                    "_selected_action": [users["head"].pk]})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=users["head"]).exists()
    assert not RecoveryCode.objects.filter(user=users["head"]).exists()
    assert AuditEvent.objects.filter(action="two_factor_removed", actor=users["admin"]).exists()
    assert admin.get("/admin/otp_totp/totpdevice/").status_code == 404


def test_a_coordinator_cannot_reach_the_reset(client, users, login):
    response = login(users["coordinator"]).post("/admin/accounts/user/", {"action": "reset_two_factor",
                                                                          "_selected_action": [users["head"].pk]})
    assert response.status_code in (302, 403)
