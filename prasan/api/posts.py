"""The office's public posts (news, press releases, announcements): the list and one post, writing a draft and moving
it through its workflow. Who may do what is prasan/publishing/access.py, the same as on the pages: writers (the
office's coordinators, group heads, head) see every post and write drafts; review, approval, scheduling, publishing
and withdrawal need the per-person permission "ตรวจและอนุมัติข่าวประชาสัมพันธ์"; anyone else with a token sees only
what the public site shows, and a post the public may not see is "not found" to them."""

import datetime as dt

from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status

from prasan.accounts.models import Role
from prasan.publishing import access, broadcast, editing, workflow
from prasan.publishing.models import Kind, Post
from prasan.publishing.models import Status as PostStatus
from prasan.publishing.public import public_posts

from .errors import invalid
from .schemas import (
    ERRORS,
    Id,
    In,
    PageOut,
    PageParams,
    Required,
    Text,
    UserRef,
    choice,
    label,
    paginate,
)

router = Router(tags=["posts"])
FILTER_NAMES = frozenset({"status", "kind", "limit", "offset", "page"})
SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


# ---- schemas ------------------------------------------------------------------------------------------------

class PostIn(In):
    kind: choice(Kind.values) = "news"
    title: Required(300)
    summary: Text(5000) = ""
    body_html: Text(200000) = Field("", description="HTML; ตัดสิ่งที่ไม่ปลอดภัยออกเมื่อบันทึก (หัวข้อ ย่อหน้า รายการ ลิงก์)")
    slug: str = Field("", max_length=120, pattern=r"^$|" + SLUG,
                      description="ชื่อในลิงก์: อักษรละตินตัวเล็ก ตัวเลข และขีด (ว่าง = ใช้เลขข่าว)")
    tags: list[Required(100)] = Field([], max_length=20, description="ป้ายกำกับ เช่น [\"การศึกษา\", \"ครู\"]")
    announcement_document: Id | None = Field(None, description="ประกาศที่ลงนามแล้ว (เอกสารแบบประกาศ ชั้นปกติ)")
    agenda_item: Id | None = Field(None, description="กำหนดการรัฐมนตรีที่เสร็จสิ้นแล้ว (ชั้นปกติ)")
    policy: Id | None = Field(None, description="นโยบายที่เกี่ยวข้อง (ชั้นปกติ)")
    broadcast_line: bool = Field(False, description="ส่งข่าวถึงผู้ติดตามบัญชี LINE ของสำนักงานเมื่อเผยแพร่")


class PostEventIn(In):
    event: choice(workflow.RULES) = Field(description="submit | send_back (ต้องมี note) | approve | schedule "
                                                      "(ต้องมี publish_at) | publish | unpublish (ต้องมี reason) "
                                                      "| redraft")
    note: Text(2000) = ""
    reason: Text(2000) = ""
    publish_at: dt.datetime | None = Field(None, description="เวลาเผยแพร่ (ISO 8601; ไม่ระบุเขตเวลา = เวลากรุงเทพฯ)")


class PostImageOut(Schema):
    id: int
    alt_text: str
    width: int
    height: int


class PostRowOut(Schema):
    id: int
    kind: str
    kind_label: str
    title: str
    slug: str
    status: str
    status_label: str
    publish_at: dt.datetime | None
    published_at: dt.datetime | None
    updated_at: dt.datetime
    public_url: str = Field(description="ที่อยู่บนเว็บไซต์สาธารณะ (ว่าง = ยังไม่เผยแพร่)")

    resolve_kind_label = label("kind")
    resolve_status_label = label("status")

    @staticmethod
    def resolve_public_url(obj) -> str:
        is_public = obj.status == PostStatus.PUBLISHED or (
            obj.status == PostStatus.SCHEDULED and obj.publish_at and obj.publish_at <= timezone.now())
        return broadcast.public_url(obj) if is_public else ""


class PostOut(PostRowOut):
    summary: str
    body_html: str = Field(description="เก็บแบบผ่านการตัดสิ่งไม่ปลอดภัยแล้ว ภาพในเนื้อหาเป็น <img data-image=\"ID\">")
    tags: list[str]
    images: list[PostImageOut]
    cover: int | None = Field(alias="cover_id")
    announcement_document: int | None = Field(alias="announcement_document_id")
    agenda_item: int | None = Field(alias="agenda_item_id")
    policy: int | None = Field(alias="policy_id")
    broadcast_line: bool
    line_broadcast_at: dt.datetime | None
    unpublished_at: dt.datetime | None
    unpublish_reason: str
    sources: list[dict] = Field(description="ข้อมูลที่ร่างนำมาจากงานของสำนักงาน และที่มา")
    created_by: UserRef | None
    reviewer: UserRef | None
    created_at: dt.datetime
    events: list[str] = Field(description="ขั้นตอนที่ผู้เรียกทำได้ตอนนี้")

    @staticmethod
    def resolve_tags(obj) -> list[str]:
        return [tag.name for tag in obj.tags.all()]

    @staticmethod
    def resolve_images(obj) -> list:
        return list(obj.images.all())

    @staticmethod
    def resolve_events(obj, context) -> list[str]:
        return [event for event, _ in workflow.allowed_events(obj, context["request"].auth)]


class PostPage(PageOut):
    items: list[PostRowOut]


class PostFilterParams(PageParams):
    status: choice(PostStatus.values) | None = Field(None, description="เฉพาะผู้เขียนข่าว; ผู้อื่นเห็นเฉพาะที่เผยแพร่แล้ว")
    kind: choice(Kind.values) | None = None


# ---- helpers ------------------------------------------------------------------------------------------------

def _detail(pk: int) -> Post:
    return (Post.objects.select_related("created_by", "reviewer")
            .prefetch_related("tags", "images").get(pk=pk))


def _visible(user, pk: int) -> Post:
    """A writer sees every post; anyone else only what the public may see now (else 404, as one that does not
    exist)."""
    posts = Post.objects.all() if access.may_write(user) else public_posts()
    found = posts.filter(pk=pk).values_list("pk", flat=True).first()
    if found is None:
        raise HttpError(404, "ไม่พบข่าวนี้")
    return _detail(found)


def _writer(user) -> None:
    if not access.may_write(user):
        raise HttpError(403, f"บทบาท “{Role(user.role).label}” เขียนข่าวประชาสัมพันธ์ไม่ได้ "
                             "(เป็นงานของเจ้าหน้าที่สำนักงานและผู้ตรวจข่าว)")


def _links(payload: PostIn) -> dict:
    """The related records, each only from what the post form offers (signed unmarked announcements, done
    engagements and policies of secrecy ปกติ): anything else is "not found", whether it exists or not."""
    offered = {"announcement_document": (editing.signed_announcements(), "ไม่พบประกาศที่ลงนามแล้วชั้นปกติรหัสนี้"),
               "agenda_item": (editing.related_agenda_items(), "ไม่พบกำหนดการที่เสร็จสิ้นแล้วชั้นปกติรหัสนี้"),
               "policy": (editing.related_policies(), "ไม่พบนโยบายชั้นปกติรหัสนี้")}
    links = {}
    for name, (choices, missing) in offered.items():
        pk = getattr(payload, name)
        if pk is None:
            links[name] = None
            continue
        links[name] = choices.filter(pk=pk).first()
        if links[name] is None:
            raise invalid(name, missing)
    if payload.kind == Kind.ANNOUNCEMENT and links["announcement_document"] is None and not payload.body_html.strip():
        raise invalid("announcement_document", "ประกาศต้องมีประกาศที่ลงนามแล้ว หรือข้อความประกาศ (body_html)")
    return links


# ---- routes -------------------------------------------------------------------------------------------------

@router.get("/posts", response={200: PostPage, **ERRORS},
            summary="ข่าวและประกาศ: ผู้เขียนข่าวเห็นทุกสถานะ ผู้อื่นเห็นเฉพาะที่เผยแพร่แล้ว (ใหม่ก่อน แบ่งหน้า)")
def list_posts(request, params: Query[PostFilterParams]):
    user = request.auth
    unknown = sorted(set(request.GET) - FILTER_NAMES)
    if unknown:
        raise invalid(unknown[0], "ไม่รู้จักตัวกรองนี้ (ดูรายชื่อตัวกรองที่ /api/v1/openapi.json)")
    if access.may_write(user):
        posts = Post.objects.order_by("-updated_at", "-id")
        if params.status:
            posts = posts.filter(status=params.status)
    elif params.status and params.status != PostStatus.PUBLISHED:
        raise HttpError(403, "ข่าวที่ยังไม่เผยแพร่ดูได้เฉพาะผู้เขียนและผู้ตรวจข่าว")
    else:
        posts = public_posts()
    if params.kind:
        posts = posts.filter(kind=params.kind)
    return paginate(posts, params)


@router.get("/posts/{post_id}", response={200: PostOut, **ERRORS},
            summary="ข่าวหนึ่งรายการ พร้อมภาพ ป้าย และขั้นตอนที่ผู้เรียกทำได้")
def get_post(request, post_id: Id):
    return _visible(request.auth, post_id)


@router.post("/posts", response={201: PostOut, **ERRORS}, summary="เขียนร่างข่าว (ผู้เขียนข่าว)",
             description="ภาพเพิ่มได้ที่หน้าแก้ไขข่าว (ต้องมีคำบรรยายภาพ)")
def create_post(request, payload: PostIn):
    user = request.auth
    _writer(user)
    data = {"kind": payload.kind, "title": payload.title.strip(), "summary": payload.summary,
            "body_html": payload.body_html, "slug": payload.slug, "broadcast_line": payload.broadcast_line,
            **_links(payload)}
    try:
        post = editing.save(None, data, by=user, tags_text=",".join(name.replace(",", " ") for name in payload.tags))
    except workflow.PublishingError as exc:
        raise HttpError(exc.status, str(exc)) from None
    return Status(201, _detail(post.pk))


@router.post("/posts/{post_id}/events", response={200: PostOut, **ERRORS},
             summary="ขั้นตอนของข่าว: เสนอตรวจ ส่งกลับแก้ไข อนุมัติ ตั้งเวลาเผยแพร่ เผยแพร่ทันที ถอนการเผยแพร่",
             description="ผู้เขียนข่าวเสนอตรวจได้; ขั้นอื่นต้องมีสิทธิ์ตรวจและอนุมัติข่าว (403). สถานะที่ทำขั้นนั้นไม่ได้ "
                         "ได้ 409; ขาดความเห็น เหตุผล เวลา หรือเนื้อหาได้ 422")
def fire_event(request, post_id: Id, payload: PostEventIn):
    user = request.auth
    _writer(user)
    post = _visible(user, post_id)
    publish_at = payload.publish_at
    if publish_at is not None:
        if not 1900 <= publish_at.year < 2400:
            raise invalid("publish_at", "ปีต้องเป็น ค.ศ. (เช่น 2026)")
        if timezone.is_naive(publish_at):
            publish_at = timezone.make_aware(publish_at)
    try:
        post = workflow.fire(post, payload.event, by=user, note=payload.note, reason=payload.reason,
                             publish_at=publish_at)
    except workflow.PublishingError as exc:
        raise HttpError(exc.status, str(exc)) from None
    if payload.event == "publish":
        broadcast.send_if_wanted(post)  # as the page does: once, if the post asked for it
    return Status(200, _detail(post.pk))
