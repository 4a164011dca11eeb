"""`prasan line_standin --port N`: a local LINE push and broadcast endpoint for demos; prints every message it receives."""

from django.conf import settings
from django.core.management.base import BaseCommand

from prasan.coordination.line_standin import PUSH_PATH, LineStandin

DEMO_TOKEN = "prasan-demo-line-token"


class Command(BaseCommand):
    help = "เปิดบริการจำลอง LINE Messaging API (push) บนเครื่องนี้ สำหรับสาธิตการส่ง LINE โดยไม่ต้องใช้ LINE จริง"

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8765, help="พอร์ต (ค่าเริ่มต้น 8765; 0 = เลือกให้)")
        parser.add_argument("--host", default="127.0.0.1", help="ที่อยู่ที่รับการเชื่อมต่อ (ค่าเริ่มต้น 127.0.0.1)")
        parser.add_argument("--token", default="", help="channel access token ที่ยอมรับ (ค่าเริ่มต้น PRASAN_LINE_TOKEN)")
        parser.add_argument("--fail", type=int, default=0, metavar="STATUS",
                            help="ตอบทุกการส่งด้วยรหัสผิดพลาดนี้ (เช่น 500 หรือ 429) เพื่อสาธิตการส่งไม่สำเร็จ")

    def handle(self, *args, port, host, token, fail, **options):
        token = token or settings.LINE_TOKEN or DEMO_TOKEN
        self.standin = standin = LineStandin(token, host=host, port=port, on_push=self._show)
        if fail:
            standin.fail(fail, "The stand-in was told to fail.")
        try:
            self.stdout.write(f"บริการจำลอง LINE พร้อมที่ {standin.url}{PUSH_PATH}")
            self.stdout.write("ตั้งค่าฝั่ง Prasan ด้วย:")
            self.stdout.write(f"  PRASAN_LINE_API_URL={standin.url}")
            self.stdout.write(f"  PRASAN_LINE_TOKEN={token}")
            self.stdout.write("กด Ctrl-C เพื่อหยุด")
            self.stdout.flush()
            standin.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            standin.stop()
            self.stdout.write(f"หยุดแล้ว ได้รับ {len(standin.pushes)} ข้อความ")

    def _show(self, push):
        self.stdout.write(self.style.SUCCESS(f"── LINE ถึง {push.to}"))
        self.stdout.write(push.text)
        self.stdout.flush()
