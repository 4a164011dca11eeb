from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import ReadOnlyPasswordHashWidget, UserChangeForm
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import twofactor
from .models import ApiToken, User

# The app secrets stay out of the admin pages; a lost phone is handled by the action below.
if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)

# Roles decide what a user may do (accounts.Role); Django's groups and per-model permissions are unused, but for
# the one per-person permission "เห็นข้อมูลผู้ร้อง", given by its own box below.
_UNUSED = {"groups", "user_permissions"}


class PasswordStateWidget(ReadOnlyPasswordHashWidget):
    """Whether a password is set, not the hasher's algorithm, salt and hash (meaningless to the admin, and
    in Latin letters)."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        usable = len(context["summary"]) > 1 or any("value" in entry for entry in context["summary"])
        context["summary"] = [{"label": "ตั้งรหัสผ่านแล้ว" if usable else "ยังไม่ได้ตั้งรหัสผ่าน"}]
        return context


class ThaiUserChangeForm(UserChangeForm):
    # The one per-person permission: complainants' names and contact (prasan.complaints.masking), whatever the role.
    sees_complainants = forms.BooleanField(
        label="เห็นข้อมูลผู้ร้อง", required=False,
        help_text="สิทธิ์รายบุคคล ไม่ขึ้นกับบทบาท: เห็นชื่อและช่องทางติดต่อของผู้ร้องเรียน (การเปิดดูทุกครั้งถูกบันทึก) "
                  "ผู้ไม่มีสิทธิ์นี้เห็นแบบปกปิด")

    # Per person too: approving and publishing the office's news (prasan.publishing.access).
    reviews_posts = forms.BooleanField(
        label="ตรวจและอนุมัติข่าวประชาสัมพันธ์", required=False,
        help_text="สิทธิ์รายบุคคล (หัวหน้ากลุ่มงานประชาสัมพันธ์): ตรวจ อนุมัติ ตั้งเวลา เผยแพร่ และถอนข่าวที่เผยแพร่ต่อสาธารณะ")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "password" in self.fields:
            self.fields["password"].widget = PasswordStateWidget()
        if self.instance.pk:
            from prasan.complaints.masking import may_see_complainant

            self.fields["sees_complainants"].initial = may_see_complainant(self.instance)
            from prasan.publishing.access import may_review

            self.fields["reviews_posts"].initial = may_review(self.instance)


def _without_unused(fieldsets):
    return tuple((name, {**options, "fields": tuple(f for f in options["fields"] if f not in _UNUSED)})
                 for name, options in fieldsets)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "first_name", "last_name", "role", "unit", "clearance", "is_active")
    list_filter = ("role", "unit", "clearance", "is_active")
    form = ThaiUserChangeForm
    filter_horizontal = ()
    fieldsets = _without_unused(BaseUserAdmin.fieldsets) + (
        ("งานในสำนักงาน", {"fields": ("role", "unit", "clearance", "position", "phone", "line_user_id",
                                      "sees_complainants", "reviews_posts")}),
    )
    actions = ["reset_two_factor"]
    add_fieldsets = BaseUserAdmin.add_fieldsets + (
        ("งานในสำนักงาน", {"fields": ("first_name", "last_name", "role", "unit", "clearance")}),
    )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "sees_complainants" in form.cleaned_data:
            from prasan.complaints.masking import grant

            grant(obj, by=request.user, granted=form.cleaned_data["sees_complainants"])
        if change and "reviews_posts" in form.cleaned_data:
            from prasan.publishing.access import grant as grant_review

            grant_review(obj, by=request.user, granted=form.cleaned_data["reviews_posts"])

    @admin.action(description="ล้างการยืนยันตัวตนสองขั้นตอน (โทรศัพท์หายและไม่มีรหัสกู้คืน)")
    def reset_two_factor(self, request, queryset):
        for user in queryset:
            twofactor.disable(user, by=request.user)
        self.message_user(request, f"ล้างแล้ว {queryset.count()} คน จะต้องตั้งค่าแอปใหม่เมื่อเข้าสู่ระบบครั้งถัดไป",
                          messages.SUCCESS)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("user", "name", "prefix", "scope", "created_at", "expires_at", "last_used_at", "revoked")
    readonly_fields = ("prefix", "digest", "created_at", "last_used_at")
    list_filter = ("revoked", "scope")
