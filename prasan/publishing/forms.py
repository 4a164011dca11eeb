"""The post's form: its text and settings; photos are added on their own form (each with its alt text)."""

from django import forms

from prasan.thai.dates import shown_date
from prasan.thai.fields import ThaiDateTimeField

from .editing import related_agenda_items, related_policies, signed_announcements
from .models import Post


class PostForm(forms.ModelForm):
    tags_text = forms.CharField(label="ป้ายกำกับ", required=False, max_length=1000,
                                help_text="คั่นด้วยจุลภาค เช่น การศึกษา, ครู, ลงพื้นที่")

    class Meta:
        model = Post
        fields = ["kind", "title", "summary", "body_html", "slug", "announcement_document", "agenda_item", "policy",
                  "broadcast_line"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body_html": forms.Textarea(attrs={"rows": 14, "data-editor": "rich"}),
        }
        help_texts = {
            "slug": "ไม่บังคับ: อักษรละตินตัวเล็ก ตัวเลข และขีด (เว้นว่าง ลิงก์จะใช้เลขข่าว)",
            "summary": "ข้อความสั้นที่แสดงในหน้ารวมข่าวและเมื่อแชร์ลิงก์ (ข้อความล้วน)",
            "body_html": "ใช้แถบเครื่องมือจัดหัวข้อ รายการ ลิงก์ และแทรกภาพของข่าวนี้ "
                         "ระบบจะตัดสคริปต์และรูปแบบที่ไม่ปลอดภัยออกเมื่อบันทึก",
            "announcement_document": "สำหรับประเภท “ประกาศ”: ประกาศที่ลงนามแล้ว เผยแพร่เป็น PDF พร้อมข้อความ",
        }

    def __init__(self, *args, tags_initial: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["announcement_document"].queryset = signed_announcements()
        self.fields["announcement_document"].label_from_instance = lambda d: f"{d.title} ({d.matter.number})"
        self.fields["agenda_item"].queryset = related_agenda_items()
        self.fields["agenda_item"].label_from_instance = lambda item: f"{item.title} ({shown_date(item.starts_at)})"
        self.fields["policy"].queryset = related_policies()
        self.fields["policy"].label_from_instance = lambda policy: policy.matter.title
        self.fields["tags_text"].initial = tags_initial
        self.order_fields(["kind", "title", "summary", "body_html", "tags_text", "slug", "announcement_document",
                           "agenda_item", "policy", "broadcast_line"])

    def clean(self):
        data = super().clean()
        if data.get("kind") == "announcement" and not data.get("announcement_document") and \
                not (data.get("body_html") or "").strip():
            self.add_error("announcement_document", "ประกาศต้องมีประกาศที่ลงนามแล้ว หรือพิมพ์ข้อความประกาศ")
        return data


class ImageForm(forms.Form):
    image = forms.FileField(label="ภาพ (ภาพถ่ายทั่วไป หรือ PNG)")
    alt_text = forms.CharField(label="คำบรรยายภาพ", max_length=300,
                               help_text="บอกว่าในภาพมีอะไร สำหรับผู้ใช้โปรแกรมอ่านหน้าจอ เช่น "
                                         "“รัฐมนตรีมอบทุนการศึกษาแก่นักเรียน ณ โรงเรียนบ้านหนองบัว”")
    as_cover = forms.BooleanField(label="ใช้เป็นภาพปก", required=False)


class ActionForm(forms.Form):
    note = forms.CharField(label="ความเห็น", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    reason = forms.CharField(label="เหตุผลที่ถอนการเผยแพร่", required=False, max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}))
    publish_at = ThaiDateTimeField(label="เผยแพร่เมื่อ", required=False)
