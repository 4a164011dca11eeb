"""`prasan bench`'s data: ten years of matters shaped like an office's, numbered as the app numbers them,
the same for the same seed, and a search index equal to the one `prasan reindex` builds."""

import datetime as dt
import io
import random
from collections import Counter

import pytest
from django.db import connection, transaction
from django.db.models import Count, F, Max, Min
from django.utils import timezone

from bench.generate import generate, state_for
from prasan.accounts.models import User
from prasan.coordination.models import Activity, AgencyRequest
from prasan.correspondence import numbering
from prasan.correspondence.models import RegisterCounter, RegisterEntry
from prasan.demo.build import load
from prasan.directory.models import Agency
from prasan.documents.models import Document
from prasan.matters.models import Matter, MatterCounter, Transition
from prasan.openwork import building as open_work
from prasan.search import index, schema
from prasan.search.models import SearchEntry
from prasan.search.query import SearchParams, search
from prasan.thai.dates import be_year

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.UTC)
COLUMNS = ["id", "kind", "object_id", "matter_id", "secrecy", "need_to_know", "owner_id", "state", "duty_type",
           "date", "title", "body"]


@pytest.fixture
def demo():
    """The office as `prasan bench` starts it: the demo's people, agencies and a few matters of its own."""
    return load(matter_count=8)


def run(demo, size, **options):
    office = demo["office"]
    return generate(office, list(office.units.all()), list(User.objects.all()), list(Agency.objects.all()), size,
                    **{"now": NOW, "stream": io.StringIO(), **options})


def text_indexes() -> set[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'search_searchentry'")
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE name IN ('search_fts', 'search_title_fts')")
        return {name for name, in cursor.fetchall()} & text_indexes_expected()


def text_indexes_expected() -> set[str]:
    return set(schema.PG_INDEXES if connection.vendor == "postgresql" else schema.SQLITE_TABLES)


def index_rows():
    return list(SearchEntry.objects.order_by("id").values_list(*COLUMNS))


@pytest.mark.django_db(transaction=True)  # as `prasan bench` runs it: committed, indexes built side by side
def test_the_generated_index_is_the_one_reindex_builds(demo):
    run(demo, 200)
    run(demo, 100)  # a second run adds to the first: its rows and the earlier ones, merged by date
    generated = index_rows()
    found = search(User.objects.get(username="head"), SearchParams(q="ครูผู้ช่วย")).count()

    assert text_indexes() == text_indexes_expected()

    index.rebuild()

    assert generated == index_rows()
    assert len(generated) > 4 * 300
    assert search(User.objects.get(username="head"), SearchParams(q="ครูผู้ช่วย")).count() == found > 0


def test_the_generated_open_work_is_what_the_assignments_say(demo):
    """The generator writes assignments in bulk (no signals) and fills the open-work table from its first new
    matter: the demo's rows and both runs' are all there, exactly."""
    run(demo, 150)
    run(demo, 50)
    found = open_work.differences()
    assert found.exact, (found.missing[:5], found.extra[:5])
    assert found.rows > 20


def test_old_matters_are_closed_and_recent_ones_mostly_open(demo):
    rng = random.Random(1)
    old = Counter(state_for(rng, 400) for _ in range(10000))
    recent = Counter(state_for(rng, 10) for _ in range(10000))
    assert 0.96 < old["closed"] / 10000 < 0.99 and 0.005 < old["cancelled"] / 10000 < 0.015
    assert recent["closed"] / 10000 < 0.15

    before = Matter.objects.aggregate(last=Max("id"))["last"]
    run(demo, 300)
    generated = Matter.objects.filter(id__gt=before)
    old_ones = generated.filter(created_at__lt=NOW - dt.timedelta(days=61))
    assert old_ones.filter(state="closed").count() > 0.9 * old_ones.count()
    assert not Matter.objects.filter(state="closed", closed_at__isnull=True).exists()
    assert not Matter.objects.filter(closed_at__isnull=False).exclude(state="closed").exists()
    assert not Matter.objects.filter(closed_at__lt=F("created_at")).exists()
    assert Matter.objects.filter(created_at__lt=NOW - dt.timedelta(days=9 * 365)).exists()
    assert 0 < Matter.objects.filter(secrecy__gt=0).count() < 30


def test_what_hangs_on_a_matter_follows_its_dates_and_state(demo):
    run(demo, 300)

    assert Transition.objects.filter(event="create").count() == Matter.objects.count()
    assert Transition.objects.filter(event="close").count() == Matter.objects.filter(state="closed").count()
    assert 1.5 < Activity.objects.count() / 300 < 2.8
    assert not Activity.objects.filter(occurred_at__lt=F("matter__created_at")).exists()
    assert 0.35 < AgencyRequest.objects.count() / 300 < 0.8
    assert not AgencyRequest.objects.filter(matter__state="closed").exclude(status="answered").exists()
    assert not AgencyRequest.objects.filter(status="answered", answered_at__isnull=True).exists()
    assert 0.15 < Document.objects.count() / 300 < 0.5
    signed = Document.objects.filter(status__in=["signed", "dispatched"])
    assert signed.exists() and not signed.filter(register_entry__isnull=True).exists()
    assert all(d.fields["doc_number"] == d.register_entry.doc_number for d in signed.select_related("register_entry"))
    incoming = RegisterEntry.objects.filter(register="incoming", matter__isnull=False)
    assert 0.35 < incoming.count() / 300 < 0.65


def test_numbers_follow_dates_and_the_app_continues_them(demo):
    office = demo["office"]
    run(demo, 300)

    for year in Matter.objects.values_list("year", flat=True).distinct():
        seqs = list(Matter.objects.filter(year=year).order_by("seq").values_list("seq", flat=True))
        assert seqs == list(range(1, len(seqs) + 1))
        assert MatterCounter.objects.get(office=office, year=year).value == len(seqs)
    for counter in RegisterCounter.objects.filter(office=office):
        entries = RegisterEntry.objects.filter(register=counter.register, year=counter.year)
        assert entries.aggregate(n=Count("id"), low=Min("number"), high=Max("number")) == \
            {"n": counter.value, "low": 1, "high": counter.value}
        by_date = list(entries.order_by("registered_at", "number").values_list("number", flat=True))
        assert by_date == sorted(by_date)
    year = be_year(timezone.localdate())
    last = MatterCounter.objects.get(office=office, year=year).value
    coordinator = User.objects.get(username="coordinator")
    matter = Matter.create(by=coordinator, office=office, title="เรื่องใหม่หลังสร้างข้อมูล", duty_type="other",
                           source="verbal_command", owner_unit=coordinator.unit)
    assert matter.seq == last + 1
    counter = RegisterCounter.objects.filter(office=office, register="incoming", year=year).first()
    entry = numbering.register_entry(office, "incoming", by=User.objects.get(username="registrar"), subject="ทดสอบ")
    assert entry.number == (counter.value if counter else 0) + 1
    assert SearchEntry.objects.filter(kind="matter", object_id=matter.pk).exists()


def test_the_same_seed_makes_the_same_data(demo):
    def made(seed):
        with transaction.atomic():
            run(demo, 60, seed=seed)
            rows = (list(Matter.objects.order_by("id").values_list("title", "state", "created_at", "closed_at")),
                    list(RegisterEntry.objects.order_by("id").values_list("doc_number", "subject", "number")),
                    index_rows())
            transaction.set_rollback(True)
        return rows

    assert made(3) == made(3)
    assert made(3)[0] != made(4)[0]


def test_queries_people_type_find_a_share_of_the_data_not_all_of_it(demo):
    run(demo, 300)
    head = User.objects.get(username="head")
    total = SearchEntry.objects.count()

    for q in ["ครูผู้ช่วย", "เชียงใหม่", "สพฐ.", "๐๔๐๑๒/"]:
        found = search(head, SearchParams(q=q)).count()
        assert 0 < found < 0.25 * total, q


def test_progress_is_shown_per_phase(demo):
    stream = io.StringIO()
    counts = run(demo, 40, stream=stream)

    shown = stream.getvalue()
    assert "40/40" in shown and "/วินาที" in shown and "ดัชนีคำ" in shown
    assert counts["matter"] == 40 and counts["search"] == SearchEntry.objects.count()


def test_parliament_items_come_in_the_offices_proportion_on_parliament_matters(demo):
    from prasan.parliament.choices import FINAL_STATUSES
    from prasan.parliament.models import Item, Session

    last = Item.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    run(demo, 3000)
    made = Item.objects.filter(pk__gt=last)  # the generator's, not the demo office's
    assert 0.01 * 3000 < made.count() < 0.04 * 3000  # near 2% of all matters
    assert not Item.objects.exclude(matter__duty_type="parliament").exists()
    # The office's mix: written questions a third of the items, bills a few. Some sixty items: bands, not an
    # order between near kinds, which a fair draw reverses now and then.
    kinds = Counter(made.values_list("kind", flat=True))
    assert 0.15 < kinds["written_question"] / made.count() < 0.6
    assert kinds["bill"] < kinds["written_question"]
    # Closed matters' items are finished; open ones are still being worked.
    assert not Item.objects.filter(matter__state="closed").exclude(status__in=FINAL_STATUSES).exists()
    assert Session.objects.count() > 15 and Item.objects.filter(session__isnull=False).exists()
