"""Cabinet meetings and the agenda items on them that concern the ministry."""

from .agenda import AgendaItem, AgendaItemQuerySet
from .meetings import Meeting

__all__ = ["AgendaItem", "AgendaItemQuerySet", "Meeting"]
