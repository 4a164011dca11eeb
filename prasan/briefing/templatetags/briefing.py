"""The packs of a matter, on the matter's page (one line in matters/detail.html)."""

from django import template

register = template.Library()


@register.inclusion_tag("briefing/_matter_packs.html", takes_context=True)
def matter_packs(context, matter):
    """The matter's latest packs; the offer to start one goes with the page's own answer to "may change it"."""
    return {"matter": matter, "packs": matter.briefing_packs.order_by("-created_at", "-id")[:10],
            "may_create": context.get("can_edit", False)}
