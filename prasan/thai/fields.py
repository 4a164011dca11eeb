"""Form fields for dates and times as Thai offices type them; every page's date field is one of these.

    due = ThaiDateField(label="กำหนด")                      # a plain form
    class Meta: field_classes = {"due": ThaiDateField}      # a ModelForm's date column

The input is a text box (never the browser's Gregorian picker): it shows `7 ธ.ค. 2569` and reads
whatever prasan.thai.date_input reads, so it works without JavaScript; static/js/thai-date.js adds a
small Buddhist-era calendar beside it.
"""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from .date_input import EXAMPLE, DateInputError, format_input, parse_date, parse_time

DATE_HINT = f"เช่น {EXAMPLE} หรือ 7/12/2569"


class ThaiDateInput(forms.TextInput):
    """A text box marked for the calendar script; shows a date as `7 ธ.ค. 2569`."""

    def __init__(self, attrs=None):
        base = {"data-thai-date": "", "autocomplete": "off", "placeholder": DATE_HINT, "class": "thai-date",
                "spellcheck": "false"}
        super().__init__({**base, **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, dt.datetime):
            value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
        if isinstance(value, dt.date):
            return format_input(value)
        if isinstance(value, str) and value:
            try:  # an ISO date from a document's data or a link shows as the office writes it
                return format_input(dt.date.fromisoformat(value))
            except ValueError:
                return value  # what the person typed, kept so the error beside it makes sense
        return super().format_value(value)


class ThaiDateField(forms.DateField):
    """A date typed in the Buddhist era (or read from an ISO link); stored as a Python date (CE)."""

    widget = ThaiDateInput
    default_error_messages = {"invalid": "วันที่ไม่ถูกต้อง", "required": "กรุณากรอกวันที่"}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return parse_date(str(value))
        except DateInputError as exc:
            raise ValidationError(str(exc), code="invalid") from None


class ThaiTimeInput(forms.TextInput):
    def __init__(self, attrs=None):
        # "decimal" keeps the dot on phone keypads (14.05); "numeric" on iPhones has digits only
        base = {"inputmode": "decimal", "autocomplete": "off", "placeholder": "เช่น 14.05", "class": "thai-time",
                "aria-label": "เวลา (ชั่วโมง.นาที)"}
        super().__init__({**base, **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, dt.time):
            return f"{value:%H:%M}"
        return super().format_value(value)


class ThaiTimeField(forms.TimeField):
    widget = ThaiTimeInput
    default_error_messages = {"invalid": "เวลาไม่ถูกต้อง", "required": "กรุณากรอกเวลา"}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, dt.time):
            return value
        try:
            return parse_time(str(value))
        except DateInputError as exc:
            raise ValidationError(str(exc), code="invalid") from None


class ThaiDateTimeWidget(forms.MultiWidget):
    """Date (with the calendar) and time side by side; a stored moment shows in Bangkok time."""

    def __init__(self, attrs=None):
        super().__init__([ThaiDateInput(attrs), ThaiTimeInput(attrs)], attrs)

    def decompress(self, value):
        if isinstance(value, dt.datetime):
            local = timezone.localtime(value) if timezone.is_aware(value) else value
            return [local.date(), local.time().replace(second=0, microsecond=0)]
        return [None, None]


class ThaiDateTimeField(forms.MultiValueField):
    """A moment typed as a Buddhist-era date and a 24-hour time, read in the office's time zone."""

    widget = ThaiDateTimeWidget
    default_error_messages = {"invalid": "วันเวลาไม่ถูกต้อง", "incomplete": "กรุณากรอกทั้งวันที่และเวลา"}

    def __init__(self, **kwargs):
        fields = (ThaiDateField(), ThaiTimeField())
        kwargs.setdefault("require_all_fields", False)
        super().__init__(fields, **kwargs)
        for field in self.fields:
            field.required = False

    def compress(self, data_list):
        if not data_list:
            return None
        day, time = (list(data_list) + [None, None])[:2]
        if day is None and time is None:
            return None
        if day is None:
            raise ValidationError("กรุณากรอกวันที่", code="incomplete")
        moment = dt.datetime.combine(day, time or dt.time(0, 0))
        return timezone.make_aware(moment)


def use_thai_dates_in_admin(site=None) -> None:
    """The configuration pages (Django admin) take and show Buddhist-era dates too, instead of Django's
    Gregorian calendar widget."""
    from django.contrib import admin
    from django.db import models

    for model_admin in (site or admin.site)._registry.values():
        model_admin.formfield_overrides[models.DateField] = {"form_class": ThaiDateField, "widget": ThaiDateInput}
        model_admin.formfield_overrides[models.DateTimeField] = {
            "form_class": ThaiDateTimeField, "widget": ThaiDateTimeWidget}
