"""The progress report to the minister in the office's memo form (บันทึกข้อความ, documents/forms/office_memo.py),
drafted from the roll-up: the documents app starts it (drafting.start) and this module only says what the memo of a
policy's matter says (a PREFILL_SOURCES entry, as parliament's answers do). It then goes through the same review
chain, numbering, signing and PDF as every memo."""

from django.utils import timezone

from prasan.documents import drafting
from prasan.thai.dates import thai_date

from . import rollup
from .choices import Light
from .models import Policy

FORM = "office_memo"


def _d(day) -> str:
    return thai_date(day, thai_digits=False)  # the printer puts the office's document digits


def fields_for(matter, form: str, user) -> dict:
    if form != FORM:
        return {}
    policy = Policy.objects.filter(matter=matter).first()
    if policy is None:
        return {}
    policy.matter = matter
    data = rollup.build(policy)
    kind = policy.get_kind_display()
    facts = [f"ความก้าวหน้าโดยรวมเฉลี่ยร้อยละ {rollup.number(data.progress)} จาก {len(data.rows)} หน่วยงาน "
             f"(ตามแผน {data.counts[Light.GREEN]} หน่วยงาน ควรติดตาม {data.counts[Light.AMBER]} หน่วยงาน "
             f"ล่าช้าหรือต่ำกว่าแผน {data.counts[Light.RED]} หน่วยงาน)"]
    for row in data.rows:
        c = row.commitment
        said = [f"{c.agency.name} ({c.get_role_display()})"]
        if row.progress_value is None:
            said.append("ยังไม่มีรายงานความก้าวหน้า")
        else:
            said.append(f"ความก้าวหน้าร้อยละ {rollup.number(row.progress_value)} รายงานแล้ว {row.reported} "
                        f"จาก {row.due_count} งวดที่ถึงกำหนด")
        for indicator, cell in zip(data.indicators, row.indicators, strict=True):
            if cell.text != "—":
                said.append(f"{indicator.name} {cell.text} (เป้าหมาย {rollup.number(indicator.target)} {indicator.unit})")
        facts.append(" ".join(said))
    if data.late:
        consideration = [
            (f"{item.agency} ยังไม่ส่ง{item.what} ซึ่งครบกำหนดเมื่อวันที่ {_d(item.since)}" if item.report else
             f"{item.agency} {item.what} ยังไม่แล้วเสร็จ ซึ่งมีกำหนดวันที่ {_d(item.since)}")
            + f" (เกินกำหนด {item.working_days} วันทำการ)" for item in data.late[:15]]
        recommendation = ["รับทราบความก้าวหน้าการดำเนินงานตามข้อ ๒",
                          "ให้ สร. ประสานเร่งรัดหน่วยงานที่ยังไม่รายงานหรือดำเนินการล่าช้าตามข้อ ๓ และรายงานให้ทราบในรอบถัดไป"]
    else:
        consideration = ["ทุกหน่วยงานรายงานและดำเนินการตามกำหนด"]
        recommendation = ["รับทราบความก้าวหน้าการดำเนินงานตามข้อ ๒"]
    return {
        "subject": f"รายงานความก้าวหน้าการดำเนินงานตาม{kind} เรื่อง {matter.title}"[:500],
        "matter": (f"ตาม{kind} เรื่อง {matter.title} ซึ่งมอบหมายให้ส่วนราชการในสังกัดดำเนินการระหว่างวันที่ "
                   f"{_d(policy.starts_on)} ถึงวันที่ {_d(policy.ends_on)} และรายงานความก้าวหน้าต่อสำนักงานรัฐมนตรีตามรอบ "
                   f"สร. ขอรายงานความก้าวหน้า ณ วันที่ {_d(timezone.localdate())}"),
        "facts": facts,
        "consideration": consideration,
        "recommendation": recommendation,
    }


def draft(policy: Policy, *, by):
    """A new draft memo on the policy's matter, filled from today's roll-up."""
    return drafting.start(policy.matter, FORM, by=by)
