"""Signing in as people do, in Chromium: the head sets up the app at the first sign-in (the code
computed here from the secret shown on the page), signs in again with a code; a password changed
with the strength meter, which agrees with the server; the idle warning, then the idle sign-out."""

import base64
import time

import pytest
from django_otp.oath import TOTP
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from prasan.accounts.passwords import personal_words, strength
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def code_for(secret_shown: str, steps_ahead: int = 0) -> str:
    """What an authenticator app computes from the secret it was given."""
    key = base64.b32decode(secret_shown.replace(" ", "") + "=" * (-len(secret_shown.replace(" ", "")) % 8))
    clock = TOTP(key)
    clock.time = time.time() + 30 * steps_ahead
    return str(clock.token()).zfill(6)


def password_step(ui, username):
    ui.visit("/login/")
    ui.fill("id_username", username).fill("id_password", PASSWORD)
    ui.press("เข้าสู่ระบบ")


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_the_head_sets_up_the_app_at_first_sign_in_then_signs_in_with_a_code(open_browser, office, users, size):
    office.two_factor_required = True
    office.save()
    ui = open_browser(size)
    ui.visit("/login/")
    ui.assert_styled()
    ui.screenshot(f"signin-login-{size}")

    password_step(ui, "head")
    assert ui.path == "/login/two-factor/setup/"
    ui.shows("ตั้งค่าการยืนยันตัวตนสองขั้นตอน", "ติดตั้งแอปยืนยันตัวตน", "สแกนคิวอาร์โค้ดนี้", "พิมพ์รหัส 6 หลัก")
    qr = ui.driver.find_element(By.CSS_SELECTOR, "figure.qr img")
    assert qr.get_attribute("src").startswith("data:image/svg+xml")
    assert ui.driver.execute_script("return arguments[0].naturalWidth > 0 && arguments[0].complete", qr)
    if size == "phone":
        ui.assert_fits_phone()
    ui.screenshot(f"signin-enrol-{size}")

    ui.driver.find_element(By.XPATH, "//summary[contains(., 'สแกนไม่ได้')]").click()
    secret = ui.field("manual-key").text
    ui.fill("id_code", "123456")  # a wrong code first: refused in Thai, nothing lost
    ui.press("ยืนยันและเปิดใช้")
    assert "รหัสไม่ถูกต้อง" in " ".join(ui.errors())
    time.sleep(1.1)  # django-otp makes the try after a wrong code wait a second, as a person would
    ui.fill("id_code", code_for(secret))
    ui.press("ยืนยันและเปิดใช้")
    enrolled_step = int(time.time() // 30)  # the step the server took the code in, or a later one
    assert ui.path == "/account/recovery-codes/"
    codes = [c.text for c in ui.driver.find_elements(By.CSS_SELECTOR, "#recovery-codes code")]
    assert len(codes) == 10
    ui.shows("ระบบจะไม่แสดงรหัสเหล่านี้อีก")
    if size == "phone":
        ui.assert_fits_phone()
    ui.screenshot(f"signin-recovery-codes-{size}")
    ui.click_link("เก็บรหัสแล้ว ไปต่อ")
    assert ui.path == "/my-work/"
    ui.logout()

    password_step(ui, "head")
    assert ui.path == "/login/two-factor/"
    ui.shows("ยืนยันตัวตนขั้นที่สอง")
    ui.screenshot(f"signin-code-{size}")
    # A used step is refused, and a code taken across a step boundary moves the device's clock (drift) by a
    # step: so the next code is the current one of a later step, as a person whose app shows a new code.
    while int(time.time() // 30) <= enrolled_step:
        time.sleep(0.5)
    ui.fill("id_code", code_for(secret))
    ui.press("ยืนยัน")
    assert ui.path == "/my-work/"
    ui.logout()

    password_step(ui, "head")  # the phone is lost: one recovery code instead
    ui.fill("id_code", codes[0])
    ui.press("ยืนยัน")
    assert ui.path == "/my-work/"
    ui.shows("เหลืออีก 9 รหัส")


def test_a_password_changed_from_the_header_with_the_meter(open_browser, office, users):
    ui = open_browser("desktop")
    ui.login("coordinator")
    ui.driver.find_element(By.CSS_SELECTOR, "header .who a[href='/account/']").click()
    WebDriverWait(ui.driver, 10).until(lambda d: d.current_url.endswith("/account/"))
    assert ui.title == "บัญชีของฉัน"
    meter = ui.field("password-strength")
    WebDriverWait(ui.driver, 10).until(lambda d: d.execute_script("return !!window.prasanPasswordWords"))

    # The meter says what the server will say, for the same passwords.
    personal = personal_words(users["coordinator"])
    samples = ["prasan2569", "coordinator1", "abcdefghij", "qwertyuiop12", "Tr0ub4dor&3", "ฝนตกที่เชียงใหม่-9047",
               "mango-lantern-sofa-7301", "kX9#mQ2$vLp7", "สวัสดีครับ2569", "zzzzzzzzzzzz", "🙂🙂🙂-smile"]
    in_browser = ui.driver.execute_script(
        "return arguments[0].map(p => window.prasanPasswordStrength(p, window.prasanPasswordWords, arguments[1]))",
        samples, personal)
    assert [tuple(r) for r in in_browser] == [strength(p, personal) for p in samples]

    ui.fill("id_old_password", PASSWORD).fill("id_new_password1", "prasan2569")
    assert meter.is_displayed() and "อ่อนมาก" in meter.text
    ui.fill("id_new_password1", "ฝนตกที่เชียงใหม่-9047")
    assert meter.get_attribute("data-score") in ("3", "4")
    ui.screenshot("signin-change-password-desktop")
    ui.fill("id_new_password2", "ฝนตกที่เชียงใหม่-9047")
    ui.press("เปลี่ยนรหัสผ่าน")
    ui.shows("เปลี่ยนรหัสผ่านแล้ว")
    ui.logout()
    ui.login("coordinator", "ฝนตกที่เชียงใหม่-9047")

    phone = open_browser("phone")
    phone.login("grouphead")
    phone.visit("/account/")
    phone.fill("id_old_password", "wrong").fill("id_new_password1", "grouphead2569").fill("id_new_password2", "x")
    phone.press("เปลี่ยนรหัสผ่าน")
    assert "รหัสผ่านเดิมไม่ถูกต้อง" in " ".join(phone.errors())
    phone.assert_fits_phone()
    phone.screenshot("signin-change-password-phone")


def test_the_idle_warning_then_the_idle_sign_out(open_browser, office, users, settings):
    settings.IDLE_TIMEOUT_MINUTES = 0.5  # 30 s
    settings.IDLE_WARNING_SECONDS = 20
    ui = open_browser("phone")
    ui.login("coordinator")
    banner = ui.field("idle-warning")
    assert not banner.is_displayed()
    WebDriverWait(ui.driver, 40).until(lambda d: banner.is_displayed())
    assert "ระบบจะออกจากระบบอัตโนมัติในอีก" in banner.text
    ui.screenshot("signin-idle-warning-phone")
    ui.button("ใช้งานต่อ").click()
    WebDriverWait(ui.driver, 10).until(lambda d: not banner.is_displayed())
    # Nothing more is done: the warning comes back, then the page goes to sign-in with the reason.
    WebDriverWait(ui.driver, 60).until(lambda d: "/login/" in d.current_url)
    ui.shows("ออกจากระบบอัตโนมัติแล้ว เพราะไม่มีการใช้งาน")
