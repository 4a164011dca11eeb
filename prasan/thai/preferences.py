"""Which digits the office prints — Thai (๒๕๖๙) or Arabic (2569) — on screens and in documents.

The setting lives on directory.Office; template filters call screen_thai_digits() for every date
they show, so the answer is kept for a short while instead of read per row. Saving an office updates
it in this process; other server processes pick the change up within TTL_SECONDS.
"""

import time

from django.db.models.signals import post_save

TTL_SECONDS = 30
_cached: dict = {}


def _office_digits() -> tuple[str, str]:
    now = time.monotonic()
    if _cached.get("until", 0) > now:
        return _cached["value"]
    from prasan.directory.models import Office

    row = Office.objects.order_by("id").values_list("id", "screen_digits", "document_digits").first()
    pk, value = (row[0], row[1:]) if row else (None, ("arabic", "thai"))
    _cached.update(pk=pk, value=value, until=now + TTL_SECONDS)
    return value


def screen_thai_digits() -> bool:
    """Dates and times on pages, tables and spreadsheets in Thai digits?"""
    return _office_digits()[0] == "thai"


def document_digits() -> str:
    """What Printer prints in official documents: "thai" or "arabic"."""
    return _office_digits()[1]


def clear() -> None:
    _cached.clear()


def assume(screen: str = "arabic", documents: str = "thai") -> None:
    """Take these as the office's setting without asking the database (tests: the defaults, so counted
    queries stay the same; saving an Office replaces them)."""
    _cached.update(pk=None, value=(screen, documents), until=float("inf"))


def _saved(sender, instance, **_kwargs) -> None:
    # The office just saved is the one whose setting counts when it is the first (or nothing is known);
    # another tenant's office leaves the cached answer alone.
    if _cached.get("pk") in (None, instance.pk) or instance.pk < _cached["pk"]:
        _cached.update(pk=instance.pk, value=(instance.screen_digits, instance.document_digits),
                       until=time.monotonic() + TTL_SECONDS)


post_save.connect(_saved, sender="directory.Office", dispatch_uid="prasan.thai.preferences.saved")
