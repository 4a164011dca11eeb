from django.apps import AppConfig


class AgendaConfig(AppConfig):
    name = "prasan.agenda"
    verbose_name = "กำหนดการรัฐมนตรี"
