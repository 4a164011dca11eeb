"""บันทึกสรุปเรื่อง, the office's standard summary note to the minister (the seed's form 1):
"นำเสนอ <minister>", เรื่อง, จาก, เอกสารเลขที่, ลงวันที่, เลข สร., สรุปประเด็นสำคัญ, เรื่องเดิม (ถ้ามี),
ข้อพิจารณา/ข้อกฎหมาย, ข้อเสนอ, เพื่อโปรด and the head of office's signature, with the ตรวจเสนอ
column (each reviewer's signature, name, position and date) beside the body."""

from .base import (
    Date,
    FormSpec,
    People,
    Person,
    Printer,
    Text,
    TextList,
    register,
    secrecy_field,
    urgency_field,
)

BLANK_REVIEW_SLOTS = 3  # a draft still prints the column, with places to sign

FIELDS = (
    urgency_field(),
    secrecy_field(),
    Text("to", "นำเสนอ"),
    Text("subject", "เรื่อง"),
    Text("from_agency", "จาก"),
    Text("doc_number", "เอกสารเลขที่"),
    Date("doc_date", "ลงวันที่"),
    Text("sr_number", "เลข สร.", required=False),
    TextList("key_points", "สรุปประเด็นสำคัญ"),
    Text("background", "เรื่องเดิม", required=False),
    Text("considerations", "ข้อพิจารณา/ข้อกฎหมาย"),
    Text("proposal", "ข้อเสนอ"),
    Text("for_action", "เพื่อโปรด"),
    People("reviewers", "ตรวจเสนอ", required=False, default=[], with_date=True),
    Person("head_of_office", "หัวหน้าสำนักงานรัฐมนตรี", with_date=True),
)


def context(v: dict, p: Printer) -> dict:
    facts = [
        ("เรื่อง", p.text(v["subject"])),
        ("จาก", p.text(v["from_agency"])),
        ("เอกสารเลขที่", p.text(v["doc_number"])),
        ("ลงวันที่", p.date(v["doc_date"])),
        ("เลข สร.", p.text(v.get("sr_number") or "")),
    ]
    points = v["key_points"]
    sections = [("สรุปประเด็นสำคัญ", [f"{n} {t}" for n, t in p.numbered(points)]
                 if len(points) > 1 else p.flow_lines(points))]
    if v.get("background"):
        sections.append(("เรื่องเดิม", p.flow_lines(v["background"])))
    sections += [
        ("ข้อพิจารณา/ข้อกฎหมาย", p.flow_lines(v["considerations"])),
        ("ข้อเสนอ", p.flow_lines(v["proposal"])),
    ]
    reviewers = [p.person(r) for r in v["reviewers"]]
    return {
        "title": "บันทึกสรุปเรื่อง",
        "to": f"นำเสนอ {p.text(v['to'])}",
        "subject": p.text(v["subject"]),
        "facts": facts,
        "sections": [{"heading": h, "lines": lines} for h, lines in sections],
        "for_action": f"เพื่อโปรด {p.text(v['for_action'])}",
        "reviewers": reviewers,
        "blank_reviews": range(max(0, BLANK_REVIEW_SLOTS - len(reviewers))),
        "head_of_office": p.person(v["head_of_office"]),
    }


def docx(w, ctx: dict) -> None:
    from prasan.documents.render.docx import RED, Span

    if ctx["urgency"]:
        w.paragraph(Span(ctx["urgency"], 32, True, RED))
    w.paragraph(Span(ctx["title"], 20, True), align="center", before=6)
    w.paragraph(ctx["to"], align="center", after=6)
    main, review = w.table((11.36, 4.64))  # 71 % and 29 % of the text width, as in the HTML
    for label, text in ctx["facts"]:
        w.paragraph(Span(label + "\t", bold=True), text, left=3.2, first=-3.2,
                    tabs=((3.2, "left", None),), into=main)
    for section in ctx["sections"]:
        w.paragraph(Span(section["heading"], bold=True), before=6, keep_next=True, into=main)
        for line in section["lines"]:
            w.paragraph(line, first=1.0, into=main)
    w.paragraph(Span(ctx["for_action"]), before=6, into=main)
    head = ctx["head_of_office"]
    w.signature_space(2, left=4.5, into=main)
    w.paragraph(f"({head['name']})", align="center", left=4.5, into=main)
    for line in head["position"]:
        w.paragraph(line, align="center", left=4.5, after=4, into=main)
    if head.get("date"):
        w.paragraph(head["date"], align="center", left=4.5, into=main)
    w.paragraph(Span("ตรวจเสนอ", bold=True), align="center", into=review)
    for person in ctx["reviewers"]:
        w.paragraph(Span("……………………", 14), align="center", before=14, into=review)
        w.paragraph(Span(person["name"], 14), align="center", into=review)
        for line in person["position"]:
            w.paragraph(Span(line, 14), align="center", into=review)
        w.paragraph(Span(person["date"] or "…/…/…", 14), align="center", into=review)
    for _ in ctx["blank_reviews"]:
        w.paragraph(Span("……………………", 14), align="center", before=14, into=review)
        w.paragraph(Span("…/…/…", 14), align="center", into=review)


SPEC = register(FormSpec(
    code="summary_note",
    title="บันทึกสรุปเรื่อง",
    kind="memo",
    fields=FIELDS,
    context=context,
    docx=docx,
    # เอกสารเลขที่ and ลงวันที่ are the source letter's; the office's own number is เลข สร., and the
    # head of office dates the note under the signature.
    number_field="sr_number",
    date_field=None,
    signer_field="head_of_office",
))
