"""Sign-in steps, the account page (password, two-step sign-in) and the idle timer's endpoint."""

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from prasan.audit.models import record

from . import idle, signin, throttle, twofactor
from .forms import ChangePasswordForm, EnrolForm, LoginForm, VerifyForm

NEW_CODES = "prasan_new_recovery_codes"


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        step = twofactor.next_step(user)
        if step is None:
            signin.complete(self.request, user, "none")
            return redirect(self.get_success_url())
        signin.start_pending(self.request, user, self.get_success_url())
        return redirect("two-factor-verify" if step == "verify" else "two-factor-enrol")


def two_factor_verify(request):
    """Step two for someone who has an app: its code, or one recovery code."""
    user = signin.pending_user(request)
    if user is None:
        return redirect("login")
    form = VerifyForm(request.POST or None)
    address = throttle.client_address(request)
    if request.method == "POST" and form.is_valid():
        locked = throttle.lockout(user.get_username(), address)
        if locked is not None:
            form.add_error(None, locked.message)
        elif wait := twofactor.wait_seconds(user):
            form.add_error("code", f"ลองเร็วเกินไป รออีก {wait} วินาทีแล้วพิมพ์รหัสล่าสุดจากแอปอีกครั้ง")
        else:
            method = twofactor.verify(user, form.cleaned_data["code"])
            if method is not None:
                next_url = signin.pending_next(request)
                signin.complete(request, user, method, device=twofactor.confirmed_device(user))
                if method == "recovery":
                    left = twofactor.recovery_codes_left(user)
                    messages.warning(request, f"ใช้รหัสกู้คืนไปแล้ว เหลืออีก {left} รหัส "
                                              "ถ้าโทรศัพท์หาย ให้ตั้งค่าแอปใหม่ที่หน้า บัญชีของฉัน")
                return redirect(signin.safe_next(request, next_url))
            locked = throttle.record_failure(user.get_username(), address, "code", user=user)
            form.add_error("code", locked.message if locked else
                           "รหัสไม่ถูกต้อง หรือใช้ไปแล้ว — รอรหัสถัดไปจากแอปแล้วลองอีกครั้ง")
    return render(request, "accounts/two_factor_verify.html", {"form": form, "pending": user})


def two_factor_enrol(request):
    """Setting up the app: at the first sign-in of someone who must, or later by choice."""
    user = signin.pending_user(request)
    first_login = user is not None
    if first_login and twofactor.confirmed_device(user) is not None:
        # A password alone must never replace the app that guards the account.
        return redirect("two-factor-verify")
    if user is None:
        if not request.user.is_authenticated:
            return redirect("login")
        user = request.user
    device = twofactor.pending_device(user)
    form = EnrolForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and (wait := twofactor.wait_seconds(user)):
        form.add_error("code", f"ลองเร็วเกินไป รออีก {wait} วินาทีแล้วพิมพ์รหัสล่าสุดจากแอปอีกครั้ง")
    elif request.method == "POST" and form.is_valid():
        codes = twofactor.confirm(user, device, form.cleaned_data["code"])
        if codes is not None:
            next_url = signin.pending_next(request) if first_login else ""
            if first_login:
                signin.complete(request, user, "totp_enrolled", device=device)
            request.session[NEW_CODES] = {"codes": codes, "next": signin.safe_next(request, next_url)}
            return redirect("recovery-codes")
        form.add_error("code", "รหัสไม่ถูกต้อง ตรวจว่าเวลาในโทรศัพท์ตรงกับเวลาจริง แล้วพิมพ์รหัสล่าสุดจากแอป")
    return render(request, "accounts/two_factor_enrol.html", {
        "form": form, "pending": user if first_login else None, "first_login": first_login,
        "required": twofactor.required_for(user), "qr": twofactor.qr_data_uri(device),
        "manual_key": twofactor.manual_key(device),
    })


@login_required
def recovery_codes(request):
    """The new recovery codes, shown once: the session forgets them after this page."""
    shown = request.session.pop(NEW_CODES, None)
    if not shown:
        return redirect("account")
    return render(request, "accounts/recovery_codes.html", {"codes": shown["codes"], "next": shown["next"]})


@login_required
def account(request):
    return _account_page(request, ChangePasswordForm(request.user))


@login_required
@require_POST
def change_password(request):
    form = ChangePasswordForm(request.user, request.POST)
    if not form.is_valid():
        return _account_page(request, form, status=200)
    user = form.save()
    update_session_auth_hash(request, user)  # stay signed in here; every other session ends
    record(user, "password_changed", user, address=throttle.client_address(request))
    messages.success(request, "เปลี่ยนรหัสผ่านแล้ว อุปกรณ์อื่นที่เข้าสู่ระบบไว้จะต้องเข้าสู่ระบบใหม่")
    return redirect("account")


def _account_page(request, form, status=200):
    user = request.user
    return render(request, "accounts/account.html", {
        "form": form, "device": twofactor.confirmed_device(user), "required": twofactor.required_for(user),
        "codes_left": twofactor.recovery_codes_left(user),
    }, status=status)


@login_required
@require_POST
def renew_recovery_codes(request):
    if twofactor.confirmed_device(request.user) is None:
        return redirect("account")
    request.session[NEW_CODES] = {"codes": twofactor.new_recovery_codes(request.user), "next": "/account/"}
    return redirect("recovery-codes")


@login_required
@require_POST
def remove_two_factor(request):
    if twofactor.required_for(request.user):
        raise PermissionDenied("ตำแหน่งของท่านต้องยืนยันตัวตนสองขั้นตอน ยกเลิกไม่ได้")
    twofactor.disable(request.user, by=request.user)
    messages.success(request, "ยกเลิกการยืนยันตัวตนสองขั้นตอนแล้ว")
    return redirect("account")


def session_status(request):
    """GET: seconds before the idle sign-out (not activity). POST: "ใช้งานต่อ" — counts as activity."""
    if not request.user.is_authenticated:
        return JsonResponse({"seconds_left": 0}, status=401)
    if request.method == "POST":
        idle.touch(request.session)
    return JsonResponse({"seconds_left": idle.seconds_left(request.session)})


def admin_login(request, extra_context=None):
    """Django admin signs in through the same steps (throttle, two-step, audit) as every page."""
    if request.user.is_authenticated:
        raise PermissionDenied  # signed in but not staff: the admin is not for them
    from django.contrib.auth.views import redirect_to_login

    return redirect_to_login(request.GET.get("next") or "/admin/")
