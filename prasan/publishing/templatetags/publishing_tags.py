""""เขียนข่าว" where the work is: on a done engagement of the minister's agenda, and "เผยแพร่บนเว็บไซต์" on a signed
announcement (with what was written from each so far)."""

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


@register.inclusion_tag("publishing/_document_news.html", takes_context=True)
def document_news(context, document):
    """"เผยแพร่บนเว็บไซต์" on a signed announcement (ประกาศ), with its posts so far."""
    from prasan.publishing import access
    from prasan.publishing.drafting import refusal_for_document
    from prasan.publishing.models import Post

    user = context["request"].user
    if document.form != "announcement" or not document.signed_at or not access.may_write(user):
        return {"shown": False}
    posts = list(Post.objects.filter(announcement_document=document).order_by("-created_at")[:5])
    return {"shown": True, "document": document, "refusal": refusal_for_document(document), "posts": posts,
            "drafted": any(post.status != "unpublished" for post in posts)}
