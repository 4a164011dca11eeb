"""Changing a matter's particulars: assignment, unit, deadlines, classification — audited field by field."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render

from prasan.accounts.models import Role, User
from prasan.audit.models import record
from prasan.directory.models import Unit
from prasan.thai.fields import ThaiDateField

from ..access import NotCleared, editable_matter, require_cleared, staff_required
from ..choices import DutyType, Kind, Process, Secrecy, Urgency
from ..forms import REQUIRED
from ..models import Matter

SUPERVISOR_FIELDS = ("owner_unit", "assignees", "secrecy", "kind")


class MatterEditForm(forms.ModelForm):
    class Meta:
        model = Matter
        fields = ["title", "description", "duty_type", "kind", "process", "urgency", "secrecy", "owner_unit",
                  "assignees", "external_deadline", "internal_deadline", "tags"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "assignees": forms.SelectMultiple(attrs={"size": 6}),
        }
        field_classes = {"external_deadline": ThaiDateField, "internal_deadline": ThaiDateField}
        error_messages = {"title": REQUIRED}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["duty_type"].choices = DutyType.choices
        self.fields["kind"].choices = Kind.choices
        self.fields["process"].choices = Process.choices
        self.fields["urgency"].choices = Urgency.choices
        self.fields["secrecy"].choices = [c for c in Secrecy.choices if c[0] <= user.clearance]
        self.fields["owner_unit"].queryset = Unit.objects.order_by("name")
        self.fields["assignees"].queryset = User.objects.filter(
            is_active=True, role__in=[Role.COORDINATOR, Role.GROUP_HEAD]).order_by("first_name")
        if user.role == Role.COORDINATOR:
            for name in SUPERVISOR_FIELDS:
                self.fields[name].disabled = True

    def clean(self):
        data = super().clean()
        external, internal = data.get("external_deadline"), data.get("internal_deadline")
        if external and internal and internal > external:
            self.add_error("internal_deadline", "กำหนดภายในต้องไม่หลังกำหนดส่ง")
        if data.get("secrecy") is not None and data.get("assignees") is not None:
            try:  # raising the level keeps no one on the matter who may no longer see it
                require_cleared(data["secrecy"], data["assignees"])
            except NotCleared as exc:
                self.add_error("secrecy" if "secrecy" in self.changed_data else "assignees", exc)
        return data


@staff_required
def edit_matter(request, pk):
    matter = editable_matter(request.user, pk)
    if matter.secrecy > request.user.clearance:
        return redirect(matter)
    before = {name: _value(matter, name) for name in MatterEditForm.Meta.fields}
    form = MatterEditForm(request.POST or None, instance=matter, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        after = {name: _value(matter, name) for name in MatterEditForm.Meta.fields}
        changed = {k: {"from": before[k], "to": after[k]} for k in after if after[k] != before[k]}
        if changed:
            record(request.user, "matter.edit", matter, changes=changed)
        messages.success(request, "บันทึกการแก้ไขแล้ว")
        return redirect(matter)
    return render(request, "matters/edit.html", {"matter": matter, "form": form})


def _value(matter, name):
    if name == "assignees":
        return sorted(matter.assignees.values_list("pk", flat=True)) if matter.pk else []
    value = getattr(matter, f"{name}_id", None) if name == "owner_unit" else getattr(matter, name)
    return value.isoformat() if hasattr(value, "isoformat") else value
