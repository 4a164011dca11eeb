from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("login/two-factor/", views.two_factor_verify, name="two-factor-verify"),
    path("login/two-factor/setup/", views.two_factor_enrol, name="two-factor-enrol"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/", views.account, name="account"),
    path("account/password/", views.change_password, name="password-change"),
    path("account/recovery-codes/", views.recovery_codes, name="recovery-codes"),
    path("account/recovery-codes/renew/", views.renew_recovery_codes, name="recovery-codes-renew"),
    path("account/two-factor/remove/", views.remove_two_factor, name="two-factor-remove"),
    path("account/session", views.session_status, name="session-status"),
]
