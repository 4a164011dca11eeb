"""The office's pages for its public posts: the list, writing and editing (with photos), the review steps, the
versions, and "เขียนข่าว" from a closed matter or a done engagement. Rules live in access/workflow/editing."""

import mimetypes

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from prasan.matters.access import visible_matter
from prasan.matters.paging import BoundedPaginator

from . import access, broadcast, drafting, editing, sanitise, workflow
from .forms import ActionForm, ImageForm, PostForm
from .models import Kind, Post, PostImage, PostVersion, Status
from .public import public_body_html

PAGE_SIZE = 25


def _writer(request):
    if not access.may_write(request.user):
        raise PermissionDenied("ข่าวประชาสัมพันธ์เป็นงานของเจ้าหน้าที่สำนักงานและผู้ตรวจข่าว")


def _post(pk) -> Post:
    return get_object_or_404(Post.objects.select_related("created_by", "reviewer", "cover", "source_matter__office",
                                                         "announcement_document__matter", "agenda_item", "policy__matter"), pk=pk)


def _refused(request, post, exc: workflow.PublishingError):
    if isinstance(exc, workflow.NotPermitted):
        raise PermissionDenied(str(exc))
    messages.error(request, str(exc))
    return redirect("post-detail", post.pk)


@login_required
def post_list(request):
    _writer(request)
    status, kind = request.GET.get("status", ""), request.GET.get("kind", "")
    posts = (Post.objects.select_related("created_by", "cover").annotate(image_count=Count("images"))
             .order_by("-updated_at", "-id"))
    if status in Status.values:
        posts = posts.filter(status=status)
    if kind in Kind.values:
        posts = posts.filter(kind=kind)
    page = BoundedPaginator(posts, PAGE_SIZE).get_page(request.GET.get("page"))
    query = "&".join(f"{k}={v}" for k, v in (("status", status), ("kind", kind)) if v)
    return render(request, "publishing/list.html", {
        "page": page, "status": status, "kind": kind, "statuses": Status.choices, "kinds": Kind.choices,
        "querystring": query, "may_review": access.may_review(request.user),
        "public_site": broadcast.public_address(),
        "waiting": Post.objects.filter(status=Status.REVIEW).count() if access.may_review(request.user) else 0,
    })


@login_required
def post_new(request):
    _writer(request)
    form = PostForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            post = editing.save(None, _typed(request, form), by=request.user,
                                tags_text=form.cleaned_data["tags_text"])
        except workflow.PublishingError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "บันทึกร่างข่าวแล้ว เพิ่มภาพได้ด้านล่าง")
            return redirect("post-edit", post.pk)
    return render(request, "publishing/form.html", {"form": form, "post": None,
                                                    "editor_html": _editor_html(request, None)})


def _typed(request, form) -> dict:
    """The form's values; the body only when the editor sent it (a form posted without the editor's script
    carries no body, and the stored one is kept)."""
    data = dict(form.cleaned_data)
    if "body_present" not in request.POST:
        data.pop("body_html", None)
    return data


def _editor_html(request, post):
    """What the editor area shows: the stored body, or what was just typed when the form comes back."""
    if request.method == "POST" and "body_present" in request.POST:
        typed = sanitise.clean(request.POST.get("body_html", ""))
        return mark_safe(_body(Post(pk=post.pk, body_html=typed)) if post else typed)  # noqa: S308 — sanitised
    return mark_safe(_body(post)) if post else ""  # noqa: S308 — stored sanitised


@login_required
def post_edit(request, pk):
    _writer(request)
    post = _post(pk)
    if not access.may_edit(request.user, post):
        raise PermissionDenied("ข่าวในสถานะนี้แก้ไขได้เฉพาะผู้ตรวจข่าว")
    tags = ", ".join(tag.name for tag in post.tags.all())
    form = PostForm(request.POST or None, instance=Post.objects.get(pk=post.pk), tags_initial=tags)
    if request.method == "POST" and form.is_valid():
        try:
            editing.save(post, _typed(request, form), by=request.user, tags_text=form.cleaned_data["tags_text"])
        except workflow.PublishingError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "บันทึกแล้ว (เก็บเป็นฉบับใหม่)")
            return redirect("post-detail", post.pk)
    return render(request, "publishing/form.html", {
        "form": form, "post": post, "images": post.images.all(), "image_form": ImageForm(),
        "editor_html": _editor_html(request, post)})


def _body(post: Post) -> str:
    return public_body_html(post, lambda pk: reverse("post-image", args=[post.pk, pk]))


@login_required
def post_detail(request, pk):
    _writer(request)
    post = _post(pk)
    source_matter = post.source_matter
    if source_matter is not None and not _sees(request.user, source_matter):
        source_matter = None
    return render(request, "publishing/detail.html", {
        "post": post, "body": mark_safe(_body(post)),  # noqa: S308 — sanitised on save (sanitise.clean)
        "images": post.images.all(), "tags": post.tags.all(),
        "versions": post.versions.select_related("created_by")[:50],
        "events": workflow.allowed_events(post, request.user), "action_form": ActionForm(),
        "may_edit": access.may_edit(request.user, post), "source_matter": source_matter,
        "announcement_seen": post.announcement_document_id is not None
        and _sees(request.user, post.announcement_document.matter),
        "public_url": broadcast.public_url(post) if post.status in workflow.PUBLIC_STATES else "",
        "may_rebroadcast": access.may_review(request.user) and post.status == Status.PUBLISHED
        and post.broadcast_line and post.line_broadcast_at is None,
    })


def _sees(user, matter) -> bool:
    from prasan.matters.access import may_see

    return may_see(user, matter)


@login_required
@require_POST
def post_action(request, pk, event):
    _writer(request)
    post = _post(pk)
    form = ActionForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("post-detail", post.pk)
    try:
        post = workflow.fire(post, event, by=request.user, note=form.cleaned_data["note"],
                             reason=form.cleaned_data["reason"], publish_at=form.cleaned_data["publish_at"])
    except workflow.PublishingError as exc:
        return _refused(request, post, exc)
    messages.success(request, f"{workflow.RULES[event].label}แล้ว")
    if event == "publish":
        sent, detail = broadcast.send_if_wanted(post)
        if detail:
            (messages.success if sent else messages.error)(request, detail)
    return redirect("post-detail", post.pk)


@login_required
@require_POST
def post_rebroadcast(request, pk):
    post = _post(pk)
    if not access.may_review(request.user):
        raise PermissionDenied("ส่ง LINE ได้เฉพาะผู้ตรวจข่าว")
    sent, detail = broadcast.send_if_wanted(post)
    (messages.success if sent else messages.error)(request, detail or "ข่าวนี้ส่ง LINE แล้ว หรือไม่ได้ขอให้ส่ง")
    return redirect("post-detail", post.pk)


@login_required
@require_POST
def image_add(request, pk):
    _writer(request)
    post = _post(pk)
    if not access.may_edit(request.user, post):
        raise PermissionDenied("ข่าวในสถานะนี้แก้ไขได้เฉพาะผู้ตรวจข่าว")
    form = ImageForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "เพิ่มภาพไม่ได้: " + " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("post-edit", post.pk)
    upload = form.cleaned_data["image"]
    try:
        editing.add_image(post, upload.read(), form.cleaned_data["alt_text"], by=request.user,
                          as_cover=form.cleaned_data["as_cover"])
    except workflow.PublishingError as exc:
        messages.error(request, f"เพิ่มภาพไม่ได้: {exc}")
    else:
        messages.success(request, "เพิ่มภาพแล้ว (ย่อขนาดและลบพิกัดตำแหน่งที่ถ่ายออกแล้ว)")
    return redirect("post-edit", post.pk)


@login_required
@require_POST
def image_change(request, pk, image_pk, what):
    _writer(request)
    post = _post(pk)
    if not access.may_edit(request.user, post):
        raise PermissionDenied("ข่าวในสถานะนี้แก้ไขได้เฉพาะผู้ตรวจข่าว")
    image = get_object_or_404(PostImage, pk=image_pk, post=post)
    if what == "remove":
        editing.remove_image(post, image, by=request.user)
        messages.success(request, "นำภาพออกแล้ว")
    else:
        editing.set_cover(post, image, by=request.user)
        messages.success(request, "ตั้งเป็นภาพปกแล้ว")
    return redirect("post-edit", post.pk)


@login_required
def image_file(request, pk, image_pk):
    """A post's photo on the office's own pages (drafts too); the public site serves public ones itself."""
    _writer(request)
    image = get_object_or_404(PostImage, pk=image_pk, post_id=pk)
    kind = mimetypes.guess_type(image.image.name)[0] or "application/octet-stream"
    response = FileResponse(image.image.open("rb"), content_type=kind)
    response["Cache-Control"] = "private, max-age=300"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def version_detail(request, pk, number):
    _writer(request)
    post = _post(pk)
    version = get_object_or_404(PostVersion.objects.select_related("created_by"), post=post, number=number)
    return render(request, "publishing/version.html", {
        "post": post, "version": version,
        # The version's body as it was stored (sanitised then); photos removed since are left out.
        "body": mark_safe(_body(Post(pk=post.pk, body_html=version.body_html))),  # noqa: S308
    })


@login_required
@require_POST
def from_matter(request, matter_pk):
    _writer(request)
    matter = visible_matter(request.user, matter_pk)  # 404 past need to know, as everywhere
    try:
        post = drafting.from_matter(matter, by=request.user)
    except drafting.NotASource as exc:
        messages.error(request, str(exc))
        return redirect("matter-detail", matter.pk)
    messages.success(request, "สร้างร่างข่าวจากเรื่องแล้ว ตรวจดูข้อมูลที่นำมาและเรียบเรียงก่อนเสนอตรวจ")
    return redirect("post-edit", post.pk)


@login_required
@require_POST
def from_agenda_item(request, item_pk):
    _writer(request)
    from prasan.agenda.access import visible_item

    item = visible_item(request.user, item_pk)
    try:
        post = drafting.from_agenda_item(item, by=request.user)
    except drafting.NotASource as exc:
        messages.error(request, str(exc))
        try:
            return redirect(item)
        except NoReverseMatch:  # the agenda's own pages are not installed
            return redirect("post-list")
    messages.success(request, "สร้างร่างข่าวจากกำหนดการแล้ว ตรวจดูข้อมูลที่นำมาและเรียบเรียงก่อนเสนอตรวจ")
    return redirect("post-edit", post.pk)


@login_required
@require_POST
def from_document(request, document_pk):
    """"เผยแพร่บนเว็บไซต์" on a signed announcement: its post, drafted once (a second press finds the first)."""
    _writer(request)
    from prasan.documents.access import visible_document

    document = visible_document(request.user, document_pk)  # 404 past need to know, as on its own page
    existing = Post.objects.filter(announcement_document=document).exclude(status=Status.UNPUBLISHED).first()
    if existing is not None:
        messages.info(request, "ประกาศนี้มีร่างข่าวอยู่แล้ว")
        return redirect("post-detail", existing.pk)
    try:
        post = drafting.from_announcement(document, by=request.user)
    except drafting.NotASource as exc:
        messages.error(request, str(exc))
        return redirect("document-detail", document.pk)
    messages.success(request, "สร้างร่างประกาศเผยแพร่แล้ว (ไฟล์ PDF ที่ลงนามและข้อความประกาศ) ตรวจดูแล้วเสนอตรวจ")
    return redirect("post-detail", post.pk)
