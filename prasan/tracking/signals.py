"""Telling people in-app when they are given a matter; the digest lists these as new assignments."""

from django.db.models.signals import m2m_changed
from django.dispatch import receiver

from prasan.coordination.services import SECRET_TITLE
from prasan.matters.models import Matter

from .models import Notification


def assignment_text(matter: Matter) -> str:
    return f"ท่านได้รับมอบหมายเรื่อง {matter.number} {SECRET_TITLE if matter.is_secret else matter.title}"


@receiver(m2m_changed, sender=Matter.assignees.through, dispatch_uid="tracking.notify_assigned")
def notify_assigned(sender, instance, action, reverse, pk_set, **kwargs):
    if action != "post_add" or not pk_set:
        return
    if reverse:  # user.assigned_matters.add(...)
        pairs = [(matter, instance.pk) for matter in Matter.objects.select_related("office").filter(pk__in=pk_set)]
    else:
        pairs = [(instance, user_id) for user_id in pk_set]
    Notification.objects.bulk_create([
        Notification(user_id=user_id, matter=matter, kind=Notification.Kind.ASSIGNED,
                     text=assignment_text(matter), url=matter.get_absolute_url())
        for matter, user_id in pairs
    ])
