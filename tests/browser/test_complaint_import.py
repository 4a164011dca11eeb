"""The registrar imports the 1111 centre's XLSX export in Chromium: the file is queued, the worker files its rows,
the page shows what was imported; a second import of the same cases skips them all."""

from pathlib import Path

import pytest

from prasan.complaints.models import Complaint

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SAMPLES = Path(__file__).resolve().parents[2] / "docs" / "samples" / "complaints"


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_the_registrar_imports_a_1111_export(open_browser, office, users, size):
    registrar = open_browser(size).login("registrar")
    registrar.visit("/complaints/import/")
    registrar.assert_styled()
    registrar.attach("id_file", SAMPLES / "1111-export.xlsx").press("นำเข้า")
    registrar.shows("ผลการนำเข้าไฟล์ของศูนย์รับเรื่องราวร้องทุกข์ของรัฐบาล 1111", "นำเข้าแล้ว 5 เรื่อง", "6912000871")
    assert Complaint.objects.filter(channel="hotline_1111").count() == 5
    if size == "phone":
        registrar.assert_fits_phone()
    registrar.screenshot(f"complaint-import-{size}")
    registrar.click_link("← นำเข้าไฟล์อื่น")
    registrar.attach("id_file", SAMPLES / "1111-export.csv").press("นำเข้า")
    registrar.shows("นำเข้าแล้ว 0 เรื่อง", "นำเข้าไว้ก่อนแล้ว (ข้าม) 5 เรื่อง")
