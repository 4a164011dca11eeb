from django.apps import AppConfig
from django.db.models.signals import post_migrate


class SearchConfig(AppConfig):
    name = "prasan.search"
    verbose_name = "การค้นหา"

    def ready(self):
        from . import index

        index.connect()
        post_migrate.connect(_fill_empty_index, sender=self, dispatch_uid="search-fill-empty-index")


def _fill_empty_index(using="default", **kwargs):
    """A database that had matters before search existed gets its index once, at the first migrate."""
    from prasan.matters.models import Matter

    from . import index
    from .models import SearchEntry

    if not SearchEntry.objects.using(using).exists() and Matter.objects.using(using).exists():
        index.rebuild()
