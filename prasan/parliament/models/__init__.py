"""Parliament's calendar (sessions, sittings), the office's deadline rules, and the items the office works."""

from .items import Attendee, Delegation, Item, ItemQuerySet, StatusChange
from .rules import DeadlineRule
from .sessions import Session, Sitting

__all__ = ["Attendee", "DeadlineRule", "Delegation", "Item", "ItemQuerySet", "Session", "Sitting", "StatusChange"]
