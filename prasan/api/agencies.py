"""The agency directory: who the office coordinates with, and their liaison officers."""

from django.db.models import Q
from ninja import Field, Query, Router, Schema

from prasan.directory.models import Agency

from .schemas import ErrorOut, PageOut, PageParams, Text, paginate

router = Router(tags=["directory"])


class ContactOut(Schema):
    id: int
    name: str
    position: str
    phone: str
    email: str
    line_id: str
    is_liaison: bool


class AgencyOut(Schema):
    id: int
    name: str
    abbreviation: str
    parent: int | None
    phone: str
    fax: str
    email: str
    line_id: str
    address: str
    active: bool
    contacts: list[ContactOut]

    @staticmethod
    def resolve_parent(obj) -> int | None:
        return obj.parent_id

    @staticmethod
    def resolve_contacts(obj) -> list:
        return list(obj.contacts.all())


class AgencyParams(PageParams):
    q: Text(200) = Field("", description="ค้นจากชื่อหรืออักษรย่อ")
    include_inactive: bool = Field(False, description="รวมหน่วยงานที่เลิกใช้แล้ว")


class AgencyPage(PageOut):
    items: list[AgencyOut]


@router.get("/agencies", response={200: AgencyPage, 401: ErrorOut, 422: ErrorOut}, summary="ทำเนียบหน่วยงาน")
def list_agencies(request, params: Query[AgencyParams]):
    qs = Agency.objects.all() if params.include_inactive else Agency.objects.filter(active=True)
    q = params.q.strip()
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(abbreviation__icontains=q))
    return paginate(qs.order_by("name", "id").prefetch_related("contacts"), params)
