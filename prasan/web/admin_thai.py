"""The admin in Thai where Django and the apps it hosts print English that no catalogue translates."""

from django.apps import apps
from django.contrib import admin
from django.contrib.admin.templatetags import admin_list
from django.contrib.auth.models import Group
from django.templatetags.static import static
from django.utils.html import format_html

_YES_NO = {True: ("yes", "ใช่"), False: ("no", "ไม่ใช่"), None: ("unknown", "ไม่ระบุ")}


def _boolean_icon(value):
    # Django's icon says alt="True"/"False", which a screen reader reads out in English.
    icon, text = _YES_NO[value]
    return format_html('<img src="{}" alt="{}">', static(f"admin/img/icon-{icon}.svg"), text)


def localise() -> None:
    """Called once the admin has registered every app's models (WebConfig.ready, the last app)."""
    admin_list._boolean_icon = _boolean_icon  # admin.utils and admin.helpers look it up here on each call
    # Who may do what in Prasan is the user's role (accounts.Role), checked by every page; Django's groups
    # and per-model permissions are not used, and their English names ("Can add …") would only mislead.
    if admin.site.is_registered(Group):
        admin.site.unregister(Group)
    _tasks()


def _tasks() -> None:
    """The background tasks' results (django-tasks' database backend), read-only, in Thai."""
    from django_tasks_db.models import DBTaskResult

    apps.get_app_config("django_tasks_database").verbose_name = "งานเบื้องหลัง"
    if admin.site.is_registered(DBTaskResult):
        admin.site.unregister(DBTaskResult)
    admin.site.register(DBTaskResult, TaskResultAdmin)


# The system's background tasks by what they do; a task not listed shows its function's name.
TASKS = {
    "prasan.correspondence.receiving.process_intake": "อ่านหนังสือที่รับเข้า",
    "prasan.tracking.tasks.tick_task": "งานตามเวลา (เตือน สรุปงาน)",
    "prasan.tracking.notices.send_notices_task": "ส่งการแจ้งเตือน",
}


class _StatusFilter(admin.ChoicesFieldListFilter):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.title = "สถานะ"  # the field's own name is English


class TaskResultAdmin(admin.ModelAdmin):
    """Django-tasks' own admin names every column in English (its model's fields have no Thai names, and
    renaming them would change its migrations), so each column here is a Thai-named display."""

    list_display = ("th_task", "th_status", "th_enqueued", "th_finished", "th_queue")
    list_filter = (("status", _StatusFilter),)
    ordering = ["-enqueued_at"]
    fields = readonly_fields = ("th_task", "th_status", "th_enqueued", "th_started", "th_finished", "th_queue",
                                "th_error")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="งาน", ordering="task_path")
    def th_task(self, obj):
        return TASKS.get(obj.task_path, obj.task_path.rsplit(".", 1)[-1])

    @admin.display(description="สถานะ", ordering="status")
    def th_status(self, obj):
        return obj.get_status_display()

    @admin.display(description="เข้าคิวเมื่อ", ordering="enqueued_at")
    def th_enqueued(self, obj):
        return obj.enqueued_at

    @admin.display(description="เริ่มเมื่อ")
    def th_started(self, obj):
        return obj.started_at

    @admin.display(description="เสร็จเมื่อ", ordering="finished_at")
    def th_finished(self, obj):
        return obj.finished_at

    @admin.display(description="คิว")
    def th_queue(self, obj):
        return "ปกติ" if obj.queue_name == "default" else obj.queue_name

    @admin.display(description="รายละเอียดข้อผิดพลาด")
    def th_error(self, obj):
        # The traceback is for whoever maintains the system; it stays as Python wrote it.
        return format_html("<pre>{}</pre>", obj.traceback) if obj.traceback else "-"
