"""The password policy: length, not the person's names, not common/leaked, strong enough by the
same estimate the meter shows; every reason in Thai."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from prasan.accounts.passwords import strength
from prasan.demo.data import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def problems(password, user=None):
    try:
        validate_password(password, user)
    except ValidationError as error:
        return " ".join(error.messages)
    return ""


@pytest.mark.parametrize(("password", "reason"), [
    ("short1!", "สั้นเกินไป"),
    (DEMO_PASSWORD, "ใช้กันทั่วไป"),  # the probe: the demo password was accepted
    ("prasan", "ใช้กันทั่วไป"),
    ("password123", "ใช้กันทั่วไป"),
    ("iloveyou2024", "ใช้กันทั่วไป"),
    ("qwertyuiop12", "เดาง่ายเกินไป"),
    ("abcdefghijk", "เดาง่ายเกินไป"),
    ("1111111111", "เดาง่ายเกินไป"),
])
def test_weak_and_common_passwords_are_refused_in_thai(password, reason):
    assert reason in problems(password)


def test_the_users_own_name_is_refused(users):
    coordinator = users["coordinator"]
    coordinator.first_name, coordinator.last_name = "Somsri", "Jaidee"
    assert "ชื่อผู้ใช้ ชื่อ นามสกุล" in problems("coordinator!Blue-Sky", coordinator)
    assert "ชื่อผู้ใช้ ชื่อ นามสกุล" in problems("JAIDEE-river-9047", coordinator)
    assert problems("ฝนตกที่เชียงใหม่-9047", coordinator) == ""


@pytest.mark.parametrize("password", ["ฝนตกที่เชียงใหม่-9047", "Tr0ub4dor&3-horse", "kX9#mQ2$vLp7",
                                      "ครูช่วยสอน-2569"])
def test_good_passwords_pass(password):
    assert problems(password) == ""


def test_the_estimate_marks_down_years_runs_and_repeats():
    assert strength("prasan2569")[0] == 0
    assert strength("abcdefghij")[0] == 0
    assert strength("zzzzzzzzzzzz")[0] == 0
    assert strength("kX9#mQ2$vLp7")[0] >= 3
    assert strength("mango-lantern-sofa-7301")[0] == 4


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_the_estimate_never_fails_on_any_text(text):
    score, bits = strength(text, ["somsri"])
    assert 0 <= score <= 4 and bits >= 0
