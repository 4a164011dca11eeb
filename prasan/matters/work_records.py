"""What else a matter is, kept by the duties' own apps: the complaint, the policy, the question in parliament,
the cabinet's agenda item and its resolution, the minister's engagement.

The matter page links each of them, so whoever arrives by the matter reaches the duty's own page in one step.
Matters sit below those apps, so each app says here, once at start-up, how to find its records on a matter."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class WorkRecord:
    kind: str  # what it is, in Thai: "เรื่องร้องเรียน", "นโยบาย/ข้อสั่งการ", …
    label: str
    url: str
    slug: str  # names the link for the page's tests and styles

Finder = Callable[[object], Iterable[WorkRecord]]

FINDERS: list[Finder] = []


def register(finder: Finder) -> Finder:
    if finder not in FINDERS:
        FINDERS.append(finder)
    return finder


def records_of(matter) -> list[WorkRecord]:
    """Every record the duties keep on `matter`. Whoever may see the matter may see that they exist; each
    record's own page applies the one rule again when it is opened."""
    return [record for find in FINDERS for record in find(matter)]
