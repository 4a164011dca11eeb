"""Idempotency-Key on POST: a retry with the same key and body replays the first answer and writes
nothing more; another body with the same key is refused (422, Thai); keys are per user and expire."""

import datetime as dt
import json
import threading

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from prasan.accounts.models import ApiToken
from prasan.api.models import IdempotencyKey
from prasan.audit.models import AuditEvent
from prasan.coordination.models import Activity
from prasan.matters.models import Matter

from .conftest import BASE, assert_thai_error

COMMAND = {"title": "ขอข้อมูลจำนวนครูผู้ช่วย", "duty_type": "analysis", "source": "verbal_command"}


def post(token, path, body, key=None):
    headers = {"Authorization": f"Bearer {token}"}
    if key is not None:
        headers["Idempotency-Key"] = key
    return Client(headers=headers).post(BASE + path, data=json.dumps(body), content_type="application/json")


@pytest.fixture
def token(users):
    return ApiToken.issue(users["coordinator"])[1]


def test_a_retry_with_the_same_key_replays_the_first_answer_and_writes_once(token):
    first = post(token, "/matters", COMMAND, key="retry-1")
    assert first.status_code == 201
    again = post(token, "/matters", COMMAND, key="retry-1")
    assert again.status_code == 201
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true" and "Idempotent-Replayed" not in first
    assert Matter.objects.count() == 1
    assert AuditEvent.objects.filter(action="matter.create").count() == 1


def test_without_a_key_a_retry_writes_twice_as_before(token):
    post(token, "/matters", COMMAND)
    post(token, "/matters", COMMAND)
    assert Matter.objects.count() == 2


def test_the_same_key_with_another_body_is_refused_in_thai(token):
    post(token, "/matters", COMMAND, key="k")
    response = post(token, "/matters", {**COMMAND, "title": "เรื่องอื่น"}, key="k")
    assert "ใช้กับคำขออื่นไปแล้ว" in assert_thai_error(response, 422)
    assert Matter.objects.count() == 1


def test_the_same_key_on_another_path_is_refused(token, make_matter):
    matter = make_matter()
    post(token, "/matters", COMMAND, key="k2")
    response = post(token, f"/matters/{matter.pk}/activities", COMMAND, key="k2")
    assert_thai_error(response, 422)


def test_every_post_endpoint_honours_it_activities_too(token, make_matter):
    matter = make_matter()
    body = {"channel": "phone", "direction": "out", "summary": "โทรถาม สพฐ. เรื่องตัวเลขครู"}
    first = post(token, f"/matters/{matter.pk}/activities", body, key="call-1")
    assert first.status_code == 201, first.content
    post(token, f"/matters/{matter.pk}/activities", body, key="call-1")
    assert Activity.objects.filter(matter=matter).count() == 1


def test_keys_belong_to_one_user(token, users):
    other = ApiToken.issue(users["grouphead"])[1]
    post(token, "/matters", COMMAND, key="shared")
    response = post(other, "/matters", COMMAND, key="shared")
    assert response.status_code == 201 and "Idempotent-Replayed" not in response
    assert Matter.objects.count() == 2


def test_a_refusal_is_replayed_too_and_writes_nothing(token):
    bad = {**COMMAND, "external_deadline": "2020-01-06"}
    first = post(token, "/matters", bad, key="bad")
    again = post(token, "/matters", bad, key="bad")
    assert first.status_code == again.status_code == 422
    assert again.json() == first.json() and again["Idempotent-Replayed"] == "true"


def test_an_expired_key_is_a_new_request(token):
    post(token, "/matters", COMMAND, key="old")
    IdempotencyKey.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    response = post(token, "/matters", COMMAND, key="old")
    assert "Idempotent-Replayed" not in response
    assert Matter.objects.count() == 2
    assert IdempotencyKey.objects.count() == 1


def test_keys_are_kept_for_the_setting(token, settings):
    post(token, "/matters", COMMAND, key="24h")
    kept = IdempotencyKey.objects.get()
    assert abs((kept.expires_at - kept.created_at) - dt.timedelta(hours=settings.IDEMPOTENCY_KEY_HOURS)) \
        < dt.timedelta(seconds=5)


@pytest.mark.parametrize("key", ["", "x" * 256, "คีย์ภาษาไทย"])
def test_a_malformed_key_is_refused(token, key):
    assert_thai_error(post(token, "/matters", COMMAND, key=key), 422)
    assert not Matter.objects.exists()


def test_an_anonymous_caller_with_a_key_still_gets_401(db):
    response = Client(headers={"Idempotency-Key": "a"}).post(BASE + "/matters", data=json.dumps(COMMAND),
                                                             content_type="application/json")
    assert_thai_error(response, 401)
    assert not IdempotencyKey.objects.exists()


def test_get_ignores_the_header(token, users):
    response = Client(headers={"Authorization": f"Bearer {token}", "Idempotency-Key": "g"}).get(BASE + "/matters")
    assert response.status_code == 200 and not IdempotencyKey.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_retries_at_once_write_one_matter(office, unit, users):
    """The lost-201 retry racing the original: both answer the same matter, one row is written."""
    raw = ApiToken.issue(users["coordinator"])[1]
    results, barrier = [], threading.Barrier(4)

    def send():
        barrier.wait()
        try:
            results.append(post(raw, "/matters", COMMAND, key="race"))
        finally:
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [r.status_code for r in results] == [201] * 4
    assert len({r.json()["id"] for r in results}) == 1
    assert Matter.objects.count() == 1
    assert sum(1 for r in results if "Idempotent-Replayed" in r) == 3
    connection.close()


def test_the_openapi_document_describes_the_header_on_every_post(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    posts = [ops["post"] for ops in paths.values() if "post" in ops]
    assert posts
    for post in posts:
        assert any(p["name"] == "Idempotency-Key" and p["in"] == "header" for p in post["parameters"])
