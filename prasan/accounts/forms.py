"""Sign-in and account forms, in Thai; the login form refuses a locked user or address first."""

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.core.exceptions import ValidationError

from . import throttle
from .models import User
from .passwords import personal_words


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง (ตัวพิมพ์เล็ก-ใหญ่มีผล)",
        "inactive": "บัญชีนี้ถูกระงับการใช้งาน",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "ชื่อผู้ใช้"
        self.fields["password"].label = "รหัสผ่าน"

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        address = throttle.client_address(self.request)
        # Checked before the password, so the right password is refused too while locked.
        locked = throttle.lockout(username, address)
        if locked is not None:
            raise ValidationError(locked.message, code="locked")
        try:
            return super().clean()
        except ValidationError as error:
            if getattr(error, "code", None) == "invalid_login":
                user = User.objects.filter(username=username).first()
                locked = throttle.record_failure(username, address, "password", user=user)
                if locked is not None:
                    raise ValidationError(locked.message, code="locked") from error
            raise


class CodeForm(forms.Form):
    code = forms.CharField(
        label="รหัสจากแอปยืนยันตัวตน", max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True,
                                      "autocapitalize": "off", "spellcheck": "false"}),
        error_messages={"required": "กรุณาพิมพ์รหัส"},
    )


class VerifyForm(CodeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].help_text = "รหัส 6 หลักที่แอปแสดงตอนนี้ หรือรหัสกู้คืนที่ได้เก็บไว้ (เช่น abcd-efgh)"
        self.fields["code"].widget.attrs["inputmode"] = "text"


class EnrolForm(CodeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].help_text = "รหัส 6 หลักที่แอปแสดงหลังสแกน"


class ChangePasswordForm(PasswordChangeForm):
    error_messages = {
        "password_incorrect": "รหัสผ่านเดิมไม่ถูกต้อง",
        "password_mismatch": "รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน",
    }

    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.fields["old_password"].label = "รหัสผ่านเดิม"
        self.fields["new_password1"].label = "รหัสผ่านใหม่"
        self.fields["new_password2"].label = "พิมพ์รหัสผ่านใหม่อีกครั้ง"
        self.fields["new_password1"].help_text = (
            f"ยาวอย่างน้อย {settings.PASSWORD_MIN_LENGTH} ตัวอักษร ไม่มีชื่อของท่าน ไม่ใช่รหัสที่ใช้กันทั่วไป "
            "— ประโยคยาว ๆ ที่จำได้ง่ายแต่คนอื่นเดาไม่ได้ใช้ได้ดี")
        self.fields["new_password2"].help_text = "พิมพ์รหัสผ่านใหม่ซ้ำ เพื่อกันพิมพ์ผิด"
        for name in ("old_password", "new_password1", "new_password2"):
            self.fields[name].error_messages["required"] = "กรุณากรอกช่องนี้"
        # The meter (static/js/password-meter.js) marks down the person's own names as the server does.
        self.fields["new_password1"].widget.attrs.update({
            "data-strength-meter": "password-strength", "data-personal": " ".join(personal_words(user)),
            "aria-describedby": "password-strength",
        })
