"""The JSON API (django-ninja): `Authorization: Bearer <token>`, Thai `detail` on every error."""

from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import HttpBearer

from prasan.accounts.models import ApiToken


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        user = ApiToken.authenticate(token)
        if user is not None:
            request.user = user
        return user


api = NinjaAPI(
    title="Prasan API",
    version="1",
    description="ระบบประสาน — API ของสำนักงานรัฐมนตรี",
    auth=TokenAuth(),
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
    return api.create_response(request, {"detail": "ข้อมูลไม่ถูกต้อง", "errors": exc.errors}, status=422)


@api.exception_handler(HttpError)
def _http_error(request, exc):
    return api.create_response(request, {"detail": exc.message}, status=exc.status_code)


from . import matters as _matters  # noqa: E402,F401  (registers routes)
