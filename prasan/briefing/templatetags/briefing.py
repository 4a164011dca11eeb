"""The packs of a matter, on the matter's page (one line in matters/detail.html)."""

from django import template

from prasan.briefing.building import may_build

register = template.Library()


@register.inclusion_tag("briefing/_matter_packs.html", takes_context=True)
def matter_packs(context, matter):
    user = context["request"].user
    packs = matter.briefing_packs.order_by("-created_at", "-id")[:10]
    from prasan.matters.access import may_edit

    return {"matter": matter, "packs": packs, "may_create": may_edit(user, matter), "may_build": may_build}
