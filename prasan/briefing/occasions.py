"""Where a pack is started from, and what that suggests: a matter (a visit's facilitation matter), a cabinet
meeting (its agenda items' matters), a parliament sitting (the items answered that day), a committee summons.
Every suggestion is narrowed by the need-to-know rule; the pack belongs to a matter the builder may change."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import Http404
from django.utils import timezone

from prasan.matters.access import may_edit, visible, visible_matter
from prasan.matters.models import Matter

from .models import Occasion


@dataclass
class Start:
    """What the new-pack form is filled with."""

    title: str = ""
    occasion: str = Occasion.VISIT
    occasion_text: str = ""
    occasion_on: object = None
    owners: list = field(default_factory=list)  # matters the pack may belong to (the builder may change them)
    matters: list = field(default_factory=list)  # matters suggested as parts, in order
    links: dict = field(default_factory=dict)  # cabinet_meeting / sitting / parliament_item
    query: str = ""  # how to come back to this form


def start_from(user, params) -> Start:
    """The form's start for ?agenda=, ?matter=, ?meeting=, ?sitting= or ?item= (Http404 for what the user may not
    see)."""
    if params.get("agenda"):
        return _agenda(user, params["agenda"])
    if params.get("meeting"):
        return _cabinet(user, params["meeting"])
    if params.get("sitting"):
        return _sitting(user, params["sitting"])
    if params.get("item"):
        return _committee(user, params["item"])
    if params.get("matter"):
        return _matter(user, params["matter"])
    raise Http404


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404 from None


def _matter(user, pk) -> Start:
    matter = visible_matter(user, _int(pk))
    visit = matter.kind == "facilitation"
    return Start(title=f"แฟ้มข้อมูลประกอบ{' การตรวจราชการ' if visit else ''} — {matter.title}"[:300],
                 occasion=Occasion.VISIT if visit else Occasion.OTHER, owners=[matter] if may_edit(user, matter) else [],
                 matters=[matter], query=f"matter={matter.pk}")


AGENDA_OCCASIONS = {"visit": Occasion.VISIT, "inspection": Occasion.VISIT, "meeting": Occasion.MEETING}


def _agenda(user, pk) -> Start:
    """An engagement on the minister's agenda: the pack belongs to its facilitation matter, and starts with it and
    the engagement's linked matters."""
    from prasan.agenda.access import may_view, visible_item

    if not may_view(user):
        raise Http404
    item = visible_item(user, _int(pk))
    matters = [item.matter, *visible(item.linked_matters.order_by("pk"), user)]
    place = f" ณ {item.place}" if item.place else ""
    return Start(title=f"แฟ้มข้อมูลประกอบ{item.title}"[:300], occasion=AGENDA_OCCASIONS.get(item.kind, Occasion.OTHER),
                 occasion_text=f"{item.title}{place}"[:300], occasion_on=timezone.localtime(item.starts_at).date(),
                 owners=[item.matter] if may_edit(user, item.matter) else [], matters=matters,
                 links={"agenda_item": item}, query=f"agenda={item.pk}")


def _cabinet(user, pk) -> Start:
    from prasan.cabinet.access import visible_meeting
    from prasan.cabinet.queries import agenda_of

    meeting = visible_meeting(_int(pk))
    matters = [item.matter for item in agenda_of(meeting, user)]
    return Start(title=f"แฟ้มข้อมูลประกอบ{meeting.label}"[:300], occasion=Occasion.CABINET,
                 occasion_text=meeting.place, occasion_on=meeting.day,
                 owners=[m for m in matters if may_edit(user, m)], matters=matters,
                 links={"cabinet_meeting": meeting}, query=f"meeting={meeting.pk}")


def _sitting(user, pk) -> Start:
    from django.db.models import Q
    from django.shortcuts import get_object_or_404

    from prasan.parliament.models import Item, Sitting

    sitting = get_object_or_404(Sitting, pk=_int(pk))
    items = (Item.objects.visible_to(user).filter(sitting_on=sitting.date)
             .filter(Q(house=sitting.house) | Q(house="")).select_related("matter__office").order_by("pk")[:50])
    matters = [item.matter for item in items]
    return Start(title=f"แฟ้มข้อมูลประกอบ{sitting.title or sitting.get_house_display()}"[:300],
                 occasion=Occasion.PARLIAMENT, occasion_text=sitting.title or str(sitting), occasion_on=sitting.date,
                 owners=[m for m in matters if may_edit(user, m)], matters=matters, links={"sitting": sitting},
                 query=f"sitting={sitting.pk}")


def _committee(user, pk) -> Start:
    from django.shortcuts import get_object_or_404

    from prasan.parliament.models import Item

    item = get_object_or_404(Item.objects.visible_to(user).select_related("matter__office"), pk=_int(pk))
    matter = visible_matter(user, item.matter_id)
    when = timezone.localtime(item.meeting_at).date() if item.meeting_at else item.sitting_on
    committee = item.kind == "committee_summons"
    return Start(title=f"แฟ้มข้อมูลประกอบ — {item.subject}"[:300],
                 occasion=Occasion.COMMITTEE if committee else Occasion.PARLIAMENT,
                 occasion_text=(item.committee or item.get_kind_display())[:300], occasion_on=when,
                 owners=[matter] if may_edit(user, matter) else [], matters=[matter],
                 links={"parliament_item": item}, query=f"item={item.pk}")


def owner_choices(start: Start):
    return Matter.objects.filter(pk__in=[m.pk for m in start.owners]).order_by("pk")


def suggested(start: Start, user) -> list[Matter]:
    """The suggested matters as they stand now (a matter may have become secret since the page was shown)."""
    ids = [m.pk for m in start.matters]
    found = {m.pk: m for m in visible(Matter.objects.filter(pk__in=ids), user)}
    return [found[pk] for pk in ids if pk in found]
