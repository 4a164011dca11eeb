"""One timeline for the matter page: transitions, coordination, agency answers and files, in time order."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class Entry:
    at: datetime
    kind: str  # transition | activity | answer | file | decision
    obj: object
    files: list = field(default_factory=list)  # an answer's attachments


def timeline(matter, requests) -> list[Entry]:
    """`requests`: the matter's requests to agencies, which the page lists anyway; the answered ones are entries.
    The matter's files are read once: an answer's go with it, the rest (on no activity or answer) stand alone."""
    answer_files, loose = defaultdict(list), []
    for f in matter.files.select_related("uploaded_by"):
        if f.agency_request_id:
            answer_files[f.agency_request_id].append(f)
        elif f.activity_id is None:
            loose.append(f)
    entries = [Entry(t.at, "transition", t) for t in matter.transitions.select_related("by")]
    entries += [
        Entry(a.occurred_at, "activity", a)
        # An agency's answer through its reply link is shown once, as the answer below.
        for a in matter.activities.exclude(direction="in", agency_request__isnull=False).select_related("by", "agency")
    ]
    entries += [Entry(r.answered_at, "answer", r, answer_files[r.pk]) for r in requests if r.answered_at is not None]
    entries += [Entry(f.uploaded_at, "file", f) for f in loose]
    entries += [Entry(d.recorded_at, "decision", d) for d in matter.decisions.select_related("recorded_by")]
    entries.sort(key=lambda e: e.at)
    return entries
