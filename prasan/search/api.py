"""GET /api/v1/search — the search page's results as JSON (imported by prasan/api/main.py, which it joins)."""

import datetime as dt

from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from prasan.api.main import api
from prasan.api.schemas import Date, ErrorOut, Required, choice
from prasan.matters.choices import DutyType, State

from .models import Kind
from .query import COUNT_LIMIT, MAX_QUERY, PER_PAGE, SearchError, SearchParams, search

router = Router(tags=["search"])


class SearchQuery(Schema):
    q: Required(MAX_QUERY) = Field(..., description="คำค้น (ไทย/อังกฤษ เลขไทยหรือเลขอารบิกก็ได้)")
    kind: choice(Kind.values) | None = None
    state: choice(State.values) | None = None
    duty_type: choice(DutyType.values) | None = None
    date_from: Date | None = None
    date_to: Date | None = None
    page: int = Field(1, ge=1, le=COUNT_LIMIT // PER_PAGE, description=f"หน้าที่ ({PER_PAGE} รายการต่อหน้า)")


class HitOut(Schema):
    type: str = Field(..., description="ชนิด: " + ", ".join(f"{k} = {label}" for k, label in Kind.choices))
    id: int = Field(..., description="id ของสิ่งนั้น (เรื่อง บันทึก ทะเบียน …) ไม่ใช่ของดัชนี")
    reference: str
    title: str
    snippet: str = Field(..., description="HTML: ข้อความถูก escape แล้ว คำที่ตรงอยู่ใน <mark>")
    url: str
    date: dt.datetime


class SearchOut(Schema):
    count: int = Field(..., description=f"จำนวนที่พบ (นับถึง {COUNT_LIMIT} — ถ้าเกิน more เป็น true)")
    more: bool
    notice: str
    page: int
    results: list[HitOut]


@router.get("/search", response={200: SearchOut, 401: ErrorOut, 422: ErrorOut}, summary="ค้นหาทุกอย่างที่ท่านมีสิทธิ์เห็น")
def search_everything(request, params: Query[SearchQuery]):
    if params.date_from and params.date_to and params.date_from > params.date_to:
        raise HttpError(422, "date_to ต้องไม่ก่อน date_from")
    try:
        results = search(request.auth, SearchParams(
            q=params.q, kind=params.kind or "", state=params.state or "", duty_type=params.duty_type or "",
            date_from=params.date_from, date_to=params.date_to))
    except SearchError as exc:
        raise HttpError(422, str(exc)) from None
    offset = (params.page - 1) * PER_PAGE
    hits = results[offset:offset + PER_PAGE]
    return {
        "count": results.count(), "more": results.capped, "notice": results.notice, "page": params.page,
        "results": [{"type": h.kind, "id": h.object_id, "reference": h.reference, "title": h.title,
                     "snippet": str(h.snippet), "url": h.url, "date": h.date} for h in hits],
    }


api.add_router("/", router)
