"""Synthetic matters at scale, with their transitions, activities, requests and register entries.

Rows are bulk-inserted in batches; Thai titles come from a varied vocabulary of agencies and topics.
"""

import datetime as dt
import random
import sys
import time

from django.db import connection, transaction
from django.utils import timezone

from prasan.coordination.models import Activity, AgencyRequest
from prasan.correspondence.models import Register, RegisterCounter, RegisterEntry
from prasan.matters.choices import State
from prasan.matters.models import Matter, MatterCounter, Transition
from prasan.thai.dates import be_year

TOPICS = ["ครูผู้ช่วย", "อาหารกลางวันนักเรียน", "ทุนการศึกษา", "อาคารเรียน", "หลักสูตรแกนกลาง", "โรงเรียนขนาดเล็ก",
          "การสอบ O-NET", "หนี้สินครู", "อาชีวศึกษาทวิภาคี", "แท็บเล็ตเพื่อการเรียนรู้", "เด็กหลุดออกจากระบบ",
          "การย้ายข้าราชการครู", "งบประมาณซ่อมแซม", "ลูกเสือ", "การศึกษานอกระบบ", "ภาษาอังกฤษ", "STEM", "โค้ดดิ้ง"]
ACTIONS = ["ขอข้อมูล", "ติดตามผล", "วิเคราะห์", "ชี้แจงกระทู้", "ร้องเรียน", "ประสานการประชุม", "เตรียมประเด็น",
           "ตรวจสอบข้อเท็จจริง", "สรุปผล", "เสนอความเห็น"]
PLACES = ["เชียงใหม่", "ขอนแก่น", "สงขลา", "นครราชสีมา", "อุบลราชธานี", "น่าน", "ยะลา", "ตาก", "ชัยภูมิ", "กรุงเทพมหานคร",
          "ภูเก็ต", "ลำปาง", "สุรินทร์", "พิษณุโลก", "ระยอง"]
OPEN_STATES = [State.RECEIVED, State.PLANNING, State.COORDINATING, State.AWAITING_AGENCIES, State.DRAFTING,
               State.IN_REVIEW, State.WITH_MINISTER, State.FOLLOWING_UP]
SPAN_DAYS = 3650  # ten years of an office's work: tens of thousands of matters a year at a million


def state_for(rng: random.Random, age_days: int) -> str:
    """Old matters are almost all closed; the last two months' are mostly still being worked on."""
    if age_days > 60:
        roll = rng.random()
        return State.CLOSED if roll < 0.975 else State.CANCELLED if roll < 0.985 else rng.choice(OPEN_STATES)
    return State.CLOSED if rng.random() < age_days / 120 else rng.choice(OPEN_STATES)
DUTIES = ["analysis", "political_support", "parliament", "policy_followup", "complaint", "other"]
URGENCIES = ["normal", "normal", "normal", "urgent", "very_urgent", "most_urgent"]


def progress(label: str, done: int, total: int, started: float) -> None:
    rate = done / max(time.perf_counter() - started, 1e-6)
    width = 30
    filled = int(width * done / max(total, 1))
    sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,} ({rate:,.0f}/s)")
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def generate(office, units, users, agencies, size: int, batch: int = 5000, seed: int = 1) -> None:
    rng = random.Random(seed)
    now = timezone.now()
    year = be_year(timezone.localdate())
    start_seq = MatterCounter.objects.filter(office=office, year=year).values_list("value", flat=True).first() or 0
    coordinators = [u for u in users if u.role == "coordinator"] or users
    started = time.perf_counter()
    done = 0
    through = Matter.assignees.through
    while done < size:
        n = min(batch, size - done)
        with transaction.atomic():
            matters = []
            for i in range(n):
                seq = start_seq + done + i + 1
                created = now - dt.timedelta(minutes=rng.randint(0, 60 * 24 * SPAN_DAYS))
                state = state_for(rng, (now - created).days)
                closed_at = (min(now, created + dt.timedelta(hours=rng.randint(2, 24 * 45)))
                             if state == State.CLOSED else None)
                due = created.date() + dt.timedelta(days=rng.randint(2, 40))
                title = (f"{rng.choice(ACTIONS)}เรื่อง{rng.choice(TOPICS)} ของ{rng.choice(agencies).abbreviation or 'สพฐ.'}"
                         f" จังหวัด{rng.choice(PLACES)} ครั้งที่ {rng.randint(1, 999)}")
                matters.append(Matter(
                    office=office, year=year, seq=seq, title=title, duty_type=rng.choice(DUTIES),
                    source="verbal_command", urgency=rng.choice(URGENCIES),
                    secrecy=1 if rng.random() < 0.03 else 0, owner_unit=rng.choice(units), state=state,
                    external_deadline=due, internal_deadline=due - dt.timedelta(days=1), created_at=created,
                    closed_at=closed_at,
                    kind="facilitation" if rng.random() < 0.2 else "substantive",
                ))
            Matter.objects.bulk_create(matters, batch_size=1000)
            if connection.vendor == "sqlite" or matters[0].pk is None:
                ids = list(Matter.objects.filter(office=office, year=year, seq__gt=start_seq + done,
                                                 seq__lte=start_seq + done + n).order_by("seq").values_list("id", flat=True))
            else:
                ids = [m.pk for m in matters]
            through.objects.bulk_create(
                [through(matter_id=mid, user_id=rng.choice(coordinators).pk) for mid in ids], batch_size=2000)
            Transition.objects.bulk_create(
                [Transition(matter_id=mid, event="create", to_state="received", message="รับเรื่อง") for mid in ids],
                batch_size=2000)
            Activity.objects.bulk_create(
                [Activity(matter_id=mid, channel="phone", agency=rng.choice(agencies),
                          summary=f"โทรประสานขอข้อมูลเรื่อง{rng.choice(TOPICS)}") for mid in ids[::2]], batch_size=2000)
            AgencyRequest.objects.bulk_create(
                [AgencyRequest(matter_id=mid, agency=rng.choice(agencies), deliverable="ข้อมูลประกอบ",
                               deadline=timezone.localdate() + dt.timedelta(days=rng.randint(-20, 20)))
                 for mid in ids[::4]], batch_size=2000)
            MatterCounter.objects.update_or_create(office=office, year=year,
                                                   defaults={"value": start_seq + done + n})
        done += n
        progress("สร้างเรื่อง", done, size, started)
    _registers(office, rng, size // 2)


def _registers(office, rng, count: int) -> None:
    year = be_year(timezone.localdate())
    start = RegisterCounter.objects.filter(office=office, register=Register.INCOMING, year=year) \
        .values_list("value", flat=True).first() or 0
    started = time.perf_counter()
    done = 0
    while done < count:
        n = min(10000, count - done)
        RegisterEntry.objects.bulk_create([
            RegisterEntry(office=office, register=Register.INCOMING, year=year, number=start + done + i + 1,
                          doc_number=f"ศธ 04{rng.randint(0, 99):03d}/{rng.randint(1, 9999)}",
                          subject=f"{rng.choice(ACTIONS)}{rng.choice(TOPICS)}", sender="สพฐ.")
            for i in range(n)], batch_size=2000)
        done += n
        RegisterCounter.objects.update_or_create(office=office, register=Register.INCOMING, year=year,
                                                 defaults={"value": start + done})
        progress("ลงทะเบียนหนังสือรับ", done, count, started)
