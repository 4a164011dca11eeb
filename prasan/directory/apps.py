from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "prasan.directory"
    verbose_name = "ทำเนียบหน่วยงาน"
