import base64

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.html import format_html

from prasan.audit.models import record

from . import emblem
from .models import Agency, Contact, Office, Unit


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("name", "abbreviation", "parent", "phone", "email", "active")
    list_filter = ("active",)
    search_fields = ("name", "abbreviation")
    inlines = [ContactInline]


class OfficeForm(forms.ModelForm):
    class Meta:
        model = Office
        fields = ("name", "abbreviation", "ministry", "minister_title", "minister_name", "address", "phone", "email",
                  "letter_prefix", "numbering_year", "document_digits", "screen_digits", "two_factor_required",
                  "emblem")

    def clean_emblem(self):
        upload = self.cleaned_data.get("emblem")
        self.emblem_upload = None
        if not upload or "emblem" not in self.changed_data:
            return upload
        if upload.size > emblem.MAX_BYTES:
            raise ValidationError(f"ไฟล์ตราสัญลักษณ์ใหญ่เกิน {emblem.MAX_BYTES // (1024 * 1024)} MB")
        data = upload.read()
        upload.seek(0)
        kind = emblem.check(data, upload.name)
        png = None
        if kind == "svg":
            try:
                png = emblem.rasterise(data)
            except Exception:  # noqa: BLE001 — whatever stops the drawing, the user hears it in Thai
                raise ValidationError("วาดภาพจากไฟล์ SVG นี้ไม่ได้ กรุณาใช้ไฟล์ PNG แทน") from None
        self.emblem_upload = (kind, data, png)
        return upload


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin):
    form = OfficeForm
    readonly_fields = ("emblem_status",)
    fieldsets = (
        (None, {"fields": ("name", "abbreviation", "ministry", "minister_title", "minister_name", "address", "phone", "email",
                           "letter_prefix", "numbering_year", "document_digits", "screen_digits",
                           "two_factor_required")}),
        ("ตราครุฑบนเอกสาร", {"fields": ("emblem_status", "emblem")}),
    )

    @admin.display(description="ตราที่ใช้อยู่")
    def emblem_status(self, office):
        if not office or not office.emblem:
            return format_html(
                '<strong style="color:#b00000">{}</strong> — {}', "ยังไม่ได้อัปโหลดตราครุฑของสำนักงาน",
                "เอกสารทุกฉบับพิมพ์ตราตัวอย่าง (มีคำว่า “ตัวอย่าง”) ซึ่งใช้จริงไม่ได้ "
                "ต้องอัปโหลดตราครุฑจริงก่อนออกหนังสือ")
        path = emblem.local_path(office)
        picture = path.with_suffix(".png") if path else None
        if picture is None or not picture.exists():
            return "อัปโหลดแล้ว"
        uri = "data:image/png;base64," + base64.b64encode(picture.read_bytes()).decode()
        return format_html('<img src="{}" alt="ตราครุฑของสำนักงาน" style="height:3cm"> '
                           "<span>ใช้พิมพ์บนเอกสารทุกฉบับแล้ว</span>", uri)

    def save_model(self, request, obj, form, change):
        upload = getattr(form, "emblem_upload", None)
        with transaction.atomic():
            if "emblem" in form.changed_data and not obj.emblem:
                obj.emblem_png = None
            if upload:
                kind, data, png = upload
                obj.emblem.save(f"emblem.{kind}", ContentFile(data), save=False)
                if png:
                    obj.emblem_png.save("emblem.png", ContentFile(png), save=False)
                else:
                    obj.emblem_png = None
            super().save_model(request, obj, form, change)
            if "emblem" in form.changed_data:
                record(request.user, "office.emblem", obj, uploaded=bool(obj.emblem),
                       kind=upload[0] if upload else "")


admin.site.register(Unit)
