"""Who is told what, when a step makes it their turn: review requested, returned, decided, agency answered,
assigned. The steps send signals (documents/events.py, coordination/services.py, the assignees table);
the people and the words are chosen here, and notices.announce() sends each once."""

from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.urls import reverse

from prasan.accounts.models import Role, User
from prasan.coordination.services import request_answered
from prasan.documents.events import step_taken
from prasan.documents.models import Document
from prasan.matters.access import secret_safe
from prasan.matters.models import Matter

from .models import Notification
from .notices import Event, announce, safe_title

ANSWER_PREVIEW = 300  # the answer's first lines in the message


def assignment_text(matter: Matter) -> str:
    return f"ท่านได้รับมอบหมายเรื่อง {matter.number} {safe_title(matter)}"


@receiver(m2m_changed, sender=Matter.assignees.through, dispatch_uid="tracking.notify_assigned")
def notify_assigned(sender, instance, action, reverse, pk_set, **kwargs):
    if action != "post_add" or not pk_set:
        return
    if reverse:  # user.assigned_matters.add(...)
        pairs = [(matter, instance) for matter in Matter.objects.select_related("office").filter(pk__in=pk_set)]
    else:
        pairs = [(instance, user) for user in User.objects.filter(pk__in=pk_set)]
    for matter, user in pairs:
        # Giving oneself the matter one is recording needs no message; it still shows among one's new work.
        own = user.pk == matter.created_by_id and not matter.transitions.exists()
        announce(Event(f"assigned:{matter.pk}", Notification.Kind.ASSIGNED, matter, assignment_text(matter),
                       url=matter.get_absolute_url()), [user], in_app_only=own)


def reviewers(document: Document) -> list:
    """Who may take the document's current step: the owner unit's group heads, the heads, the executives."""
    step = document.current_step()
    if step is None:
        return []
    people = User.objects.filter(role=step.role, is_active=True)
    if step.role == Role.GROUP_HEAD:
        people = people.filter(unit_id=document.matter.owner_unit_id)
    return list(people)


def drafters(document: Document) -> list:
    """The matter's assignees and whoever started the document."""
    people = list(document.matter.assignees.filter(is_active=True))
    if document.created_by and document.created_by not in people:
        people.append(document.created_by)
    return people


@receiver(step_taken, dispatch_uid="tracking.tell_document_step")
def tell_document_step(sender, document, step, by, comment, **kwargs):
    """Everyone concerned but the person who took the step."""
    matter = document.matter
    head = f"{matter.number} {safe_title(matter)}"
    url = reverse("document-detail", args=[document.pk])
    round_no = document.steps.order_by("-round").values_list("round", flat=True).first() or 0
    current = document.current_step()
    if step in ("submitted", "reviewed", "to_minister") and current is not None:
        verb = "รอท่านวินิจฉัย/สั่งการ" if current.role == Role.EXECUTIVE else "รอท่านตรวจ"
        announce(Event(f"review:{current.pk}", Notification.Kind.REVIEW, matter,
                       f"{verb}: {secret_safe(matter, document.title, 'เอกสาร')} ({head})", url=url),
                 [u for u in reviewers(document) if u.pk != by.pk])
    elif step == "returned":
        announce(Event(f"returned:{document.pk}:{round_no}", Notification.Kind.RETURNED, matter,
                       f"ส่งกลับแก้ไข: เอกสารของเรื่อง {head}", body=secret_safe(matter, f"สิ่งที่ต้องแก้ไข: {comment}"),
                       url=url), [u for u in drafters(document) if u.pk != by.pk])
    elif step == "decided":
        announce(Event(f"decided:{document.pk}:{round_no}", Notification.Kind.DECIDED, matter,
                       f"ผู้บริหารสั่งการแล้ว: {head}", body=secret_safe(matter, f"คำสั่งการ: {comment}"),
                       url=url), [u for u in drafters(document) if u.pk != by.pk])


@receiver(request_answered, dispatch_uid="tracking.tell_answer")
def tell_answer(sender, request, **kwargs):
    matter = request.matter
    first_lines = request.answer.strip()[:ANSWER_PREVIEW]
    announce(Event(f"answered:{request.pk}", Notification.Kind.ANSWERED, matter,
                   f"{request.agency.abbreviation or request.agency.name} ตอบแล้ว: {matter.number} {safe_title(matter)}",
                   body=secret_safe(matter, first_lines),
                   url=f"{matter.get_absolute_url()}#request-{request.pk}"),
             list(matter.assignees.filter(is_active=True)))


OVERDUE_WINDOW_DAYS = 14  # requests that fell due within this many days; older ones were told of already


def tell_overdue_requests(today) -> int:
    """Each open request past its deadline is told to its matter's assignees once (per deadline)."""
    import datetime as dt

    from prasan.coordination.models import AgencyRequest
    from prasan.matters.choices import OPEN_STATES

    late = AgencyRequest.objects.filter(
        status__in=(AgencyRequest.Status.SENT, AgencyRequest.Status.ACKNOWLEDGED), deadline__lt=today,
        deadline__gte=today - dt.timedelta(days=OVERDUE_WINDOW_DAYS), matter__state__in=OPEN_STATES,
    ).select_related("matter__office", "agency")
    told = 0
    for request in late.order_by("deadline", "pk"):
        matter = request.matter
        told += announce(Event(f"overdue:{request.pk}:{request.deadline.isoformat()}", Notification.Kind.OVERDUE,
                               matter, f"{request.agency.abbreviation or request.agency.name} ยังไม่ตอบ เกินกำหนด: {matter.number} {safe_title(matter)}",
                               url=f"{matter.get_absolute_url()}#request-{request.pk}"),
                         list(matter.assignees.filter(is_active=True)))
    return told
