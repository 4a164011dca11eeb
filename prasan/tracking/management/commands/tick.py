"""prasan tick [--now ISO-DATETIME] [--loop SECONDS] — send every due reminder and daily digest, once,
and make the nightly backup after PRASAN_BACKUP_AT (prasan.backup.schedule).

How to schedule it (choose one):
  * cron:  `*/5 * * * * prasan tick` — each run sends what is due and exits;
  * a long-running process next to `prasan worker`: `prasan tick --loop 60`.
Running it more often than needed is harmless: every reminder and digest is logged before it is
sent and never goes out twice. Nothing is sent before 07:30 Asia/Bangkok or on a day off.
"""

import datetime as dt
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections
from django.utils import timezone

from prasan.thai.digits import to_arabic
from prasan.tracking.reminders import SEND_FROM
from prasan.tracking.tasks import run_tick

LABELS = {
    "email": "อีเมล", "line": "LINE", "in_app": "แจ้งเตือนในระบบ", "failed": "ส่งไม่สำเร็จ (จะลองใหม่)",
    "retried_sent": "ส่งซ้ำสำเร็จ", "retried_failed": "ส่งซ้ำไม่สำเร็จ", "crashed": "ค้างจากระบบหยุดทำงาน",
    "backup_written": "สำรองข้อมูลประจำคืน", "backup_removed": "ลบชุดสำรองเก่า",
    "backup_failed": "สำรองข้อมูลไม่สำเร็จ (จะลองใหม่รอบหน้า)",
    "complainants_anonymised": "ลบข้อมูลระบุตัวผู้ร้องตามกำหนดเก็บรักษา (เรื่อง)",
    "policy_reports_opened": "ส่งลิงก์รายงานความก้าวหน้าตามนโยบาย",
    "posts_published": "ข่าวที่ถึงเวลาเผยแพร่", "posts_broadcast": "ข่าวที่ส่งถึงผู้ติดตามบัญชี LINE ของสำนักงาน",
    "digest_sent": "สรุปงานประจำวัน", "digest_empty": "สรุปงานว่าง (ไม่ส่ง)", "digest_failed": "สรุปงานส่งไม่สำเร็จ",
}


def parse_now(text: str) -> dt.datetime:
    """ISO date-time (`2026-12-01T08:00`, with or without an offset; Asia/Bangkok when without).
    A bare date means that day at 07:30, when reminders start going out."""
    text = to_arabic(text.strip())
    try:
        if "T" not in text and " " not in text:
            value = dt.datetime.combine(dt.date.fromisoformat(text), SEND_FROM)
        else:
            value = dt.datetime.fromisoformat(text)
    except ValueError:
        raise CommandError(f"เวลาไม่ถูกต้อง: '{text}' (ใช้รูปแบบ 2026-12-01T08:00 หรือ 2026-12-01)") from None
    return timezone.make_aware(value) if timezone.is_naive(value) else value


class Command(BaseCommand):
    help = ("ส่งการแจ้งเตือนและสรุปงานประจำวันที่ถึงเวลา แล้วจบ — ไม่ส่งซ้ำ ไม่ส่งก่อน 07.30 น. "
            "และไม่ส่งในวันหยุดราชการ. การตั้งเวลา: ใช้ cron เรียก `prasan tick` ทุก 5 นาที "
            "หรือรัน `prasan tick --loop 60` ค้างไว้ (คู่กับ `prasan worker` ที่ทำงานเบื้องหลังอื่น ๆ "
            "ของ django-tasks เช่น คำสั่ง \"ส่งการแจ้งเตือนที่ถึงกำหนดตอนนี้\" จากหน้าผู้ดูแลระบบ)")

    def add_arguments(self, parser):
        parser.add_argument("--now", help="ทำเสมือนเวลานี้ (ISO เช่น 2026-12-01T08:00) สำหรับทดสอบ")
        parser.add_argument("--loop", type=int, metavar="SECONDS",
                            help="ทำงานต่อเนื่อง ตรวจทุก ๆ SECONDS วินาที (เช่น 60) จนกว่าจะหยุดด้วย Ctrl+C")

    def handle(self, *args, **opts):
        if opts["loop"] is not None:
            if opts["now"]:
                raise CommandError("ใช้ --now กับ --loop พร้อมกันไม่ได้")
            if opts["loop"] < 1:
                raise CommandError("--loop ต้องเป็นจำนวนวินาทีตั้งแต่ 1 ขึ้นไป")
            return self._loop(opts["loop"])
        self._report(run_tick(parse_now(opts["now"]) if opts["now"] else None))

    def _loop(self, seconds: int) -> None:
        self.stdout.write(f"เริ่มตรวจการแจ้งเตือนทุก {seconds} วินาที (หยุดด้วย Ctrl+C)")
        try:
            while True:
                close_old_connections()
                try:
                    self._report(run_tick(), quiet=True)
                except Exception as exc:  # noqa: BLE001 — one bad tick must not stop the clock
                    self.stderr.write(f"รอบนี้ผิดพลาด: {exc}")
                time.sleep(seconds)
        except KeyboardInterrupt:
            self.stdout.write("หยุดแล้ว")

    def _report(self, counts, quiet: bool = False) -> None:
        shown = {k: v for k, v in counts.items() if v}
        if not shown:
            if not quiet:
                self.stdout.write("ไม่มีการแจ้งเตือนที่ต้องส่งในขณะนี้")
            return
        stamp = timezone.localtime().strftime("%Y-%m-%d %H:%M")
        self.stdout.write(f"{stamp} " + ", ".join(f"{LABELS.get(k, k)} {v}" for k, v in shown.items()))
