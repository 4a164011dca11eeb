from django.apps import AppConfig


class BriefingConfig(AppConfig):
    name = "prasan.briefing"
    verbose_name = "แฟ้มข้อมูลประกอบ"
