"""A pack is seen through its matter (the same 404 as a matter one may not see, a secret one's read audited) and
put together by who may change that matter; its parts answer for themselves (parts.refused)."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from prasan.matters.access import visible_matter

from .building import may_build
from .models import Pack


def visible_pack(user, pk) -> Pack:
    pack = get_object_or_404(Pack.objects.select_related("matter", "built_by"), pk=pk)
    pack.matter = visible_matter(user, pack.matter_id)
    return pack


def buildable_pack(user, pk) -> Pack:
    pack = visible_pack(user, pk)
    if not may_build(user, pack):
        raise Http404
    return pack
