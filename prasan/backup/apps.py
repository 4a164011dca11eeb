from django.apps import AppConfig


class BackupConfig(AppConfig):
    name = "prasan.backup"
    verbose_name = "สำรองและกู้คืนข้อมูล"
