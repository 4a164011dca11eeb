"""Search fixtures: things to find, of every kind."""

import pytest
from django.utils import timezone

from prasan.coordination.models import Activity
from prasan.correspondence.models import RegisterEntry
from prasan.search.query import SearchParams, search


@pytest.fixture
def find():
    """find(user, "คำค้น", **filters) -> (titles on the first page, Results)."""

    def run(user, q, **filters):
        results = search(user, SearchParams(q=q, **filters))
        return [hit.title for hit in results[0:20]], results

    return run


@pytest.fixture
def make_entry(office, users):
    def make(number, **fields):
        defaults = dict(office=office, register="incoming", year=2569, number=number, subject="ขอข้อมูล",
                        sender="สพฐ.", created_by=users["registrar"])
        defaults.update(fields)
        return RegisterEntry.objects.create(**defaults)

    return make


@pytest.fixture
def make_activity(users):
    def make(matter, summary, **fields):
        return Activity.objects.create(matter=matter, channel="phone", summary=summary, by=users["coordinator"],
                                       occurred_at=fields.pop("occurred_at", timezone.now()), **fields)

    return make
