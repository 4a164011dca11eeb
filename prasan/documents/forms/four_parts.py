"""The memo to the minister in four numbered parts that the seed's forms 2 and 3 share: 1 the matter,
2 the facts, 3 the consideration, 4 the recommendation (each list with its lead-in), the closing
"จึงเรียนมาเพื่อโปรด…" and the signature. The forms differ only in their parts' names and wording.

The lead-ins of parts 2 and 3 carry the acting unit's abbreviation, as the seed writes them
("๒. สร. ขอเรียนข้อมูลเพื่อประกอบการพิจารณา ดังนี้", "๓. สร. ได้พิจารณาแล้วเห็นว่า…", "สป." on the
permanent secretary's memo): the ``acting_unit`` part, else the abbreviation the ส่วนราชการ line
begins with, else the office's (documents/office_defaults.py). Without a closing, the seed's
"จึงเรียนมาเพื่อโปรด<อนุมัติ / เห็นชอบ / ทราบ> ตามข้อ ๔" is printed, the verb read from part 4."""

from __future__ import annotations

from dataclasses import dataclass

from prasan.thai.text import abbreviation_of, without_lead

from .base import Person, Printer, Text, TextList, keep_tail
from .parts import docx_blocks, docx_memo_head, memo_fields, memo_head

THAI_NUMBERS = {2: "๒", 3: "๓", 4: "๔"}
# What part 4 asks for → the word after "จึงเรียนมาเพื่อโปรด" (ระเบียบงานสารบรรณ practice).
VERBS = (("อนุมัติ", "อนุมัติ"), ("ให้ความเห็นชอบ", "เห็นชอบ"), ("เห็นชอบ", "เห็นชอบ"), ("รับทราบ", "ทราบ"),
         ("ทราบ", "ทราบ"))
# A lead-in that starts with one of these is the acting unit's own statement: it takes the unit.
UNIT_VERBS = ("ขอเรียน", "ได้พิจารณา", "พิจารณาแล้ว", "มีข้อพิจารณา", "มีความเห็น")


@dataclass(frozen=True)
class Part:
    """A numbered part: its field, label, the lead-in of several points and, for one point, the
    words put before it (None: the point stands alone, as the seed says "หากมีข้อเดียวไม่ต้องมีข้อย่อย")."""

    name: str
    label: str
    intro: str
    single: str | None = None


def fields(first: tuple[str, str], parts: list[Part]) -> tuple:
    """`first` = (name, label) of part 1; `parts` = parts 2–4."""
    result = memo_fields() + (Text("acting_unit", "อักษรย่อหน่วยงานผู้เสนอ (เช่น สร.)", required=False),
                              Text(*first))
    for number, part in enumerate(parts, start=2):
        result += (
            Text(f"{part.name}_intro", f"ข้อความนำข้อ {THAI_NUMBERS[number]}", required=False),
            TextList(part.name, part.label),
        )
    return result + (Text("closing", "ข้อความลงท้าย (จึงเรียนมาเพื่อโปรด…)", required=False),
                     Person("signer", "ผู้ลงนาม"))


def acting_unit(v: dict) -> str:
    return (v.get("acting_unit") or "").strip() or abbreviation_of(v["unit"])


def with_unit(unit: str, text: str) -> str:
    """`สร. ได้พิจารณาแล้ว…` for a lead-in that is the unit's own statement and does not name it yet."""
    if not unit or text.startswith(unit) or not text.startswith(UNIT_VERBS):
        return text
    return f"{unit} {text}"


def closing_for(recommendations: list[str], *, tail: str = "") -> str:
    """The seed's closing for what part 4 recommends: one verb if every point asks for the same,
    else "พิจารณา"."""
    verbs = set()
    for point in recommendations:
        text = without_lead(point, "เห็นควร").removeprefix("ให้ความ")
        verbs.add(next((verb for start, verb in VERBS if text.startswith(start) or
                        text.startswith(start.removeprefix("ให้ความ"))), "พิจารณา"))
    verb = verbs.pop() if len(verbs) == 1 else "พิจารณา"
    return f"จึงเรียนมาเพื่อโปรด{verb} ตามข้อ 4{tail}"


def context_for(first: str, parts: list[Part], *, closing_tail: str = ""):
    """The printed strings of a four-part memo whose parts are these."""

    def context(v: dict, p: Printer) -> dict:
        unit = acting_unit(v)
        blocks = p.blocks(v[first], label="1.", spaced=True)
        for number, part in enumerate(parts, start=2):
            intro = with_unit(unit, v[f"{part.name}_intro"] or part.intro)
            items = v[part.name]
            if len(items) == 1 and part.single is not None:
                item = items[0]
                own = item.startswith(UNIT_VERBS) or bool(unit) and item.startswith(unit)
                items = [with_unit(unit, item) if own else with_unit(unit, part.single) + item]
            blocks += p.section(number, items, intro, join_single=number == 4)
        closing = p.blocks(v["closing"] or closing_for(v[parts[-1].name], tail=closing_tail), spaced=True)
        keep_tail(blocks, closing)
        return memo_head(v, p) | {
            "blocks": blocks,
            "closing": closing,
            "signer": p.person(v["signer"]),
        }

    return context


def docx(w, ctx: dict) -> None:
    docx_memo_head(w, ctx)
    docx_blocks(w, ctx["blocks"] + ctx["closing"])
    w.signature(ctx["signer"], before=0)
