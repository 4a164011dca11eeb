"""Documents and review routes in the admin, in Thai: forms by title, a route's reviewers by role name."""

from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from prasan.accounts.models import Role
from prasan.matters.admin import NeedToKnowAdmin

from .drafting import labelled
from .forms import FORMS
from .models import Document, ReviewRoute

_REVIEWERS = [Role.GROUP_HEAD, Role.HEAD, Role.EXECUTIVE]


def form_title(code: str) -> str:
    return FORMS[code].title if code in FORMS else code


class ReviewRouteForm(forms.ModelForm):
    """The form chosen from the forms' titles and the reviewers ticked by role, in the order of the chain
    (group head, head of office, executive), instead of codes typed as JSON."""

    form = forms.ChoiceField(label="แบบเอกสาร", required=False, help_text="เว้นว่าง = ทุกแบบ",
                             choices=lambda: [("", "ทุกแบบ")] + [(code, spec.title) for code, spec in FORMS.items()])
    steps = forms.MultipleChoiceField(label="ผู้ตรวจตามลำดับ", widget=forms.CheckboxSelectMultiple,
                                      choices=[(role.value, role.label) for role in _REVIEWERS],
                                      error_messages={"required": "เลือกผู้ตรวจอย่างน้อยหนึ่งลำดับ"})

    class Meta:
        model = ReviewRoute
        fields = ["form", "unit", "steps"]

    def clean_steps(self):
        chosen = set(self.cleaned_data["steps"])
        return [role.value for role in _REVIEWERS if role.value in chosen]


@admin.register(ReviewRoute)
class ReviewRouteAdmin(admin.ModelAdmin):
    form = ReviewRouteForm
    list_display = ("__str__", "form_name", "unit")

    @admin.display(description="แบบเอกสาร", ordering="form")
    def form_name(self, route):
        return form_title(route.form) if route.form else "ทุกแบบ"


@admin.register(Document)
class DocumentAdmin(NeedToKnowAdmin):
    list_display = ("title", "form_name", "status", "version", "matter")
    list_filter = ("status",)
    readonly_fields = ("form_name", "contents", "version", "status", "register_entry", "signed_by", "signed_at",
                       "files")
    exclude = ("form", "fields", "pdf", "docx")
    list_select_related = ("matter", "matter__office")

    @admin.display(description="แบบเอกสาร", ordering="form")
    def form_name(self, document):
        return form_title(document.form)

    @admin.display(description="ข้อมูลในแบบ")
    def contents(self, document):
        return format_html_join("", '<div><strong>{}</strong><div style="white-space:pre-line">{}</div></div>',
                                labelled(document.fields, document.form))

    @admin.display(description="ไฟล์")
    def files(self, document):
        # Through the page that checks the reader's clearance, not the storage's own address.
        links = [(reverse("document-file", args=[document.pk, fmt]), label)
                 for f, fmt, label in ((document.pdf, "pdf", "ไฟล์ PDF"), (document.docx, "docx", "ไฟล์ DOCX")) if f]
        return format_html_join(" · ", '<a href="{}">{}</a>', links) or format_html("{}", "-")
