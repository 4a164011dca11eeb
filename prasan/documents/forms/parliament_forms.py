"""The minister's parliamentary papers (issue #15): the answer to a question (คำตอบกระทู้ถาม) — the
question's number, subject, asker and addressee, each question quoted and answered under the same
number, signed by the minister — and the speaking brief (ประเด็นชี้แจง) for a live question or a
committee session: the points to make, facts and figures, likely follow-up questions with their answers.

Both go up the review chain like any document; prasan.parliament.drafting fills them from the item and
the agencies' answers when a draft is started."""

from prasan.documents.render.metrics import text_width_cm

from .base import (
    Date,
    FormSpec,
    Person,
    Printer,
    Text,
    TextList,
    keep_tail,
    register,
    secrecy_field,
)
from .parts import docx_blocks

LABEL_GAP_CM = 0.3


def _numbered_blocks(items: list[str], p: Printer) -> list[dict]:
    """Each item a paragraph numbered ๑. ๒. …; a single item takes no number."""
    if len(items) == 1:
        return p.blocks(items[0], spaced=True)
    return [b for n, item in enumerate(items, start=1) for b in p.blocks(item, label=f"{n}.", spaced=True)]


def _indent(*labels: str) -> float:
    return round(max(text_width_cm(label, 16) for label in labels) + LABEL_GAP_CM, 2)


# ---- คำตอบกระทู้ถาม ------------------------------------------------------------------------------

ANSWER_FIELDS = (
    Text("number", "กระทู้ถามที่"),
    Text("subject", "เรื่อง"),
    Text("asker", "ของ"),
    Text("asked", "ถาม"),
    TextList("questions", "คำถาม"),
    TextList("answers", "คำตอบ"),
    Person("signer", "ผู้ตอบ"),
)


def check_answer(v: dict) -> dict[str, str]:
    """Every question answered, in its order: the answers are printed under the questions' numbers."""
    asked, answered = len(v["questions"]), len(v["answers"])
    if asked != answered:
        return {"answers": f"คำถามมี {asked} ข้อ แต่คำตอบมี {answered} ข้อ กรุณาตอบให้ครบทุกข้อตามลำดับคำถาม"}
    return {}


def answer_context(v: dict, p: Printer) -> dict:
    answers = _numbered_blocks(v["answers"], p)
    keep_tail(answers)
    return {
        "title": f"คำตอบกระทู้ถามที่ {p.text(v['number'])}",
        "subject": p.flow(v["subject"]),
        "head": [("ของ", p.flow_lines(v["asker"])), ("ถาม", p.flow_lines(v["asked"]))],
        "indent": _indent("ของ", "ถาม"),
        "questions": _numbered_blocks(v["questions"], p),
        "answers": answers,
        "signer": p.person(v["signer"]),
    }


def _docx_head(w, ctx: dict) -> None:
    from prasan.documents.render.docx import Span

    w.paragraph(Span(ctx["title"], bold=True), align="center", keep_next=True)
    w.paragraph(f"เรื่อง {ctx['subject']}", align="center", keep_next=True)
    for label, lines in ctx["head"]:
        w.labelled(label, lines, before=6)


def answer_docx(w, ctx: dict) -> None:
    from prasan.documents.render.docx import Span

    _docx_head(w, ctx)
    w.paragraph(Span("คำถาม", bold=True), before=6, keep_next=True)
    docx_blocks(w, ctx["questions"])
    w.paragraph(Span("คำตอบ", bold=True), before=12, keep_next=True)
    docx_blocks(w, ctx["answers"])
    w.signature(ctx["signer"], before=6)


ANSWER = register(FormSpec(
    code="question_answer",
    title="คำตอบกระทู้ถาม",
    kind="memo",
    fields=ANSWER_FIELDS,
    context=answer_context,
    docx=answer_docx,
    check=check_answer,
    # The question's own number is the Secretariat's; the answer carries no office number or date.
    number_field=None,
    date_field=None,
))


# ---- ประเด็นชี้แจง -------------------------------------------------------------------------------

BRIEF_FIELDS = (
    secrecy_field(),
    Text("subject", "เรื่อง"),
    Text("occasion", "โอกาส"),
    Date("date", "วันที่", required=False),
    Text("time_place", "เวลาและสถานที่", required=False, default=""),
    TextList("points", "ประเด็นชี้แจง"),
    TextList("facts", "ข้อเท็จจริงและตัวเลข", required=False, default=[]),
    TextList("follow_ups", "คำถามที่อาจถามต่อและแนวคำตอบ", required=False, default=[]),
    TextList("sources", "ที่มาของข้อมูล", required=False, default=[]),
    Person("prepared_by", "ผู้จัดทำ"),
)
BRIEF_PARTS = (("points", "ประเด็นชี้แจง"), ("facts", "ข้อเท็จจริงและตัวเลข"),
               ("follow_ups", "คำถามที่อาจถามต่อและแนวคำตอบ"), ("sources", "ที่มาของข้อมูล"))


def brief_context(v: dict, p: Printer) -> dict:
    when = " ".join(x for x in (p.date(v.get("date")), p.text(v.get("time_place") or "")) if x)
    head = [("เรื่อง", p.flow_lines(v["subject"])), ("โอกาส", p.flow_lines(v["occasion"]))]
    if when:
        head.append(("วันเวลา", [when]))
    parts = [{"heading": label, "blocks": _numbered_blocks(v[name], p)} for name, label in BRIEF_PARTS if v[name]]
    keep_tail(parts[-1]["blocks"])
    return {
        "title": "ประเด็นชี้แจง",
        "head": head,
        "indent": _indent(*(label for label, _ in head)),
        "parts": parts,
        "signer": p.person(v["prepared_by"]),
    }


def brief_docx(w, ctx: dict) -> None:
    from prasan.documents.render.docx import Span

    w.paragraph(Span(ctx["title"], 20, True), align="center", after=6, keep_next=True)
    for label, lines in ctx["head"]:
        w.labelled(label, lines, bold=True)
    for part in ctx["parts"]:
        w.paragraph(Span(part["heading"], bold=True), before=12, keep_next=True)
        docx_blocks(w, part["blocks"])
    w.signature(ctx["signer"], before=6)


BRIEF = register(FormSpec(
    code="speaking_brief",
    title="ประเด็นชี้แจง",
    kind="memo",
    fields=BRIEF_FIELDS,
    context=brief_context,
    docx=brief_docx,
    number_field=None,
    date_field=None,
    signer_field="prepared_by",
))
