"""Idempotency-Key on every POST of the API: a retried write answers the first answer again.

A client that lost the answer to a POST (timeout, dropped connection) sends it again with the
same `Idempotency-Key` header; the write is not repeated, the first status and body come back with
`Idempotent-Replayed: true`. The same key with another body (or path) is refused with 422, since
the client is confused about what it already sent. Keys belong to the token's user and are kept
IDEMPOTENCY_KEY_HOURS.

The write and the kept answer commit in one transaction, so there is never a committed write
without its answer (a retry would then repeat it) nor an answer without its write. A second
request with the same key waits on the first's row (unique per user and key) and then replays it.
It wraps every API view (PrasanAPI.urls), so new endpoints get it without doing anything.
"""

import hashlib
from datetime import timedelta
from functools import wraps

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpResponse, JsonResponse
from django.utils import timezone

from prasan.accounts.models import ApiToken

from .models import IdempotencyKey

HEADER = "Idempotency-Key"
REPLAYED = "Idempotent-Replayed"
MAX_KEY_LENGTH = 255


def _refuse(status: int, detail: str) -> JsonResponse:
    return JsonResponse({"detail": detail}, status=status, json_dumps_params={"ensure_ascii": False})


def _token_user(request):
    scheme, _, raw = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not raw.strip():
        return None
    token = ApiToken.find(raw.strip())
    return None if token is None or token.expired else token.user


def fingerprint(request) -> str:
    digest = hashlib.sha256()
    for part in (request.method.encode(), request.path.encode(), request.body):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def _replay(entry: IdempotencyKey) -> HttpResponse:
    response = HttpResponse(entry.body.encode(), status=entry.status, content_type=entry.content_type or None)
    response[REPLAYED] = "true"
    return response


def idempotent(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        key = request.headers.get(HEADER)
        if request.method != "POST" or key is None:
            return view(request, *args, **kwargs)
        if not key or len(key) > MAX_KEY_LENGTH or not key.isascii() or not key.isprintable():
            return _refuse(422, f"{HEADER} ต้องเป็นอักขระ ASCII ที่พิมพ์ได้ 1–{MAX_KEY_LENGTH} ตัว")
        user = _token_user(request)
        if user is None:
            return view(request, *args, **kwargs)  # the view answers 401 in its own words
        return _once(request, user, key, view, args, kwargs)

    return wrapper


def _once(request, user, key, view, args, kwargs):
    now = timezone.now()
    printed = fingerprint(request)
    with transaction.atomic():
        IdempotencyKey.objects.filter(user=user, expires_at__lte=now).delete()
        try:
            with transaction.atomic():
                entry = IdempotencyKey.objects.create(
                    user=user, key=key, fingerprint=printed, status=0,
                    expires_at=now + timedelta(hours=settings.IDEMPOTENCY_KEY_HOURS))
        except IntegrityError:
            # Another request holds (or held) this key; on PostgreSQL the insert above waited for it.
            entry = IdempotencyKey.objects.get(user=user, key=key)
            if entry.fingerprint != printed:
                return _refuse(422, f"{HEADER} นี้ใช้กับคำขออื่นไปแล้ว (ที่อยู่หรือเนื้อหาต่างกัน) "
                                    "คำขอใหม่ต้องใช้คีย์ใหม่")
            return _replay(entry)
        response = view(request, *args, **kwargs)
        if response.status_code >= 500 or getattr(response, "streaming", False):
            # Nothing worth replaying: undo the write (if any) and the key, so a retry runs afresh.
            transaction.set_rollback(True)
            return response
        entry.status = response.status_code
        entry.content_type = response.get("Content-Type", "")
        entry.body = response.content.decode("utf-8", errors="replace")
        entry.save(update_fields=["status", "content_type", "body"])
    return response
