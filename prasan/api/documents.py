"""Document endpoints: draft from a matter, edit while a draft, submit, review, the executive's decision, files.

Each handler parses its input and calls what the document pages call (drafting, chain, output; who may do what
from documents/access.py and the matter's rules), so a step refused on a page is refused here in the same words.
Signing stays on the page, where the signer types their password again.
"""

import datetime as dt
from typing import Annotated, Any

from django.db import transaction
from django.http import Http404, HttpResponse
from ninja import Field, Router, Schema
from ninja.errors import HttpError, ValidationError
from ninja.responses import Status
from pydantic import AfterValidator

from prasan.accounts.models import Role
from prasan.documents import access, chain, drafting, output
from prasan.documents.forms import FormError, get_form
from prasan.documents.models import Document

from .access import changeable_matter
from .schemas import ERRORS, ErrorOut, Id, In, Required, Text, choice, label

router = Router(tags=["documents"])

READ_ERRORS = {401: ErrorOut, 404: ErrorOut}
NOT_FOUND = "ไม่พบเอกสารนี้"
VERDICT_DOC = " | ".join(label for code, label in chain.VERDICTS if code != "other")


def _no_nul(value: Any) -> Any:
    # PostgreSQL's jsonb cannot hold U+0000: refuse it here rather than fail in the database.
    if any("\x00" in text for text in _texts(value)):
        raise ValueError("มีอักขระ NUL (\\u0000) ซึ่งใช้ไม่ได้")
    return value


def _texts(value: Any):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


Fields = Annotated[dict[str, Any], AfterValidator(_no_nul)]


class DocumentIn(In):
    form: choice(drafting.FORM_ORDER) = Field(description="แบบเอกสาร: " + ", ".join(drafting.FORM_ORDER))
    fields: Fields = Field(default_factory=dict, description="ช่องของแบบ (ชื่อช่อง: ค่า) ทับค่าที่ระบบกรอกให้จากเรื่อง")


class FieldsIn(In):
    fields: Fields = Field(description="ช่องทั้งหมดของแบบ (แทนที่ฉบับก่อนทั้งชุด) ร่างยังขาดบางช่องได้ ตรวจครบเมื่อเสนอ")
    note: Text(300) = Field("", description="หมายเหตุของฉบับนี้")


class ReviewIn(In):
    decision: choice(["approve", "return"]) = Field(description="approve = ผ่าน, return = ส่งกลับแก้ไข")
    comment: Text(5000) = Field("", description="ความเห็น (ต้องระบุเมื่อส่งกลับ: สิ่งที่ต้องแก้ไข)")


class DecideIn(In):
    decision: Required(5000) = Field(description=f"คำวินิจฉัย/เกษียน: {VERDICT_DOC} หรือข้อความอื่น")
    comment: Text(5000) = Field("", description="ข้อความเกษียนเพิ่มเติม")


class StepOut(Schema):
    id: int
    round: int
    order: int
    role: str
    role_label: str
    status: str
    status_label: str
    name: str
    position: str
    decided_at: dt.datetime | None
    verdict: str
    verdict_label: str
    comment: str

    resolve_status_label = label("status")

    @staticmethod
    def resolve_verdict_label(obj) -> str:
        return dict(chain.VERDICTS).get(obj.verdict, obj.verdict)


class ActionsOut(Schema):
    edit: bool = Field(description="แก้ไขช่อง (PUT) ได้")
    submit: bool
    review: bool = Field(description="ถึงขั้นของผู้เรียกให้ตรวจ (ผ่าน/ส่งกลับ)")
    decide: bool = Field(description="ถึงขั้นของผู้เรียกให้วินิจฉัย (ผู้บริหาร)")
    sign: bool = Field(description="ลงนามได้ (ที่หน้าเอกสารเท่านั้น)")
    dispatch: bool


class DocumentOut(Schema):
    id: int
    matter: int
    matter_number: str
    form: str
    form_title: str
    title: str
    status: str
    status_label: str
    version: int
    fields: dict[str, Any]
    steps: list[StepOut]
    current_step: StepOut | None
    doc_number: str = Field(description="ที่ของหนังสือเมื่อลงนามและออกเลขแล้ว")
    signed_name: str
    signed_at: dt.datetime | None
    dispatched_at: dt.datetime | None
    created_at: dt.datetime
    updated_at: dt.datetime
    actions: ActionsOut = Field(description="สิ่งที่ผู้เรียกทำได้ขณะนี้")
    pdf: str
    docx: str


# ---- the same rules as the pages ----------------------------------------------------------------

def _document(user, pk: int) -> Document:
    """404 alike for a document that does not exist and one whose matter the caller may not see."""
    try:
        return access.visible_document(user, pk)
    except Http404:
        raise HttpError(404, NOT_FOUND) from None


def _out(user, document: Document) -> dict:
    document = Document.objects.select_related("matter__office", "register_entry").get(pk=document.pk)
    steps = list(document.steps.order_by("round", "order"))
    can = access.actions(user, document)
    step = can["step"]
    base = f"/api/v1/documents/{document.pk}"
    return {
        "id": document.pk, "matter": document.matter_id, "matter_number": document.matter.number,
        "form": document.form, "form_title": get_form(document.form).title, "title": document.title,
        "status": document.status, "status_label": document.get_status_display(), "version": document.version,
        "fields": document.fields, "steps": steps, "current_step": step,
        "doc_number": document.register_entry.doc_number if document.register_entry_id else "",
        "signed_name": document.signed_name, "signed_at": document.signed_at,
        "dispatched_at": document.dispatched_at, "created_at": document.created_at,
        "updated_at": document.updated_at,
        "actions": {"edit": can["may_submit"], "submit": can["may_submit"],
                    "review": can["may_decide"] and step.role != Role.EXECUTIVE,
                    "decide": can["may_decide"] and step.role == Role.EXECUTIVE,
                    "sign": can["may_sign"], "dispatch": can["may_dispatch"]},
        "pdf": f"{base}/pdf", "docx": f"{base}/docx",
    }


def _invalid_fields(exc: FormError) -> ValidationError:
    return ValidationError([
        {"loc": ("body", "fields") if name in ("__all__", "fields") else ("body", "fields", name), "msg": message,
         "type": "prasan"}
        for name, message in exc.errors.items()])


def _checked(form: str, fields: dict) -> dict:
    try:
        return drafting.check_draft(form, fields)
    except FormError as exc:
        raise _invalid_fields(exc) from None


def _step(action):
    """Run one chain step; its refusal (wrong person 403, wrong moment 409, missing input 422) in Thai."""
    try:
        return action()
    except chain.ChainError as exc:
        raise HttpError(getattr(exc, "status", 409), str(exc)) from None


def _verdict(decision: str, comment: str) -> tuple[str, str]:
    """The executive's words as the chain's verdict: ทราบ/อนุมัติ/… (or their codes), else free text."""
    text = decision.strip()
    by_label = {label: code for code, label in chain.VERDICTS if code != "other"}
    codes = {code for code, _ in chain.VERDICTS if code != "other"}
    if text in by_label:
        return by_label[text], comment.strip()
    if text in codes:
        return text, comment.strip()
    return "other", "\n".join(part for part in (text, comment.strip()) if part)


# ---- routes -------------------------------------------------------------------------------------

@router.post("/matters/{matter_id}/documents", response={201: DocumentOut, **ERRORS},
             summary="เริ่มร่างเอกสารจากเรื่อง (ระบบกรอกช่องจากเรื่องให้ แล้วทับด้วย fields ที่ส่งมา)")
def create_document(request, matter_id: Id, payload: DocumentIn):
    user = request.auth
    matter = changeable_matter(user, matter_id)
    fields = _checked(payload.form, payload.fields)
    with transaction.atomic():
        document = drafting.start(matter, payload.form, by=user)
        if fields:
            document = drafting.save_version(document, {**document.fields, **fields}, by=user,
                                             note="ช่องที่ส่งมาทาง API")
    return Status(201, _out(user, document))


@router.get("/documents/{document_id}", response={200: DocumentOut, **READ_ERRORS}, summary="รายละเอียดเอกสาร")
def get_document(request, document_id: Id):
    return _out(request.auth, _document(request.auth, document_id))


@router.put("/documents/{document_id}", response={200: DocumentOut, **ERRORS},
            summary="บันทึกช่องของเอกสารเป็นฉบับใหม่ (เฉพาะร่างหรือที่ส่งกลับแก้ไข)")
def update_document(request, document_id: Id, payload: FieldsIn):
    user = request.auth
    document = _document(user, document_id)
    changeable_matter(user, document.matter_id)
    if not document.editable:
        raise HttpError(409, f"เอกสารนี้อยู่ในสถานะ “{document.get_status_display()}” แก้ไขไม่ได้")
    fields = _checked(document.form, payload.fields)
    try:
        document = drafting.save_version(document, fields, by=user, note=payload.note)
    except FormError as exc:  # submitted by someone else a moment ago
        raise HttpError(409, "; ".join(exc.errors.values())) from None
    return _out(user, document)


@router.post("/documents/{document_id}/submit", response={200: DocumentOut, **ERRORS},
             summary="เสนอตรวจ (ตรวจว่ากรอกครบตามแบบ แล้วเปิดรอบการตรวจเสนอใหม่)")
def submit_document(request, document_id: Id):
    user = request.auth
    document = _document(user, document_id)
    changeable_matter(user, document.matter_id)
    _step(lambda: chain.submit(document, by=user))
    return _out(user, document)


@router.post("/documents/{document_id}/review", response={200: DocumentOut, **ERRORS},
             summary="ตรวจเสนอ: ผ่านหรือส่งกลับแก้ไข (เฉพาะผู้ตรวจของขั้นปัจจุบัน)")
def review_document(request, document_id: Id, payload: ReviewIn):
    user = request.auth
    document = _document(user, document_id)
    step = document.current_step()
    approve = payload.decision == "approve"
    if approve and step is not None and step.role == Role.EXECUTIVE and chain.may_decide(user, step):
        raise HttpError(409, f"ขั้นนี้รอคำวินิจฉัยของผู้บริหาร ใช้ POST /api/v1/documents/{document.pk}/decide")
    _step(lambda: chain.decide(document, by=user, approve=approve, comment=payload.comment))
    return _out(user, document)


@router.post("/documents/{document_id}/decide", response={200: DocumentOut, **ERRORS},
             summary="เกษียนของผู้บริหาร (ทราบ อนุมัติ เห็นชอบ ไม่อนุมัติ หรือข้อความ) เป็นคำสั่งการของเรื่อง")
def decide_document(request, document_id: Id, payload: DecideIn):
    user = request.auth
    document = _document(user, document_id)
    step = document.current_step()
    if step is not None and step.role != Role.EXECUTIVE and chain.may_decide(user, step):
        raise HttpError(409, f"ขั้นนี้เป็นการตรวจเสนอ ยังไม่ถึงผู้บริหารวินิจฉัย ใช้ POST "
                             f"/api/v1/documents/{document.pk}/review")
    verdict, comment = _verdict(payload.decision, payload.comment)
    _step(lambda: chain.decide(document, by=user, approve=True, verdict=verdict, comment=comment))
    return _out(user, document)


FILE_DOC = {"pdf": "PDF (ฉบับลงนามเมื่อลงนามแล้ว มิฉะนั้นพิมพ์จากฉบับล่าสุด)", "docx": "DOCX (แก้ไขต่อใน Word ได้)"}


def _file(request, document_id: int, fmt: str):
    document = _document(request.auth, document_id)
    try:
        content, content_type, name = output.document_file(document, fmt)
    except FormError as exc:
        raise HttpError(409, "ยังพิมพ์ไม่ได้: " + "; ".join(exc.errors.values())) from None
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _binary(fmt: str) -> dict:
    return {"responses": {200: {"description": FILE_DOC[fmt], "content": {
        output.CONTENT_TYPES[fmt]: {"schema": {"type": "string", "format": "binary"}}}}}}


@router.get("/documents/{document_id}/pdf", response={401: ErrorOut, 404: ErrorOut, 409: ErrorOut},
            summary="ไฟล์ PDF ของเอกสาร", openapi_extra=_binary("pdf"))
def document_pdf(request, document_id: Id):
    return _file(request, document_id, "pdf")


@router.get("/documents/{document_id}/docx", response={401: ErrorOut, 404: ErrorOut, 409: ErrorOut},
            summary="ไฟล์ DOCX ของเอกสาร", openapi_extra=_binary("docx"))
def document_docx(request, document_id: Id):
    return _file(request, document_id, "docx")
