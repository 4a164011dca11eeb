"""The memo to the minister in four numbered parts that the seed's forms 2 and 3 share: 1 the matter,
2 the facts, 3 the consideration, 4 the recommendation (each list with its lead-in), the closing
"จึงเรียนมาเพื่อโปรด…" and the signature. The forms differ only in their parts' names and wording."""

from .base import Person, Printer, Text, TextList
from .parts import docx_blocks, docx_memo_head, memo_fields, memo_head

THAI_NUMBERS = {2: "๒", 3: "๓", 4: "๔"}


def fields(first: tuple[str, str], sections: list[tuple[str, str, str]]) -> tuple:
    """`first` = (name, label) of part 1; `sections` = (name, label, default lead-in) of parts 2–4."""
    result = memo_fields() + (Text(*first),)
    for number, (name, label, intro) in enumerate(sections, start=2):
        result += (
            Text(f"{name}_intro", f"ข้อความนำข้อ {THAI_NUMBERS[number]}", required=False, default=intro),
            TextList(name, label),
        )
    return result + (Text("closing", "ข้อความลงท้าย (จึงเรียนมาเพื่อโปรด…)"), Person("signer", "ผู้ลงนาม"))


def context_for(first: str, sections: list[str]):
    """The printed strings of a four-part memo whose parts have these names."""

    def context(v: dict, p: Printer) -> dict:
        blocks = p.blocks(v[first], label="1.", spaced=True)
        for number, name in enumerate(sections, start=2):
            blocks += p.section(number, v[name], v[f"{name}_intro"], join_single=number == 4)
        return memo_head(v, p) | {
            "blocks": blocks,
            "closing": p.blocks(v["closing"], spaced=True),
            "signer": p.person(v["signer"]),
        }

    return context


def docx(w, ctx: dict) -> None:
    docx_memo_head(w, ctx)
    docx_blocks(w, ctx["blocks"] + ctx["closing"])
    w.signature(ctx["signer"], before=0)
