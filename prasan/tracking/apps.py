from django.apps import AppConfig


class TrackingConfig(AppConfig):
    name = "prasan.tracking"
    verbose_name = "การติดตามงาน"

    def ready(self):
        from . import generations, signals, tallies  # noqa: F401  (signals connects the assignment notifications)

        tallies.connect()  # the dashboards' counters follow every save and delete of a matter
        generations.connect()  # and what the late-agencies table was counted from
