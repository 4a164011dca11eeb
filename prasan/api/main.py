"""The JSON API (django-ninja): `Authorization: Bearer <token>`, Thai `detail` on every error."""

from functools import wraps

from django.http import Http404, JsonResponse
from django.urls import URLPattern, re_path
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.renderers import JSONRenderer
from ninja.security import HttpBearer

from prasan.accounts.models import ApiToken

from .errors import describe, thai
from .idempotency import idempotent

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class TokenAuth(HttpBearer):
    """A live token of an active user; an expired one and a read-only one writing are told why."""

    def authenticate(self, request, token):
        found = ApiToken.find(token)
        if found is None:
            return None
        if found.expired:
            raise HttpError(401, "โทเคนนี้หมดอายุแล้ว ขอโทเคนใหม่จากผู้ดูแลระบบ (prasan token create)")
        if request.method not in SAFE_METHODS and not found.may_write:
            raise HttpError(403, "โทเคนนี้อ่านได้อย่างเดียว บันทึกหรือแก้ไขข้อมูลไม่ได้")
        found.touch()
        request.user = found.user
        return found.user


class ThaiJSONRenderer(JSONRenderer):
    """Thai as Thai in the body (UTF-8), not as \\u escapes, so curl output is readable."""

    json_dumps_params = {"ensure_ascii": False}


class PrasanAPI(NinjaAPI):
    """Also answers a wrong method or an unknown path under /api/v1/ in JSON and Thai, not Django's HTML."""

    @property
    def urls(self):
        patterns, app_name, namespace = super().urls
        wrapped = [
            URLPattern(p.pattern, _json_refusals(idempotent(p.callback)), p.default_args, p.name)
            if isinstance(p, URLPattern) else p
            for p in patterns
        ]
        return [*wrapped, re_path(r"^", _unknown_path)], app_name, namespace


    def get_openapi_schema(self, **kwargs):
        """Every POST documents the Idempotency-Key header that idempotency.py honours; a register in the
        path lists the register names (validated as a 404, see registers.RegisterName)."""
        from prasan.correspondence.models import Register

        schema = super().get_openapi_schema(**kwargs)
        for operations in schema.get("paths", {}).values():
            post = operations.get("post")
            if post is not None:
                post.setdefault("parameters", []).append(IDEMPOTENCY_PARAMETER)
            for operation in operations.values():
                for parameter in operation.get("parameters", []):
                    if parameter["in"] == "path" and parameter["name"] == "register":
                        parameter["schema"]["enum"] = list(Register.values)
        return schema


IDEMPOTENCY_PARAMETER = {
    "in": "header", "name": "Idempotency-Key", "required": False,
    "schema": {"type": "string", "minLength": 1, "maxLength": 255},
    "description": "ส่งคำขอเดิมซ้ำด้วยคีย์เดิม: ไม่บันทึกซ้ำ ได้คำตอบแรกกลับมา (Idempotent-Replayed: true); "
                   "คีย์เดิมกับเนื้อหาอื่นได้ 422; เก็บคีย์ไว้ PRASAN_IDEMPOTENCY_HOURS ชั่วโมง",
}


def _json_refusals(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            response = view(request, *args, **kwargs)
        except Http404:
            return _unknown_path(request)
        if response.status_code == 405 and not response["Content-Type"].startswith("application/json"):
            refusal = JsonResponse({"detail": f"ไม่รองรับเมธอด {request.method} ที่ที่อยู่นี้"}, status=405,
                                   json_dumps_params={"ensure_ascii": False})
            refusal["Allow"] = response["Allow"]
            return refusal
        return response

    return wrapper


def _unknown_path(request, *args, **kwargs):
    return JsonResponse({"detail": "ไม่พบที่อยู่นี้ใน API (ดูรายการที่ /api/v1/openapi.json)"}, status=404,
                        json_dumps_params={"ensure_ascii": False})


api = PrasanAPI(
    title="Prasan API",
    version="1",
    description="ระบบประสาน — API ของสำนักงานรัฐมนตรี",
    auth=TokenAuth(),
    renderer=ThaiJSONRenderer(),
    urls_namespace="api",
)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    return api.create_response(request, {"detail": "ต้องยืนยันตัวตนด้วยโทเคน (Authorization: Bearer …)"}, status=401)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return api.create_response(request, {"detail": "ไม่พบข้อมูล"}, status=404)


@api.exception_handler(ValidationError)
def _invalid(request, exc):
    return api.create_response(request, describe(exc.errors), status=422)


@api.exception_handler(HttpError)
def _http_error(request, exc):
    return api.create_response(request, {"detail": thai(exc.message)},
                               status=exc.status_code)


from . import (  # noqa: E402  (one concept each)
    activities,
    agencies,
    agenda,
    cabinet,
    complaints,
    documents,
    matters,
    me,
    parliament,
    plans,
    policies,
    posts,
    registers,
    requests,
)

for _module in (matters, plans, activities, requests, agencies, registers, documents, me, parliament, cabinet,
                complaints, agenda, policies, posts):
    api.add_router("/", _module.router)

from prasan.search import api as _search  # noqa: E402,F401  (adds GET /search to this API)
