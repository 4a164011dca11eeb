from django.contrib import admin

from prasan.matters.admin import NeedToKnowAdmin

from .models import Holiday


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin):
    """Read-only here: changes go through /tracking/holidays/, which also moves the deadlines they affect."""

    list_display = ("date", "name", "source", "is_working_day")
    list_filter = ("source", "is_working_day")
    date_hierarchy = "date"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# --- Reminders, notifications and digests ---------------------------------------------------------

from django import forms  # noqa: E402
from django.contrib import messages  # noqa: E402

from .models import (  # noqa: E402
    CHANNEL_CHOICES,
    RECIPIENT_CHOICES,
    DigestLog,
    Notification,
    NotificationPreference,
    ReminderLog,
    ReminderRule,
)


class ReminderRuleForm(forms.ModelForm):
    recipients = forms.MultipleChoiceField(label="ผู้รับ", choices=RECIPIENT_CHOICES,
                                           widget=forms.CheckboxSelectMultiple)
    channels = forms.MultipleChoiceField(label="ช่องทาง", choices=CHANNEL_CHOICES,
                                         widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = ReminderRule
        fields = ["name", "active", "target", "offset_working_days", "recipients", "channels",
                  "subject_template", "message_template"]


@admin.register(ReminderRule)
class ReminderRuleAdmin(admin.ModelAdmin):
    form = ReminderRuleForm
    list_display = ("name", "target", "offset_working_days", "recipient_labels", "channel_labels", "active")
    list_filter = ("active", "target")
    actions = ["send_due_now"]

    @admin.display(description="ผู้รับ")
    def recipient_labels(self, rule):
        labels = dict(RECIPIENT_CHOICES)
        return ", ".join(labels.get(code, code) for code in rule.recipients)

    @admin.display(description="ช่องทาง")
    def channel_labels(self, rule):
        labels = dict(CHANNEL_CHOICES)
        return ", ".join(labels.get(code, code) for code in rule.channels)

    @admin.action(description="ส่งการแจ้งเตือนที่ถึงกำหนดตอนนี้ (ทุกกฎ ไม่ส่งซ้ำ)")
    def send_due_now(self, request, queryset):
        from .tasks import tick_task

        tick_task.enqueue()
        messages.success(request, "สั่งส่งการแจ้งเตือนที่ถึงกำหนดแล้ว (ส่งโดย prasan worker)")


@admin.register(ReminderLog)
class ReminderLogAdmin(NeedToKnowAdmin):
    list_display = ("created_at", "rule", "matter", "deadline", "recipient", "channel", "address", "status",
                    "attempts")
    list_filter = ("status", "channel", "rule")
    date_hierarchy = "created_at"
    search_fields = ("address", "subject")
    raw_id_fields = ("matter", "user")
    actions = ["send_again"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description="ส่งใหม่ในรอบถัดไป (เฉพาะที่ส่งไม่สำเร็จหรือค้าง)")
    def send_again(self, request, queryset):
        from django.utils import timezone

        count = queryset.filter(status=ReminderLog.Status.GAVE_UP).exclude(channel="in_app").update(
            status=ReminderLog.Status.FAILED, attempts=0, created_at=timezone.now(), updated_at=timezone.now())
        messages.success(request, f"จะส่งใหม่ {count} รายการในรอบถัดไป")


@admin.register(Notification)
class NotificationAdmin(NeedToKnowAdmin):
    list_display = ("created_at", "user", "kind", "text", "read_at")
    list_filter = ("kind",)
    raw_id_fields = ("user", "matter")


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ("user", "email", "line", "digest", "digest_line")
    raw_id_fields = ("user",)


@admin.register(DigestLog)
class DigestLogAdmin(admin.ModelAdmin):
    list_display = ("date", "user", "status", "attempts", "sent_at")
    list_filter = ("status",)
    date_hierarchy = "date"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
