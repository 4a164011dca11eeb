"""Forms of the directory: search, agency and contact editing, and the CSV upload — Thai messages by each field."""

from django import forms
from django.conf import settings
from django.db import transaction

from prasan.audit.models import record

from . import csvfile
from .models import Agency, Contact
from .queries import parent_agencies

REQUIRED = "กรุณากรอกช่องนี้"
BAD_EMAIL = "รูปแบบอีเมลไม่ถูกต้อง เช่น saraban@agency.go.th"


class AgencyFilterForm(forms.Form):
    q = forms.CharField(label="ค้นชื่อหรืออักษรย่อ", required=False, max_length=100,
                        widget=forms.TextInput(attrs={"type": "search"}))
    parent = forms.ModelChoiceField(label="สังกัด", required=False, queryset=Agency.objects.none(),
                                    empty_label="ทุกสังกัด")
    inactive = forms.BooleanField(label="รวมหน่วยงานที่เลิกใช้แล้ว", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = parent_agencies()

    def filters(self) -> dict:
        """Search arguments; a bad value (e.g. an unknown parent id) is ignored rather than failing the page."""
        data = self.cleaned_data if self.is_valid() else {}
        return {"q": (data.get("q") or "").strip(), "parent": data.get("parent"),
                "include_inactive": bool(data.get("inactive"))}

    def querystring(self) -> str:
        """The current filters, to carry across pages."""
        from urllib.parse import urlencode

        kept = {key: self.data.get(key) for key in ("q", "parent", "inactive") if self.data.get(key)}
        return urlencode(kept)


class AuditedForm(forms.ModelForm):
    """Saves and appends what changed to the audit chain (e-mail and LINE addresses decide where letters go)."""

    def save_by(self, user):
        created = self.instance.pk is None
        changed = {name: str(self.cleaned_data.get(name) or "") for name in self.changed_data}
        with transaction.atomic():
            obj = self.save()
            self.after_save(obj)
            kind = obj._meta.model_name
            record(user, f"{kind}.create" if created else f"{kind}.update", obj, **{"name": obj.name, **changed})
        return obj

    def after_save(self, obj) -> None:
        pass


class AgencyForm(AuditedForm):
    class Meta:
        model = Agency
        fields = ["name", "abbreviation", "parent", "phone", "fax", "email", "line_id", "address", "active"]
        widgets = {"address": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "name": {"required": REQUIRED, "unique": "มีหน่วยงานชื่อนี้อยู่แล้ว"},
            "email": {"invalid": BAD_EMAIL},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parent = self.fields["parent"]
        parent.empty_label = "— ไม่มี —"
        parent.queryset = Agency.objects.exclude(pk__in=self._self_and_descendants()).order_by("name")
        parent.error_messages["invalid_choice"] = "เลือกสังกัดนี้ไม่ได้ (ต้องไม่ใช่ตัวเองหรือหน่วยงานในสังกัดของตน)"

    def _self_and_descendants(self) -> set[int]:
        """The agency and everything under it: choosing one of them as parent would make a loop."""
        if self.instance.pk is None:
            return set()
        children: dict[int, list[int]] = {}
        for pk, parent_id in Agency.objects.filter(parent__isnull=False).values_list("pk", "parent_id"):
            children.setdefault(parent_id, []).append(pk)
        found, todo = set(), [self.instance.pk]
        while todo:
            pk = todo.pop()
            if pk not in found:
                found.add(pk)
                todo.extend(children.get(pk, ()))
        return found

    def clean_name(self):
        return csvfile.clean(self.cleaned_data["name"])


class ContactForm(AuditedForm):
    class Meta:
        model = Contact
        fields = ["name", "position", "phone", "email", "line_id", "is_liaison"]
        error_messages = {"name": {"required": REQUIRED}, "email": {"invalid": BAD_EMAIL}}
        help_texts = {"is_liaison": "ผู้รับคำขอและลิงก์ตอบกลับของหน่วยงาน มีได้คนเดียวต่อหน่วยงาน"}

    def __init__(self, *args, agency: Agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.agency = agency

    def clean_name(self):
        return csvfile.clean(self.cleaned_data["name"])

    def after_save(self, contact) -> None:
        if contact.is_liaison:
            contact.agency.contacts.filter(is_liaison=True).exclude(pk=contact.pk).update(is_liaison=False)


class ImportForm(forms.Form):
    file = forms.FileField(label="ไฟล์ CSV", error_messages={"required": "กรุณาเลือกไฟล์",
                                                               "empty": "ไฟล์ว่างเปล่า"},
                           widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
                           help_text="บันทึกจาก Excel เป็น “CSV UTF-8 (คั่นด้วยจุลภาค)” หรือ “CSV (คั่นด้วยจุลภาค)” ก็ได้")
    dry_run = forms.BooleanField(label="ตรวจสอบอย่างเดียว (ยังไม่บันทึก)", required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.FILE_UPLOAD_MAX_BYTES:
            limit = settings.FILE_UPLOAD_MAX_BYTES / (1024 * 1024)
            raise forms.ValidationError(f"ไฟล์ใหญ่เกิน {limit:g} MB")
        try:
            return csvfile.decode(b"".join(upload.chunks()))
        except csvfile.CsvFileError as exc:
            raise forms.ValidationError(str(exc)) from None
