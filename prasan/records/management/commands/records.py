"""`prasan records draft --kind destruction|transfer [--year 2569]`: this year's list for the committee (run yearly
from cron, or press the button on /records/); approving and carrying it out stay with people, on the pages."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from prasan.records import lists
from prasan.records.models import RecordsList
from prasan.thai.dates import be_year


class Command(BaseCommand):
    help = "จัดทำบัญชีหนังสือขอทำลาย หรือบัญชีหนังสือครบ 20 ปี ประจำปี จากหนังสือที่ครบกำหนด"

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["draft"])
        parser.add_argument("--kind", choices=RecordsList.Kind.values, default=RecordsList.Kind.DESTRUCTION)
        parser.add_argument("--year", type=int, help="ปี พ.ศ. (ค่าเริ่มต้น: ปีนี้)")

    def handle(self, *args, action, kind, year, **options):
        year = year or be_year(timezone.localdate())
        if year < 2400:
            raise CommandError("กรุณาระบุปีเป็น พ.ศ. เช่น 2569")
        try:
            made = lists.draft(kind, year, by="prasan records")
        except lists.ListError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"{made}: {made.lines.count()} รายการ รอคณะกรรมการพิจารณาที่หน้า /records/{made.pk}/")
