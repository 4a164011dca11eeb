from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "prasan.publishing"
    verbose_name = "ข่าวและประกาศเผยแพร่"
