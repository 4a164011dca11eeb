"""A browser form for any FormSpec: one input per part, turned back into the form's JSON data."""

import datetime as dt

from django import forms

from prasan.thai.date_input import DateInputError, format_input, parse_date
from prasan.thai.fields import ThaiDateField

from .forms.base import Choice, Date, People, Person, TextList

SHORT = {"doc_number", "phone", "fax", "email", "salutation", "to", "sr_number", "closing_word", "number"}


def build(spec, data: dict | None = None, *, bound=None) -> forms.Form:
    """A Django form for the spec, initialised from the document's data."""
    data = data or {}
    fields, initial = {}, {}
    for part in spec.fields:
        value = data.get(part.name)
        if isinstance(part, Person) and not isinstance(part, People):
            fields[f"{part.name}__name"] = forms.CharField(label=f"{part.label}: ชื่อ", required=False)
            fields[f"{part.name}__position"] = forms.CharField(
                label=f"{part.label}: ตำแหน่ง (บรรทัดละตำแหน่ง)", required=False,
                widget=forms.Textarea(attrs={"rows": 2}))
            value = value or {}
            initial[f"{part.name}__name"] = value.get("name", "")
            position = value.get("position", "")
            initial[f"{part.name}__position"] = "\n".join(position) if isinstance(position, list) else position
            continue
        if isinstance(part, People):
            fields[part.name] = PeopleField(
                label=f"{part.label} (บรรทัดละคน: ชื่อ | ตำแหน่ง | วันที่ เช่น 7 ธ.ค. 2569)", required=False,
                widget=forms.Textarea(attrs={"rows": 3}))
            initial[part.name] = "\n".join(
                " | ".join(filter(None, [p.get("name", ""), _position(p.get("position")), _shown_date(p.get("date"))]))
                for p in value or [])
        elif isinstance(part, Choice):
            fields[part.name] = forms.ChoiceField(label=part.label, required=False,
                                                  choices=[("", "—")] + [(c, c) for c in part.choices])
            initial[part.name] = value or ""
        elif isinstance(part, Date):
            fields[part.name] = ThaiDateField(label=part.label, required=False)
            initial[part.name] = value
        elif isinstance(part, TextList):
            fields[part.name] = forms.CharField(label=f"{part.label} (บรรทัดละข้อ)", required=False,
                                                widget=forms.Textarea(attrs={"rows": 3}))
            initial[part.name] = "\n".join(value) if isinstance(value, list) else (value or "")
        else:
            widget = forms.TextInput() if part.name in SHORT else forms.Textarea(attrs={"rows": 2})
            fields[part.name] = forms.CharField(label=part.label, required=False, widget=widget)
            initial[part.name] = value if value is not None else ""
    form_class = type("DocumentFieldsForm", (forms.Form,), fields)
    return form_class(bound, initial=initial) if bound is not None else form_class(initial=initial)


def to_data(spec, cleaned: dict) -> dict:
    """The form's JSON data from the cleaned browser form (blank parts left out)."""
    data = {}
    for part in spec.fields:
        if isinstance(part, Person) and not isinstance(part, People):
            name = (cleaned.get(f"{part.name}__name") or "").strip()
            position = [line.strip() for line in (cleaned.get(f"{part.name}__position") or "").splitlines()
                        if line.strip()]
            if name or position:
                data[part.name] = {"name": name, "position": position}
        elif isinstance(part, People):
            if cleaned.get(part.name):
                data[part.name] = cleaned[part.name]
        elif isinstance(part, TextList):
            items = [line.strip() for line in (cleaned.get(part.name) or "").splitlines() if line.strip()]
            if items:
                data[part.name] = items
        else:
            value = cleaned.get(part.name)
            if isinstance(value, dt.date):
                value = value.isoformat()
            if value not in (None, ""):
                data[part.name] = value
    return data


class PeopleField(forms.CharField):
    """Lines of `name | position | date`; the date is read as typed (Buddhist era) and kept as ISO."""

    def clean(self, value):
        text = super().clean(value)
        people, errors = [], []
        for number, line in enumerate((text or "").splitlines(), start=1):
            cells = [c.strip() for c in line.split("|")]
            if not cells or not cells[0]:
                continue
            person = {"name": cells[0], "position": cells[1] if len(cells) > 1 else ""}
            if len(cells) > 2 and cells[2]:
                try:
                    person["date"] = parse_date(cells[2]).isoformat()
                except DateInputError as exc:
                    errors.append(f"บรรทัดที่ {number}: {exc}")
            people.append(person)
        if errors:
            raise forms.ValidationError(errors)
        return people


def _shown_date(value) -> str:
    try:
        return format_input(dt.date.fromisoformat(value)) if value else ""
    except (TypeError, ValueError):
        return str(value)


def _position(value) -> str:
    return " ".join(value) if isinstance(value, list) else (value or "")
