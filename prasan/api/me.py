"""The caller's own view: what waits for them now (the same kinds as "รอดำเนินการ" on งานของฉัน)."""

import datetime as dt

from django.conf import settings
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from prasan.tracking.inbox import FIRST, LABELS, ORDER, ROLES, inbox_for, item_of, rows

from .schemas import ErrorOut, PageOut, PageParams, choice, paginate

router = Router(tags=["me"])


class InboxItemOut(Schema):
    type: str = Field(description=" | ".join(LABELS))
    label: str
    id: int = Field(description="รหัสของเอกสาร คำขอ หรือเรื่อง ตาม type")
    matter: int
    number: str = Field(description="เลขเรื่อง")
    title: str
    since: dt.datetime = Field(description="รอตั้งแต่")
    url: str = Field(description="หน้าที่ต้องไปดำเนินการ")
    document: int | None = Field(None, description="รหัสเอกสาร (ใช้กับ /api/v1/documents/{id}) เมื่อเป็นเรื่องของเอกสาร")

    @staticmethod
    def resolve_url(obj) -> str:
        return settings.BASE_URL + obj.url

    @staticmethod
    def resolve_document(obj) -> int | None:
        return obj.document.pk if obj.document is not None else None


class InboxKindOut(Schema):
    type: str
    label: str
    count: int = Field(description="จำนวนที่รออยู่ทั้งหมดของประเภทนี้")


class InboxOut(Schema):
    count: int = Field(description="จำนวนที่รออยู่ทั้งหมดทุกประเภท (อาจมากกว่าจำนวนใน items)")
    kinds: list[InboxKindOut] = Field(description="ทุกประเภทที่อาจรอผู้เรียก ตามลำดับ พร้อมจำนวน")
    items: list[InboxItemOut] = Field(description="ประเภทละไม่เกิน first รายการ ที่รอนานที่สุดก่อน")


class InboxParams(Schema):
    first: int = Field(FIRST, ge=1, le=100, description="จำนวนรายการต่อประเภท (1–100)")


class InboxPage(PageOut):
    items: list[InboxItemOut]


@router.get("/me/inbox", response={200: InboxOut, 401: ErrorOut},
            summary="รอดำเนินการ: สิ่งที่รอผู้เรียกอยู่ขณะนี้ (เอกสารรอตรวจ/วินิจฉัย/ลงนาม คำตอบของหน่วยงาน ฯลฯ)",
            description="จำนวนของทุกประเภท และรายการที่รอนานที่สุดประเภทละ first รายการ (ค่าเริ่มต้น "
                        f"{FIRST}) ดูรายการทั้งหมดของประเภทหนึ่งทีละหน้าที่ /api/v1/me/inbox/{{type}}")
def my_inbox(request, params: Query[InboxParams]):
    inbox = inbox_for(request.auth, first=params.first)
    return {"count": inbox.count, "items": inbox.items,
            "kinds": [{"type": s.type, "label": s.label, "count": s.count} for s in inbox.sections]}


@router.get("/me/inbox/{type}", response={200: InboxPage, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut},
            summary="รอดำเนินการประเภทหนึ่ง ทั้งหมด ทีละหน้า (รอนานที่สุดก่อน)",
            description="ประเภทที่บทบาทของผู้เรียกไม่มีวันได้รับ ตอบ 403")
def my_inbox_kind(request, type: choice(ORDER), params: Query[PageParams]):  # noqa: A002 — the item's field
    if request.auth.role not in ROLES[type]:
        raise HttpError(403, "งานประเภทนี้ไม่ได้รอผู้มีบทบาทของท่าน")
    page = paginate(rows(request.auth, type), params)
    page["items"] = [item_of(type, row) for row in page["items"]]
    return page
