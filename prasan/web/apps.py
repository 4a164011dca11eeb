from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "prasan.web"
    verbose_name = "หน้าเว็บ"

    def ready(self):
        from prasan.thai.fields import use_thai_dates_in_admin

        # prasan.web comes after django.contrib.admin, whose ready() has registered every ModelAdmin by now.
        use_thai_dates_in_admin()
