"""The answer to a question and the speaking brief, started from a parliament item's matter, come filled
in: the Secretariat's number, subject, asker and addressee, the question as asked, and the agencies'
answers on the matter as the first draft of the answer and of the brief's facts."""

from django.utils import timezone

from prasan.documents.drafting import _signer

QUESTION_KINDS = {"oral_question", "general_question", "separate_question", "written_question"}


def fields_for(matter, form: str, user) -> dict:
    if form not in ("question_answer", "speaking_brief"):
        return {}
    from .models import Item

    item = Item.objects.filter(matter=matter).first()
    if item is None:
        return {}
    answers = [r for r in matter.agency_requests.select_related("agency") if r.answer]
    said = [f"{r.agency.name} แจ้งว่า {r.answer.strip()}" for r in answers]
    questions = _questions(item.text or item.subject)
    if form == "question_answer":
        return {
            "number": item.number, "subject": item.subject, "asker": _asker(item),
            "asked": item.minister_asked or _minister_position(matter.office),
            "questions": questions,
            # One answer per question to start from: the agencies' answers go under the first.
            "answers": [" ".join(said)] + [""] * (len(questions) - 1) if said else [""] * len(questions),
            "signer": _minister(matter),
        }
    meeting = timezone.localtime(item.meeting_at) if item.meeting_at else None
    day = meeting.date() if meeting else item.sitting_on
    return {
        "subject": item.subject, "occasion": _occasion(item), "date": day.isoformat() if day else None,
        "time_place": " ".join(x for x in ((f"เวลา {meeting:%H.%M} น." if meeting else ""), item.room) if x),
        "points": questions, "facts": said, "follow_ups": [],
        "sources": sorted({r.agency.name for r in answers}),
        "prepared_by": _signer(user),
    }


def _questions(text: str) -> list[str]:
    """The question's own numbered parts (a line starting with a number), else the whole text."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    parts: list[str] = []
    for line in lines:
        head = line.split(" ", 1)[0].rstrip(".)")
        if head.isdigit() or (head and all("๐" <= c <= "๙" for c in head)):
            parts.append(line.split(" ", 1)[1] if " " in line else line)
        elif parts:
            parts[-1] += " " + line
        else:
            parts.append(line)
    return parts or [text]


def _asker(item) -> str:
    member = {"house": "สมาชิกสภาผู้แทนราษฎร", "senate": "สมาชิกวุฒิสภา"}.get(item.house, "")
    where = f"จังหวัด{item.asker_province}" if item.asker_province else item.asker_constituency
    party = f"พรรค{item.asker_party}" if item.asker_party and not item.asker_party.startswith("พรรค") \
        else item.asker_party
    return " ".join(x for x in (item.asker_name, member, where, party) if x)


def _occasion(item) -> str:
    if item.kind == "committee_summons":
        return f"การประชุม{item.committee}" if item.committee else item.get_kind_display()
    by = f" ของ {item.asker_name}" if item.asker_name else ""
    number = f"ที่ {item.number}" if item.number else ""
    return f"{item.get_kind_display()}{number}{by}".strip()


def _minister(matter) -> dict:
    """The answer is signed by the minister asked (the office's minister by default)."""
    from prasan.accounts.models import Role, User

    minister = User.objects.filter(role=Role.EXECUTIVE, is_active=True).order_by("id").first()
    name = (minister.get_full_name() if minister else "") or ""
    return {"name": f"({name})" if name else "", "position": _minister_position(matter.office)}


def _minister_position(office) -> str:
    return f"รัฐมนตรีว่าการ{office.ministry}" if office.ministry else "รัฐมนตรี"
