from django.apps import AppConfig


class CorrespondenceConfig(AppConfig):
    name = "prasan.correspondence"
    verbose_name = "งานสารบรรณ"

    def ready(self):
        from django_tasks.signals import task_finished

        from .receiving import on_task_finished

        task_finished.connect(on_task_finished, dispatch_uid="intake-task-finished")
