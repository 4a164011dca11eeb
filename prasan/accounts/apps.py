from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "prasan.accounts"
    verbose_name = "ผู้ใช้และสิทธิ์"
