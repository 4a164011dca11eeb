"""The packs of a matter, on the matter's page (one line in matters/detail.html)."""

from django import template

register = template.Library()


@register.inclusion_tag("briefing/_matter_packs.html", takes_context=True)
def matter_packs(context, matter):
    """The matter's latest packs; the offer to start one goes with the page's own answer to "may change it"."""
    return {"matter": matter, "packs": matter.briefing_packs.order_by("-created_at", "-id")[:10],
            "may_create": context.get("can_edit", False)}


@register.inclusion_tag("briefing/_occasion_packs.html", takes_context=True)
def agenda_packs(context, item):
    """On an engagement's page of the minister's agenda: its packs, and the offer to start one (who may change its
    facilitation matter)."""
    from prasan.matters.access import may_edit, visible

    user = context["request"].user
    packs = visible(item.briefing_packs.select_related("matter"), user, path="matter__").order_by("-created_at")[:10]
    return {"packs": packs, "may_create": may_edit(user, item.matter), "query": f"agenda={item.pk}"}
