"""The caller's own view: what waits for them now (the same list as "รอดำเนินการ" on งานของฉัน)."""

import datetime as dt

from django.conf import settings
from ninja import Field, Router, Schema

from prasan.tracking.inbox import LABELS, inbox_for

from .schemas import ErrorOut

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


class InboxOut(Schema):
    count: int
    items: list[InboxItemOut]


@router.get("/me/inbox", response={200: InboxOut, 401: ErrorOut},
            summary="รอดำเนินการ: สิ่งที่รอผู้เรียกอยู่ขณะนี้ (เอกสารรอตรวจ/วินิจฉัย/ลงนาม คำตอบของหน่วยงาน ฯลฯ)")
def my_inbox(request):
    items = inbox_for(request.auth)
    return {"count": len(items), "items": items}
