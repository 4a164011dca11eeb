from django.apps import AppConfig


class TrackingConfig(AppConfig):
    name = "prasan.tracking"
    verbose_name = "การติดตามงาน"

    def ready(self):
        from . import signals, tallies  # noqa: F401  (signals connects the assignment notifications)

        tallies.connect()  # the dashboards' counters follow every save and delete of a matter
