"""Template context every page needs: the office's name."""

from prasan.directory.models import Office


def office(request):
    cached = getattr(request, "_prasan_office", None)
    if cached is None and request.user.is_authenticated:
        cached = Office.objects.order_by("id").first()
        request._prasan_office = cached
    return {"office": cached}
