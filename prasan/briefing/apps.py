from django.apps import AppConfig


class BriefingConfig(AppConfig):
    name = "prasan.briefing"
    verbose_name = "แฟ้มข้อมูลประกอบ"

    def ready(self):
        from django_tasks.signals import task_finished

        from .building import on_task_finished

        task_finished.connect(on_task_finished, dispatch_uid="briefing-task-finished")
