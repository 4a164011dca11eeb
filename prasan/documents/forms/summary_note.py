"""บันทึกสรุปเรื่อง, the office's standard summary note to the minister (the seed's form 1):
"นำเสนอ <minister>", เรื่อง, จาก, เอกสารเลขที่, ลงวันที่, เลข สร., สรุปประเด็นสำคัญ, เรื่องเดิม (ถ้ามี),
ข้อพิจารณา/ข้อกฎหมาย, ข้อเสนอ, เพื่อโปรด and the head of office's signature, with the ตรวจเสนอ
column (each reviewer's signature, name, position and date) beside the body."""

from prasan.documents.render.metrics import text_width_cm
from prasan.thai.linebreak import NBSP, breakable
from prasan.thai.text import without_lead

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
# The box spans the 16 cm text width: the body's column and the ตรวจเสนอ column beside it, as in
# the HTML (print.css: .summary). Reviewers sign there by hand; 3.6 cm holds a signature, a name of
# two words and a date in 14 pt.
REVIEW_CM = 3.6
REVIEW_PT = 14
REVIEW_TEXT_CM = REVIEW_CM - 0.3  # less the cell's padding
MAIN_CM = 16.0 - REVIEW_CM
SIGN_LEFT_CM = 4.5  # the head of office's block: centred in the body column's right part
LABEL_GAP_CM = 0.3
STAMP_CM, STAMP_PT = 4.3, 10.5  # a signed note's stamp, left of the name (print.css: .esign-beside)

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
    Text("for_action", "เพื่อโปรด", default="พิจารณา"),
    People("reviewers", "ตรวจเสนอ", required=False, default=[], with_date=True),
    Person("head_of_office", "หัวหน้าสำนักงานรัฐมนตรี", with_date=True),
)


def context(v: dict, p: Printer) -> dict:
    points = v["key_points"]
    sections = [("สรุปประเด็นสำคัญ", [f"{n} {t}" for n, t in p.numbered(points)]
                 if len(points) > 1 else p.flow_lines(points))]
    if v.get("background"):
        sections.append(("เรื่องเดิม", p.flow_lines(v["background"])))
    sections += [
        ("ข้อพิจารณา/ข้อกฎหมาย", p.flow_lines(v["considerations"])),
        ("ข้อเสนอ", p.flow_lines(v["proposal"])),
    ]
    reviewers = [_in_column(p, p.person(r)) for r in v["reviewers"]]
    return {
        "title": "บันทึกสรุปเรื่อง",
        # The form prints "นำเสนอ" and "เพื่อโปรด": typed again in the part, they are not doubled.
        "to": f"นำเสนอ {p.text(without_lead(v['to'], 'นำเสนอ'))}",
        # The sheet's head spans the box: เรื่อง and จาก on lines of their own, the source letter's
        # number and date and the office's number side by side, as far as they fit.
        "facts": [("เรื่อง", p.flow(v["subject"])), ("จาก", p.flow(v["from_agency"]))],
        "pairs": [(label, text.replace(" ", NBSP)) for label, text in (
            ("เอกสารเลขที่", p.text(v["doc_number"])), ("ลงวันที่", p.date(v["doc_date"])),
            ("เลข สร.", p.text(v.get("sr_number") or "")))],
        "sections": [{"heading": h, "lines": lines} for h, lines in sections],
        "for_action": f"เพื่อโปรด{p.text(without_lead(v['for_action'], 'เพื่อโปรด', 'โปรด') or 'พิจารณา')}",
        "reviewers": reviewers,
        "blank_reviews": range(max(0, BLANK_REVIEW_SLOTS - len(reviewers))),
        "head_of_office": p.person(v["head_of_office"]),
    }


def _in_column(p: Printer, person: dict) -> dict:
    """A reviewer in the narrow ตรวจเสนอ column: the name on one line, or given name and surname on
    two when it is wider than the column (never broken inside a word), the position between its
    words."""
    name = person["name"]
    if text_width_cm(name, REVIEW_PT) > REVIEW_TEXT_CM and " " in name:
        given, surname = name.rsplit(" ", 1)
        lines = [given, surname]
    else:
        lines = [name]
    return person | {"name": lines, "position": [breakable(line) for line in person["position"]]}


def docx(w, ctx: dict) -> None:
    from prasan.documents.render.docx import RED, Span

    if ctx["urgency"]:
        w.paragraph(Span(ctx["urgency"], 32, True, RED))
    w.paragraph(Span(ctx["title"], 20, True), align="center", line_pt=24)
    w.paragraph(ctx["to"], align="center", after=1.4)
    head, main, review = w.table((MAIN_CM, REVIEW_CM), lead_row=True)
    for label, text in ctx["facts"]:
        at = text_width_cm(label, 16, bold=True) + LABEL_GAP_CM
        w.paragraph(Span(label + "\t", bold=True), text, left=at, first=-at,
                    tabs=((at, "left", None),), into=head)
    pairs: list = []
    for label, text in ctx["pairs"]:
        pairs += [Span(("\u2002 " if pairs else "") + label, bold=True), NBSP + text]
    w.paragraph(*pairs, into=head)
    # The last part, เพื่อโปรด and the signature stand in a row of their own that is never split
    # (keep-with-next is not honoured inside a table row that splits): the signature page always
    # carries the last part of the body, as the HTML's .keep does.
    *parts, last = ctx["sections"]
    for n, section in enumerate(parts):
        # Not the cell's first paragraph: LibreOffice reads keep-with-next there as "keep this row
        # with the next" and moves the whole body to the next page.
        w.paragraph(Span(section["heading"], bold=True), keep_next=n > 0, into=main)
        for line in section["lines"]:
            w.paragraph(line, first=1.0, align="thai", into=main)
    tail, _ = w.row_after(main)
    w.paragraph(Span(last["heading"], bold=True), into=tail)
    for line in last["lines"]:
        w.paragraph(line, first=1.0, align="thai", into=tail)
    w.paragraph(ctx["for_action"], before=1.4, into=tail)
    _docx_head_of_office(w, ctx, tail)
    w.paragraph(Span("ตรวจเสนอ", bold=True), align="center", into=review)
    for person in ctx["reviewers"]:
        w.paragraph(Span("……………………", 14), align="center", before=8, into=review)
        for line in person["name"]:
            w.paragraph(Span(line, 14), align="center", into=review)
        for line in person["position"]:
            w.paragraph(Span(line, 14), align="center", into=review)
        w.paragraph(Span(person["date"] or "…/…/…", 14), align="center", into=review)
    for _ in ctx["blank_reviews"]:
        w.paragraph(Span("……………………", 14), align="center", before=8, into=review)
        w.paragraph(Span("…/…/…", 14), align="center", into=review)


def _docx_head_of_office(w, ctx: dict, cell) -> None:
    """A blank line to sign on, (name), position, date, centred right of 4.5 cm; signed, the stamp
    (10.5 pt) stands left of them on a common foot (a borderless row in the cell), as in the HTML."""
    from prasan.documents.render.docx import ESIGN_COLOUR, Span
    from prasan.documents.signature import stamp_lines

    person = ctx["head_of_office"]
    block = [f"({person['name']})", *person["position"], *([person["date"]] if person.get("date") else [])]
    if not ctx.get("esign"):
        for line in ["", *block]:
            w.paragraph(line, align="center", left=SIGN_LEFT_CM, into=cell)
        return
    left, right = w.table((STAMP_CM + 0.2, MAIN_CM - 0.4 - STAMP_CM - 0.2), borders=False, into=cell,
                          valign="bottom")
    for n, line in enumerate(stamp_lines(ctx["esign"], beside=True)):
        w.paragraph(Span(line, STAMP_PT, n == 0, ESIGN_COLOUR), align="center", line_pt=STAMP_PT * 1.15,
                    right=0.2, into=left)
    for line in block:
        w.paragraph(line, align="center", into=right)


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
