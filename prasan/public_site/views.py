"""The public site's pages. No view here is shared with the office's internal pages, none needs an account,
and every post, photo and PDF is read through prasan.publishing.public — never from the models directly."""

import datetime as dt
import mimetypes

from django.http import FileResponse, HttpResponse, HttpResponseNotModified
from django.shortcuts import render
from django.views.decorators.http import require_safe

from prasan.directory.models import Office
from prasan.publishing import public

from . import search as post_search
from .cache import cached_page
from .pages import Month, card_for, months, page_of
from .sections import BY_KIND, BY_SLUG, SECTIONS

HOME_LATEST = {"news": 6, "press": 4, "announcements": 5}


def not_found_page(request, exception=None):
    return render(request, "public_site/404.html", status=404)  # no card: nothing to share or call canonical


@require_safe
@cached_page()
def home(request):
    latest = {s.slug: list(public.public_posts(kind=s.kind)[:HOME_LATEST[s.slug]]) for s in SECTIONS}
    office = Office.current()
    return render(request, "public_site/home.html", {
        "latest": [(s, latest[s.slug]) for s in SECTIONS], "months": months(12),
        "card": card_for(request, office.name, f"ข่าวกิจกรรมรัฐมนตรี ข่าวประชาสัมพันธ์ และประกาศของ{office.name}"),
    })


@require_safe
@cached_page("page")
def section(request, slug):
    found = BY_SLUG.get(slug)
    if found is None:
        return not_found_page(request)
    page = page_of(public.public_posts(kind=found.kind), request)
    return render(request, "public_site/list.html", {
        "heading": found.title, "lead": found.lead, "page": page, "section": found,
        "feed": f"{request.path}feed.atom", "card": card_for(request, found.title, found.lead)})


def _post(key):
    return public.public_post(key) if key.isdigit() else public.public_post_by_slug(key)


@require_safe
@cached_page()
def post(request, key):
    found = _post(key)
    if found is None:
        return not_found_page(request)
    gallery = [image for image in found.images.all() if image.pk != found.cover_id]
    return render(request, "public_site/post.html", {
        "post": found, "gallery": gallery, "section": BY_KIND.get(found.kind), "tags": list(found.tags.all()),
        "has_pdf": public.has_announcement_pdf(found),
        "card": card_for(request, found.title, post=found)})


@require_safe
@cached_page("page")
def tag(request, slug):
    posts = public.public_posts(tag=slug)
    first = posts.first()
    name = next((t.name for t in first.tags.all() if t.slug == slug), slug) if first else None
    if name is None:
        return not_found_page(request)
    heading = f"ป้าย “{name}”"
    return render(request, "public_site/list.html", {
        "heading": heading, "page": page_of(posts, request), "card": card_for(request, heading)})


@require_safe
@cached_page("page")
def month(request, year, number):
    try:
        day = dt.date(int(year), int(number), 1)
    except ValueError:
        return not_found_page(request)
    posts = public.public_posts(month=day)
    heading = f"ข่าวและประกาศเดือน{Month(day.year, day.month, 0).label}"
    return render(request, "public_site/list.html", {
        "heading": heading, "page": page_of(posts, request), "months": months(24),
        "card": card_for(request, heading)})


@require_safe
@cached_page("q", "page")
def search(request):
    raw = request.GET.get("q", "")
    context = {"q": raw[:200], "card": card_for(request, "ค้นหาข่าวและประกาศ")}
    if raw.strip():
        try:
            query, found = post_search.search(raw)
        except post_search.SearchError as error:
            context["error"] = str(error)
        else:
            context.update(page=page_of(found, request), terms=query.terms, searched=True)
    return render(request, "public_site/search.html", context, status=422 if "error" in context else 200)


@require_safe
@cached_page()
def contact(request):
    office = Office.current()
    return render(request, "public_site/contact.html", {
        "office": office, "card": card_for(request, f"ติดต่อ{office.name}", office.address)})


@require_safe
def image(request, pk):
    """A photo of a public post, and nothing else from the media folder."""
    found = public.public_image(pk)
    if found is None:
        return not_found_page(request)
    kind = mimetypes.guess_type(found.image.name)[0] or "application/octet-stream"
    if not kind.startswith("image/"):
        return not_found_page(request)
    # A photo never changes under its id (a new upload is a new photo): a browser holding it is told so, after
    # the check above, so a withdrawn post's photo is gone for it too.
    etag = f'"photo-{found.pk}-{found.width}x{found.height}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        response = FileResponse(found.image.open("rb"), content_type=kind)
    response["ETag"] = etag
    response["Cache-Control"] = "no-cache"  # withdrawn with its post at once, not after a browser's max-age
    return response


@require_safe
def announcement_pdf(request, key):
    found = _post(key)
    data = public.announcement_pdf_bytes(found) if found is not None else None
    if data is None:
        return not_found_page(request)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="announcement-{found.pk}.pdf"'
    response["Cache-Control"] = "no-cache"
    return response


def catch_all(request, rest=""):
    return not_found_page(request)


def server_error_page(request):
    return render(request, "public_site/500.html", status=500)
