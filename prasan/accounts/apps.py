from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "prasan.accounts"
    verbose_name = "ผู้ใช้และสิทธิ์"

    def ready(self):
        from . import signin  # noqa: F401  (connects the sign-in/sign-out receivers)
