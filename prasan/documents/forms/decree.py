"""What คำสั่ง and ประกาศ share: emblem, a centred heading (title with the issuer, ที่, เรื่อง), a short
rule, body paragraphs, "สั่ง/ประกาศ ณ วันที่ … พ.ศ. …" and the signature."""

from .base import Date, Person, Printer, Text, TextList, keep_tail, secrecy_field
from .parts import docx_blocks


def decree_fields(*, numbered: bool) -> tuple:
    fields = (
        secrecy_field(),
        Text("issuer", "ส่วนราชการที่ออก"),
        Text("subject", "เรื่อง"),
        TextList("body", "ข้อความ"),
        Date("date", "วันที่", required=False),
        Person("signer", "ผู้ลงนาม"),
    )
    return fields + ((Text("doc_number", "ที่", required=False),) if numbered else ())


def decree_context(v: dict, p: Printer, *, word: str, given: str) -> dict:
    blocks = [b for text in v["body"] for b in p.blocks(text, spaced=True)]
    keep_tail(blocks)
    return {
        "title": f"{word}{p.text(v['issuer'])}",
        "doc_number": p.text(v["doc_number"] or "") if "doc_number" in v else None,
        "subject": p.text(v["subject"]),
        "blocks": blocks,
        # "พ.ศ." before the year on คำสั่ง and ประกาศ; blank until dated when signed.
        "given": f"{given} ณ วันที่ {p.date(v.get('date'), era=True)}" if v.get("date")
        else f"{given} ณ วันที่",
        "signer": p.person(v["signer"]),
    }


def decree_docx(w, ctx: dict) -> None:
    from prasan.documents.render.docx import Span

    w.emblem(3.0, align="center", after=6)
    w.paragraph(Span(ctx["title"], bold=True), align="center", keep_next=True)
    if ctx["doc_number"] is not None:
        w.paragraph(f"ที่ {ctx['doc_number']}", align="center", keep_next=True)
    w.paragraph(f"เรื่อง {ctx['subject']}", align="center", keep_next=True)
    w.rule(4.0)
    docx_blocks(w, ctx["blocks"])
    w.paragraph(ctx["given"], first=2.5, before=12, keep_next=True)  # with the signature
    w.signature(ctx["signer"], before=0)
