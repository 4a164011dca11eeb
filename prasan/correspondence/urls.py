from django.urls import path

from .views import intake, registers

urlpatterns = [
    path("intake/", intake.intake_home, name="intake-home"),
    path("intake/<int:pk>/", intake.intake_detail, name="intake-detail"),
    path("intake/<int:pk>/progress/", intake.intake_progress, name="intake-progress"),
    path("intake/<int:pk>/file/", intake.intake_file, name="intake-file"),
    path("intake/<int:pk>/page-<int:page>.png", intake.intake_page, name="intake-page"),
    path("intake/<int:pk>/retry/", intake.intake_retry, name="intake-retry"),
    path("intake/<int:pk>/discard/", intake.intake_discard, name="intake-discard"),
    path("", registers.register_index, name="register-index"),
    path("<str:register>/", registers.entry_list, name="register-list"),
    path("<str:register>/new/", registers.entry_new, name="register-new"),
    path("<str:register>/export.<str:fmt>", registers.entry_export, name="register-export"),
    path("<str:register>/<int:pk>/", registers.entry_detail, name="register-entry"),
    path("<str:register>/<int:pk>/cancel/", registers.entry_cancel, name="register-cancel"),
]
