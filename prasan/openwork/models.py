"""A person's open work: one row per open matter per person assigned to it, carrying what my-work sorts and
filters by, so "my open work, soonest deadline first" reads a person's few open rows and never their history
(a coordinator is given hundreds of thousands of matters over the years; a few hundred are open at a time).

The rows are derived — from the assignments and the matters' state, internal deadline, urgency and secrecy —
and kept by keeping.py in the transaction of every change to those; building.py fills, rebuilds and checks them.
"""

from django.conf import settings
from django.db import models
from django.db.models import F

from prasan.matters.choices import Urgency

# Most urgent first among matters due the same day.
URGENCY_RANK = {Urgency.MOST_URGENT: 0, Urgency.VERY_URGENT: 1, Urgency.URGENT: 2, Urgency.NORMAL: 3}
# The order of a person's open work (and so of my-work): soonest deadline first, undated after every dated one,
# the most urgent first within a day, then the newest matter.
ORDER = ("undated", "deadline", "urgency", F("matter_id").desc())


class OpenWorkQuerySet(models.QuerySet):
    def of(self, user):
        """`user`'s open work that they may see: being assigned is the need to know, so only the clearance can hide
        a row (matters.access.cleared_rows, the rule `assigned` also applies)."""
        from prasan.matters.access import cleared_rows

        return cleared_rows(self.filter(person_id=user.pk), user)

    def by_deadline(self):
        return self.order_by(*ORDER)


class OpenWork(models.Model):
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
                               db_index=False)  # the order's index leads with the person
    matter = models.ForeignKey("matters.Matter", on_delete=models.CASCADE, related_name="+")
    state = models.CharField(max_length=20)  # one of the open states (matters.choices.State)
    undated = models.BooleanField()  # no internal deadline: after every dated matter
    deadline = models.DateField(null=True)  # the matter's internal deadline
    urgency = models.PositiveSmallIntegerField()  # URGENCY_RANK of the matter's urgency
    secrecy = models.PositiveSmallIntegerField()  # the matter's, for the clearance at reading time

    objects = OpenWorkQuerySet.as_manager()

    class Meta:
        verbose_name = "งานที่ยังไม่ปิด"
        verbose_name_plural = "งานที่ยังไม่ปิด"
        constraints = [models.UniqueConstraint(fields=["person", "matter"], name="open_work_unique")]
        indexes = [
            # my-work: a person's page of open work in order and its count, from the index alone (secrecy last,
            # for the clearance).
            models.Index(fields=["person", "undated", "deadline", "urgency", "-matter", "secrecy"],
                         name="open_work_order_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.person_id}:{self.matter_id}"
