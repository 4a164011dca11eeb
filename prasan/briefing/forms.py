"""The new-pack form: which matter it belongs to, its title and occasion."""

from django import forms

from prasan.thai.fields import ThaiDateField

from .models import Occasion


class NewPackForm(forms.Form):
    owner = forms.ModelChoiceField(label="แฟ้มนี้เป็นของเรื่อง", queryset=None, empty_label=None,
                                   error_messages={"invalid_choice": "เลือกเรื่องที่ท่านแก้ไขได้",
                                                   "required": "เลือกเรื่องที่แฟ้มนี้สังกัด"})
    title = forms.CharField(label="ชื่อแฟ้ม", max_length=300, error_messages={"required": "กรุณาตั้งชื่อแฟ้ม"})
    occasion = forms.ChoiceField(label="โอกาส", choices=Occasion.choices)
    occasion_text = forms.CharField(label="รายละเอียดโอกาส", max_length=300, required=False,
                                    help_text="เช่น ตรวจราชการจังหวัดขอนแก่น หรือ ห้องประชุม")
    occasion_on = ThaiDateField(label="วันที่", required=False)

    def __init__(self, *args, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners
        self.fields["owner"].label_from_instance = lambda m: f"{m.number} {m.title[:80]}"

    def pack_fields(self) -> dict:
        data = self.cleaned_data
        return {"title": data["title"].strip(), "occasion": data["occasion"], "occasion_text": data["occasion_text"],
                "occasion_on": data["occasion_on"]}
