"""Which reminders are due on a day: rules → deadline dates → matters and requests → recipients.

Nothing here sends; `notify.py` delivers what this module finds. A rule fires on the working day
that lies `offset_working_days` from a deadline. Ticks on days off fire nothing; the first working
day after them also fires what would have fallen on them (a deadline on a Saturday is "today" on
Monday), and the log makes sure it fires once.
"""

import datetime as dt
import string
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Prefetch

from prasan.accounts.models import Role, User
from prasan.coordination import links
from prasan.coordination.models import AgencyRequest
from prasan.matters.access import may_see, safe_title
from prasan.matters.choices import OPEN_STATES
from prasan.matters.models import Matter
from prasan.thai.dates import thai_date

from .calendar import WorkingCalendar
from .models import (
    PLACEHOLDERS,
    REQUEST_TARGETS,
    THAI_PLACEHOLDERS,
    NotificationPreference,
    ReminderRule,
)

# Reminders and digests go out from this local time on (the office opens at 08.30).
SEND_FROM = dt.time(7, 30)
LINK_EXPIRED = "(ลิงก์ตอบกลับหมดอายุแล้ว โปรดติดต่อสำนักงานรัฐมนตรีเพื่อขอลิงก์ใหม่)"
ONE_DAY = dt.timedelta(days=1)


def template_errors(text: str) -> str:
    """A Thai sentence on what is wrong with a message template, or "" when it is usable."""
    try:
        names = [name for _, name, spec, conv in string.Formatter().parse(text) if name is not None]
    except ValueError:
        return "วงเล็บปีกกาไม่ครบคู่ (ถ้าต้องการพิมพ์ { หรือ } ให้พิมพ์ซ้ำสองตัว)"
    unknown = sorted({name for name in names if name not in PLACEHOLDERS and name not in THAI_PLACEHOLDERS})
    if unknown:
        allowed = " ".join("{" + name + "}" for name in THAI_PLACEHOLDERS)
        return f"ไม่รู้จัก {', '.join('{' + n + '}' for n in unknown)} — ใช้ได้เฉพาะ {allowed}"
    return ""


def render(template: str, values: dict) -> str:
    return template.format_map(values | {thai: values[name] for thai, name in THAI_PLACEHOLDERS.items()})


def firing_days(today: dt.date, calendar: WorkingCalendar) -> list[dt.date]:
    """The days whose reminders fire today: today and the days off just before it; none on a day off."""
    if not calendar.is_working_day(today):
        return []
    days = [today]
    day = today - ONE_DAY
    while not calendar.is_working_day(day) and len(days) < 60:
        days.append(day)
        day -= ONE_DAY
    return days


def deadline_dates(offset: int, days: list[dt.date], calendar: WorkingCalendar) -> list[dt.date]:
    """Every deadline whose reminder day (`offset` working days from it) is one of `days`.

    Computed from the calendar, so the database is asked only about these few dates.
    """
    if not days:
        return []
    wanted = set(days)
    # Far enough to cover the longest run of days off (Songkran plus a weekend) at every step.
    span = dt.timedelta(days=abs(offset) * 3 + 21)
    found = []
    day, last = min(days) - span, max(days) + span
    while day <= last:
        if calendar.add_working_days(day, offset) in wanted:
            found.append(day)
        day += ONE_DAY
    return found


@dataclass
class Recipient:
    key: str  # "user:12", "contact:3", "agency:5": one reminder per key and channel
    name: str
    user: User | None = None
    email: str = ""
    line: str = ""
    in_app: bool = False


@dataclass
class Reminder:
    rule: ReminderRule
    target_type: str
    object_id: int
    matter: Matter
    deadline: dt.date
    recipient: Recipient
    channel: str
    address: str
    subject: str
    body: str
    url: str = ""
    extra: dict = field(default_factory=dict)  # the request for a liaison's follow-up


def user_recipient(user: User, channels: list[str]) -> Recipient:
    pref = NotificationPreference.for_user(user)
    line_ready = bool(settings.LINE_TOKEN)
    return Recipient(
        key=f"user:{user.pk}", name=user.display_name, user=user,
        email=user.email if "email" in channels and pref.email else "",
        line=user.line_user_id if "line" in channels and pref.line and line_ready else "",
        in_app="in_app" in channels,
    )


def liaison_recipient(req: AgencyRequest, channels: list[str]) -> Recipient | None:
    contact = req.contact
    if contact is None:
        contacts = list(req.agency.contacts.all())
        contact = next((c for c in contacts if c.is_liaison), contacts[0] if contacts else None)
    email = (contact.email if contact else "") or req.agency.email
    line = (contact.line_id if contact else "") or req.agency.line_id
    recipient = Recipient(
        key=f"contact:{contact.pk}" if contact else f"agency:{req.agency_id}",
        name=contact.name if contact else "ผู้ประสานงาน",
        email=email if "email" in channels else "",
        line=line if "line" in channels and settings.LINE_TOKEN else "",
    )
    return recipient if recipient.email or recipient.line else None


class Staff:
    """Group heads by unit and the heads of office, read once per tick."""

    def __init__(self):
        active = User.objects.filter(is_active=True).select_related("notification_preference", "unit")
        self.group_heads: dict[int, list[User]] = defaultdict(list)
        self.heads: list[User] = []
        for user in active.filter(role__in=(Role.GROUP_HEAD, Role.HEAD)):
            if user.role == Role.HEAD:
                self.heads.append(user)
            elif user.unit_id:
                self.group_heads[user.unit_id].append(user)

    def people(self, who: str, matter: Matter) -> list[User]:
        if who == "assignees":
            return list(matter.assignees.all())
        if who == "group_head":
            return self.group_heads.get(matter.owner_unit_id, [])
        if who == "head_of_office":
            # A head belongs to the whole office; one with a unit belongs to that unit's office.
            return [u for u in self.heads if u.unit is None or u.unit.office_id == matter.office_id]
        return []


def _people(rule: ReminderRule, matter: Matter, staff: Staff) -> list[User]:
    seen, found = set(), []
    for who in rule.recipients:
        for user in staff.people(who, matter):
            # A secret matter reaches only those who may see it, even by a one-line reminder.
            if user.pk not in seen and may_see(user, matter):
                seen.add(user.pk)
                found.append(user)
    return found


def _values(rule, matter, deadline, link, *, agency="", recipient="") -> dict:
    return {
        "number": matter.number,
        "title": safe_title(matter),
        "deadline": thai_date(deadline, thai_digits=False),
        "link": link,
        "agency": agency,
        "days": abs(rule.offset_working_days),
        "recipient": recipient,
    }


def _expand(rule, target_type, object_id, matter, deadline, recipient, values, url="", extra=None):
    subject = render(rule.subject_template, values)
    body = render(rule.message_template, values)
    pairs = [("email", recipient.email), ("line", recipient.line),
             ("in_app", str(recipient.user.pk) if recipient.in_app and recipient.user else "")]
    for channel, address in pairs:
        if address:
            yield Reminder(rule, target_type, object_id, matter, deadline, recipient, channel, address,
                           subject, body, url, extra or {})


def _matter_link(matter: Matter) -> str:
    return settings.BASE_URL + matter.get_absolute_url()


def _assignees(lookup: str) -> Prefetch:
    return Prefetch(lookup, queryset=User.objects.filter(is_active=True).select_related("notification_preference"))


def matter_reminders(rule: ReminderRule, dates: list[dt.date], staff: Staff) -> Iterator[Reminder]:
    column = "internal_deadline" if rule.target == ReminderRule.Target.MATTER_INTERNAL else "external_deadline"
    matters = (Matter.objects.filter(state__in=OPEN_STATES, **{f"{column}__in": dates})
               .select_related("office").prefetch_related(_assignees("assignees")).order_by("pk"))
    for matter in matters:
        deadline = getattr(matter, column)
        link = _matter_link(matter)
        for user in _people(rule, matter, staff):
            recipient = user_recipient(user, rule.channels)
            values = _values(rule, matter, deadline, link, recipient=recipient.name)
            yield from _expand(rule, "matter", matter.pk, matter, deadline, recipient, values,
                               url=matter.get_absolute_url())


def request_reminders(rule: ReminderRule, dates: list[dt.date], staff: Staff, now: dt.datetime
                      ) -> Iterator[Reminder]:
    # A policy's report due (prasan.policy.ReportDue.request) follows the policy-report rules, every other
    # request the agency-request rules.
    reports = rule.target == ReminderRule.Target.POLICY_REPORT
    requests = (AgencyRequest.objects
                .filter(status__in=(AgencyRequest.Status.SENT, AgencyRequest.Status.ACKNOWLEDGED),
                        deadline__in=dates, matter__state__in=OPEN_STATES, policy_due__isnull=not reports)
                .select_related("matter__office", "agency", "contact")
                .prefetch_related("agency__contacts", _assignees("matter__assignees"))
                .order_by("pk"))
    max_age = dt.timedelta(days=settings.REPLY_LINK_MAX_AGE_DAYS)
    for req in requests:
        matter = req.matter
        if "liaison" in rule.recipients:
            recipient = liaison_recipient(req, rule.channels)
            if recipient is not None:
                # The same link the agency already has: following up must not invalidate it.
                link = links.reply_url(req) if req.link_issued_at + max_age > now else LINK_EXPIRED
                values = _values(rule, matter, req.deadline, link, agency=req.agency.name,
                                 recipient=recipient.name)
                yield from _expand(rule, "agency_request", req.pk, matter, req.deadline, recipient, values,
                                   extra={"request": req})
        for user in _people(rule, matter, staff):
            recipient = user_recipient(user, rule.channels)
            values = _values(rule, matter, req.deadline, _matter_link(matter), agency=req.agency.name,
                             recipient=recipient.name)
            yield from _expand(rule, "agency_request", req.pk, matter, req.deadline, recipient, values,
                               url=matter.get_absolute_url())


def due_reminders(now: dt.datetime, calendar: WorkingCalendar | None = None) -> Iterator[Reminder]:
    """Every reminder of every active rule that falls due at `now` (aware), whether sent or not."""
    from django.utils import timezone

    local = timezone.localtime(now)
    if local.time() < SEND_FROM:
        return
    calendar = calendar or WorkingCalendar()
    days = firing_days(local.date(), calendar)
    if not days:
        return
    staff = Staff()
    for rule in ReminderRule.objects.filter(active=True).order_by("pk"):
        dates = deadline_dates(rule.offset_working_days, days, calendar)
        if rule.target in REQUEST_TARGETS:
            yield from request_reminders(rule, dates, staff, now)
        else:
            yield from matter_reminders(rule, dates, staff)
