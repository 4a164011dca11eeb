"""Finding agencies, and the matters an agency has been involved in (only those the user may see)."""

from django.db.models import Exists, OuterRef, Q

from .models import Agency

MATTERS_ON_AGENCY_PAGE = 20


def search_agencies(*, q: str = "", parent: Agency | None = None, include_inactive: bool = False):
    agencies = Agency.objects.select_related("parent").order_by("name")
    if q:
        agencies = agencies.filter(Q(name__icontains=q) | Q(abbreviation__icontains=q))
    if parent is not None:
        agencies = agencies.filter(parent=parent)
    if not include_inactive:
        agencies = agencies.filter(active=True)
    return agencies


def parent_agencies():
    """Agencies that have agencies under them: the choices of the "สังกัด" filter."""
    return Agency.objects.filter(Exists(Agency.objects.filter(parent_id=OuterRef("pk")))).order_by("name")


def matters_involving(agency: Agency, user, limit: int = MATTERS_ON_AGENCY_PAGE):
    """The latest matters visible to `user` with a coordination activity or a request to this agency."""
    # The directory is a shared layer; the matters and coordination apps are imported only here.
    from prasan.coordination.models import Activity, AgencyRequest
    from prasan.matters.models import Matter

    involved = Exists(Activity.objects.filter(matter_id=OuterRef("pk"), agency=agency)) | Exists(
        AgencyRequest.objects.filter(matter_id=OuterRef("pk"), agency=agency)
    )
    return list(
        Matter.objects.visible_to(user).filter(involved).select_related("office")
        .prefetch_related("assignees").order_by("-created_at", "-id")[:limit]
    )
