"""Django's own messages reach users in Thai: the project's catalogue is compiled, current and in use."""

import gettext
import shutil
import subprocess
from pathlib import Path

import pytest
from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.utils import translation

from prasan import hygiene

LOCALE = Path(__file__).resolve().parents[2] / "prasan" / "locale" / "th" / "LC_MESSAGES"


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_the_committed_catalogue_is_the_compiled_po(domain, tmp_path):
    assert shutil.which("msgfmt"), "msgfmt (gettext) is installed by `make setup`"
    fresh = tmp_path / f"{domain}.mo"
    subprocess.run(["msgfmt", "--check", "-o", fresh, LOCALE / f"{domain}.po"], check=True)
    with open(fresh, "rb") as a, open(LOCALE / f"{domain}.mo", "rb") as b:
        assert gettext.GNUTranslations(a)._catalog == gettext.GNUTranslations(b)._catalog, "run `make messages`"


def test_djangos_validation_messages_are_thai():
    with translation.override("th"):
        too_long = forms.CharField(max_length=500)
        with pytest.raises(forms.ValidationError) as refused:
            too_long.clean("ก" * 601)
        assert refused.value.messages == ["ยาวได้ไม่เกิน 500 ตัวอักษร (ที่กรอกมี 601 ตัวอักษร)"]
        # A NUL is refused first by the project's text hygiene rule (prasan.hygiene), in Thai.
        with pytest.raises(forms.ValidationError) as refused:
            too_long.clean("ก" * 600 + "\x00")
        assert hygiene.message("\x00") in refused.value.messages
        assert str(ProhibitNullCharactersValidator.message).startswith("มีอักขระควบคุม")
        with pytest.raises(forms.ValidationError, match="กรุณากรอกจำนวนเต็ม"):
            forms.IntegerField().clean("สิบ")
        with pytest.raises(forms.ValidationError, match="กรุณากรอกช่องนี้"):
            forms.DateField().clean("")
        with pytest.raises(forms.ValidationError, match="วันที่ไม่ถูกต้อง"):
            forms.DateField().clean("31/02/2569x")
