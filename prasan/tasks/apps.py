from django.apps import AppConfig


class TasksConfig(AppConfig):
    name = "prasan.tasks"
    label = "prasan_tasks"
    verbose_name = "งานเบื้องหลัง"
