from django.apps import AppConfig


class PublicSiteConfig(AppConfig):
    name = "prasan.public_site"
    label = "public_site"
    verbose_name = "เว็บไซต์สาธารณะ"
