"""The schema states the rules the code enforces, so a client (and schemathesis) knows them before trying."""

import re

import pytest

from prasan.api.main import api
from prasan.correspondence.models import Register


@pytest.fixture(scope="module")
def schema():
    return api.get_openapi_schema()


def test_a_register_in_the_path_is_one_of_the_registers(schema):
    seen = 0
    for path, operations in schema["paths"].items():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "path" and parameter["name"] == "register":
                    assert parameter["schema"]["enum"] == list(Register.values), path
                    seen += 1
    assert seen == 5


@pytest.mark.parametrize("name, first, second", [("MatterIn", "external_deadline", "deadline_working_days"),
                                                  ("RequestIn", "deadline", "deadline_working_days")])
def test_two_ways_of_giving_a_deadline_are_one_or_the_other(schema, name, first, second):
    rule = schema["components"]["schemas"][name]["not"]
    assert rule["required"] == [first, second]
    assert rule["properties"][first] == rule["properties"][second] == {"not": {"type": "null"}}


def test_iso_dates_say_christian_era_and_refuse_a_buddhist_year(schema):
    date = next(option for option in schema["components"]["schemas"]["MatterIn"]["properties"]["external_deadline"]
                ["anyOf"] if option.get("format") == "date")
    pattern = re.compile(date["pattern"])
    assert pattern.match("2026-12-07") and pattern.match("1999-01-01")
    assert not pattern.match("2569-12-07") and not pattern.match("2400-01-01")
    assert "ค.ศ." in date["description"]
