"""One kind of what waits for me (รอดำเนินการ), all of it: the inbox on งานของฉัน shows the oldest few of each."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render

from prasan.documents.chain import VERDICTS
from prasan.matters.paging import BoundedPaginator

from .inbox import LABELS, ROLES, item_of, rows

PAGE_SIZE = 25


@login_required
def inbox_kind(request, kind):
    if kind not in LABELS:
        raise Http404
    if request.user.role not in ROLES[kind]:
        raise PermissionDenied("งานประเภทนี้ไม่ได้รอผู้มีบทบาทของท่าน")
    page = BoundedPaginator(rows(request.user, kind), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "tracking/inbox_kind.html", {
        "kind": kind, "label": LABELS[kind], "page": page, "items": [item_of(kind, row) for row in page],
        "verdicts": VERDICTS,
    })
