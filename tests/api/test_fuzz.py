"""schemathesis over the whole OpenAPI schema, in process: no input an API client can send gets a 5xx.

A short run on every `make test` (a few examples per operation, as the head of office who may see and do
most); `make fuzz` runs the same with PRASAN_FUZZ_EXAMPLES set high.
"""

import os
from collections import Counter

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings

from prasan.accounts.models import ApiToken

EXAMPLES = int(os.environ.get("PRASAN_FUZZ_EXAMPLES", "5"))


@pytest.fixture
def api_schema(db):
    # As Django's test client does: a request's end must not close the test's database connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def head_token(users, make_matter, agencies):
    make_matter(title="เรื่องตัวอย่างสำหรับทดสอบ")  # something to find, change and be refused about
    return ApiToken.issue(users["head"])[1]


def test_no_input_gets_a_server_error(api_schema, head_token):
    headers = {"Authorization": f"Bearer {head_token}"}
    errors, statuses = [], Counter()
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 18  # every operation the API documents, including those added later
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def call(case):
            response = case.call(headers=headers)
            statuses[response.status_code // 100] += 1
            if response.status_code >= 500:
                errors.append(f"{case.operation.label}: {response.status_code} {case.path_parameters} {case.query} "
                              f"{str(case.body)[:200]}")

        call()
    assert errors == []
    assert statuses[2] and statuses[4], statuses  # it reached the handlers, and was refused where it should be
