"""`{% load complaints %}{% if user|sees_complainants %}`: the permission's one rule (masking), in templates."""

from django import template

from prasan.complaints.masking import may_see_complainant

register = template.Library()


@register.filter
def sees_complainants(user) -> bool:
    return may_see_complainant(user)
