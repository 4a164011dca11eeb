from django.apps import AppConfig

from prasan.hygiene import install_form_rule

# At import, not in ready(): Django imports every app's config before any models or forms module, and a
# form's fields are built when its class is, so the rule must be in place before the first form class.
install_form_rule()


class WebConfig(AppConfig):
    name = "prasan.web"
    verbose_name = "หน้าเว็บ"

    def ready(self):
        from prasan.thai.fields import use_thai_dates_in_admin

        from .admin_thai import localise

        # prasan.web comes after django.contrib.admin, whose ready() has registered every ModelAdmin by now.
        use_thai_dates_in_admin()
        localise()
