"""One timeline for the matter page: transitions, coordination, agency answers and files, in time order."""

from dataclasses import dataclass
from datetime import datetime


@dataclass
class Entry:
    at: datetime
    kind: str  # transition | activity | answer | file | decision
    obj: object


def timeline(matter) -> list[Entry]:
    entries = [Entry(t.at, "transition", t) for t in matter.transitions.select_related("by")]
    entries += [
        Entry(a.occurred_at, "activity", a)
        # An agency's answer through its reply link is shown once, as the answer below.
        for a in matter.activities.exclude(direction="in", agency_request__isnull=False)
        .select_related("by", "agency").prefetch_related("files")
    ]
    entries += [
        Entry(r.answered_at, "answer", r)
        for r in matter.agency_requests.filter(answered_at__isnull=False).select_related("agency")
        .prefetch_related("files")
    ]
    entries += [
        Entry(f.uploaded_at, "file", f)
        for f in matter.files.filter(activity__isnull=True, agency_request__isnull=True).select_related("uploaded_by")
    ]
    entries += [Entry(d.recorded_at, "decision", d) for d in matter.decisions.select_related("recorded_by")]
    entries.sort(key=lambda e: e.at)
    return entries
