"""In-app notifications (the list behind the header's bell) and each person's notification preferences."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .models import Notification, NotificationPreference

PAGE_SIZE = 30


def unread_count(user) -> int:
    """For the header's bell: the user's unread in-app notifications."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


@login_required
def notifications(request):
    qs = Notification.objects.filter(user=request.user).order_by("-created_at", "-id")
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    _withhold_what_is_no_longer_visible(request.user, page.object_list)
    return render(request, "tracking/notifications.html", {
        "page": page, "unread": unread_count(request.user), "querystring": "",
    })


# A notice written while its matter was visible to the person stays in the list; if the matter has since
# been raised past their clearance or taken from them, its words (the title) and its link are withheld.
WITHHELD = "แจ้งเตือนเกี่ยวกับเรื่องที่ท่านไม่มีสิทธิ์เข้าถึงแล้ว"


def _withhold_what_is_no_longer_visible(user, notes) -> None:
    from prasan.matters.models import Matter

    notes = list(notes)
    ids = {note.matter_id for note in notes if note.matter_id}
    visible = set(Matter.objects.visible_to(user).filter(pk__in=ids).values_list("pk", flat=True)) if ids else set()
    for note in notes:
        if note.matter_id and note.matter_id not in visible:
            note.text, note.url = WITHHELD, ""


@login_required
def open_notification(request, pk):
    """Mark one notification read and go where it points (only ever inside this site)."""
    note = get_object_or_404(Notification, pk=pk, user=request.user)
    _withhold_what_is_no_longer_visible(request.user, [note])
    if note.read_at is None:
        Notification.objects.filter(pk=note.pk).update(read_at=timezone.now())
    safe = url_has_allowed_host_and_scheme(note.url, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure())
    return redirect(note.url if note.url and safe else "notifications")


@login_required
@require_POST
def mark_all_read(request):
    count = Notification.objects.filter(user=request.user, read_at__isnull=True).update(read_at=timezone.now())
    messages.success(request, f"ทำเครื่องหมายว่าอ่านแล้ว {count} รายการ" if count else "ไม่มีรายการที่ยังไม่ได้อ่าน")
    return redirect("notifications")


class PreferenceForm(forms.ModelForm):
    class Meta:
        model = NotificationPreference
        fields = ["email", "line", "digest", "digest_line"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if not user.email:
            for name in ("email", "digest"):
                self.fields[name].help_text = "บัญชีของท่านยังไม่มีอีเมล โปรดแจ้งผู้ดูแลระบบ"
        if not user.line_user_id:
            for name in ("line", "digest_line"):
                self.fields[name].help_text = "บัญชีของท่านยังไม่ได้เชื่อมกับ LINE จึงยังไม่ได้รับทาง LINE"


@login_required
def preferences(request):
    pref = NotificationPreference.for_user(request.user)
    form = PreferenceForm(request.POST or None, instance=pref, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "บันทึกการตั้งค่าการแจ้งเตือนแล้ว")
        return redirect("notification-preferences")
    return render(request, "tracking/preferences.html", {"form": form})
