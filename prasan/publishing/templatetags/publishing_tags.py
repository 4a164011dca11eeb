""""เขียนข่าว" where the work is: on a done engagement of the minister's agenda (and its news written so far)."""

from django import template

register = template.Library()


@register.inclusion_tag("publishing/_agenda_news.html", takes_context=True)
def agenda_news(context, item):
    from prasan.publishing import access
    from prasan.publishing.drafting import refusal_for_agenda_item
    from prasan.publishing.models import Post

    user = context["request"].user
    if not access.may_write(user):
        return {"shown": False}
    return {"shown": True, "item": item, "refusal": refusal_for_agenda_item(item),
            "posts": Post.objects.filter(agenda_item=item).order_by("-created_at")[:5]}
