"""ใบรับรองการทำลายข้อมูลข่าวสารลับ: what the committee destroyed, when and how, on whose approval, with a
signature line for each member; printed as the registers are (documents/render/table_print.py), marked with
the highest secrecy on it at the top and bottom of every page."""

from django.utils import timezone

from prasan.correspondence.models import Register
from prasan.directory.models import Office
from prasan.documents.render import table_print
from prasan.matters.choices import Secrecy
from prasan.thai.dates import thai_date
from prasan.thai.digits import to_thai
from prasan.thai.preferences import document_digits

from .models import SecretDestruction

COLUMNS = ["ลำดับ", "ทะเบียน", "เลขทะเบียน", "ที่", "ลงวันที่", "เรื่อง", "ชั้นความลับ"]
WIDTHS = [6, 13, 10, 15, 12, 34, 10]


def render(destruction: SecretDestruction) -> bytes:
    thai_digits = document_digits() == "thai"

    def digits(text: str) -> str:
        return to_thai(text) if thai_digits else text

    def cell(value) -> str:
        return table_print.cell(value, thai_digits=thai_digits)

    lines = list(destruction.lines.all())
    rows = [[cell(i), cell(Register(line.register).label if line.register in Register.values else line.register),
             cell(line.number), cell(line.doc_number), cell(thai_date(line.letter_date, abbr=True,
                                                                        thai_digits=thai_digits)),
             cell(line.subject), cell(Secrecy(line.secrecy).label)] for i, line in enumerate(lines, 1)]
    approved = thai_date(timezone.localtime(destruction.approved_at).date(), thai_digits=thai_digits)
    destroyed = thai_date(destruction.destroyed_on, thai_digits=thai_digits)
    statement = (f"คณะกรรมการทำลายข้อมูลข่าวสารลับซึ่งหัวหน้าสำนักงานแต่งตั้งเมื่อวันที่ {approved} "
                 f"ได้ทำลายหนังสือลับตามบัญชีข้างต้น จำนวน {len(lines):,} ฉบับ เมื่อวันที่ {destroyed} "
                 f"โดยวิธี{destruction.get_method_display()} จนไม่อาจอ่านหรือกู้คืนได้ และได้ลบไฟล์หนังสือดังกล่าว"
                 f"ออกจากระบบแล้ว จึงลงลายมือชื่อไว้เป็นหลักฐาน")
    members = list(destruction.committee.order_by("first_name", "last_name"))
    signers = [{"name": m.display_name, "position": m.position,
                "role": "ประธานกรรมการ" if i == 0 else "กรรมการ"} for i, m in enumerate(members)]
    return table_print.render(
        title="ใบรับรองการทำลายข้อมูลข่าวสารลับ", office=Office.current(), thai_digits=thai_digits,
        subtitles=(digits(f"ที่ {destruction.seq}/{destruction.year}"),),
        tables=[{"kind": "register", "columns": COLUMNS, "widths": WIDTHS, "rows": rows}],
        notes=(digits(statement),), signers=signers,
        secrecy=Secrecy(destruction.secrecy).label, printed_at=timezone.now())
