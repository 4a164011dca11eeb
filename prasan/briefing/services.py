"""Starting a pack: it belongs to a matter the builder may change, and starts with the occasion's matters as its
first parts (each one the builder may see)."""

from __future__ import annotations

from django.db import transaction
from django.http import Http404

from prasan.audit.models import record
from prasan.matters.access import may_edit

from . import parts
from .models import Pack, Part


def create(*, by, owner, fields: dict, links: dict, matters) -> Pack:
    if not may_edit(by, owner):
        raise Http404
    with transaction.atomic():
        pack = Pack.objects.create(matter=owner, created_by=by, **fields, **links)
        record(by, "briefing.create", pack, matter=owner.number, title=pack.title)
        ordered = [owner, *[m for m in matters if m.pk != owner.pk]]
        for matter in ordered[:parts.MAX_PARTS]:
            parts.add(pack, Part.Kind.MATTER, matter.pk, by=by)
    return pack
