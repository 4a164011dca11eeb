"""My-work as its heaviest user sees it: the page and the header's badge for the person given the most matters over
the years (what my-work used to grow with), in wall time and in CPU per request, beside the floor."""

from django.db.models import Count
from django.test import Client

from prasan.accounts.models import User
from prasan.matters.choices import OPEN_STATES
from prasan.matters.models import Matter

from .scenarios import FLOOR, time_get, with_multiples

PAGES = {FLOOR: "/signed-in/", "my_work_busiest": "/my-work/", "inbox_badge_busiest": "/my-work/inbox-badge/"}


def busiest() -> tuple[User, int, int]:
    """The person with the most assignments, how many they have and how many of those are open."""
    through = Matter.assignees.through.objects
    top = through.values("user_id").annotate(n=Count("id")).order_by("-n").first()
    user = User.objects.get(pk=top["user_id"])
    open_ = through.filter(user_id=user.pk, matter__state__in=OPEN_STATES).count()
    return user, top["n"], open_


def scenarios(reps: int = 40) -> dict:
    user, assignments, open_ = busiest()
    client = Client()
    client.force_login(user)
    results = {name: {**time_get(client, [url] * reps, cpu=True), "user": user.username,
                      "assignments": assignments, "open": open_} for name, url in PAGES.items()}
    with_multiples(results)
    return results
