"""The complaint a letter proposes, on the intake confirm screen: the `complaint` object `prasan extract` read
(channel, the channel's reference, the complainant as written, who is complained about), shown for checking and
editable; the same confirm files it (prasan.complaints.services.file_complaint), which makes the matter."""

from django import forms

from prasan.complaints.choices import Channel

PREFIX = "cmp"


class ComplaintIntakeForm(forms.Form):
    create = forms.BooleanField(label="บันทึกเป็นเรื่องร้องเรียนจากหนังสือนี้ (สร้างพร้อมเรื่อง)", required=False)
    channel = forms.ChoiceField(label="ช่องทางที่เรื่องมาถึง", choices=Channel.choices, required=False)
    channel_ref = forms.CharField(label="เลขอ้างอิงของช่องทาง", max_length=100, required=False,
                                  help_text="เช่น เลขที่เรื่องของศูนย์ 1111 หรือเลขหนังสือที่ส่งต่อมา")
    complainant = forms.CharField(label="ชื่อผู้ร้อง (ตามที่เขียนมา)", max_length=200, required=False)
    anonymous = forms.BooleanField(label="ผู้ร้องไม่ประสงค์เปิดเผยชื่อ", required=False)
    about = forms.CharField(label="ผู้ถูกร้อง/หน่วยงานที่ถูกร้อง", max_length=300, required=False)
    province = forms.CharField(label="จังหวัด", max_length=100, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix=PREFIX, **kwargs)

    def clean(self):
        data = super().clean()
        if data.get("create") and not data.get("channel"):
            self.add_error("channel", "กรุณาเลือกช่องทางที่เรื่องมาถึง")
        return data

    def complaint(self, phone: str = "") -> dict | None:
        """file_complaint's keywords (but subject, details and who), or None when not wanted. `phone`: the
        letter's contact phone, the complainant's only on their own letter (a forwarding office's otherwise)."""
        data = self.cleaned_data
        if not data.get("create"):
            return None
        name = "" if data["anonymous"] else data["complainant"]
        if data["channel"] not in (Channel.LETTER, Channel.EMAIL):
            phone = ""
        return {"channel": data["channel"], "channel_ref": data["channel_ref"], "about": data["about"],
                "province": data["province"],
                "complainant": {"name": name, "phone": phone if name else "", "anonymous": data["anonymous"]}}

    def add_complaint_errors(self, error) -> None:
        for name, messages in getattr(error, "message_dict", {None: error.messages}).items():
            field = {"channel_ref": "channel_ref", "channel": "channel", "about": "about", "province": "province",
                     "complainant.name": "complainant"}.get(name)
            for message in messages:
                self.add_error(field, message)


def initial_from(fields: dict) -> dict:
    """The form as the parser read the letter; not ticked for a letter that is no complaint."""
    found = fields.get("complaint") or {}
    if not found.get("channel"):
        return {"create": False}
    return {"create": True, "channel": found["channel"], "channel_ref": found.get("channel_ref") or "",
            # no name read (ไม่ประสงค์ออกนาม, or none written): protect by default, the registrar may untick it
            "complainant": found.get("complainant") or "", "anonymous": found.get("complainant") is None,
            "about": found.get("about") or ""}
