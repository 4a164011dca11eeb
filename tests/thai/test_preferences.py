"""The office's digit setting: read once in a while, not once per date shown; saving the office applies it."""

import pytest

from prasan.directory.models import Office
from prasan.thai import preferences


@pytest.mark.django_db
def test_defaults_are_what_prasan_always_printed(django_assert_num_queries):
    preferences.clear()
    with django_assert_num_queries(1):  # no office yet: the defaults, asked once
        assert preferences.screen_thai_digits() is False
        assert preferences.document_digits() == "thai"
        assert preferences.screen_thai_digits() is False


@pytest.mark.django_db
def test_saving_the_office_applies_its_setting_without_another_query(office, django_assert_num_queries):
    office.screen_digits, office.document_digits = "thai", "arabic"
    office.save()
    with django_assert_num_queries(0):
        assert preferences.screen_thai_digits() is True
        assert preferences.document_digits() == "arabic"


@pytest.mark.django_db
def test_another_tenants_office_does_not_change_the_first_ones_setting(office):
    preferences.clear()
    assert preferences.screen_thai_digits() is False
    Office.objects.create(name="สำนักงานรัฐมนตรีช่วย", abbreviation="สรช", screen_digits="thai")
    assert preferences.screen_thai_digits() is False
