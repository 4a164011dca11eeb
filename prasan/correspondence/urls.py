from django.urls import path

from .views import registers

urlpatterns = [
    path("", registers.register_index, name="register-index"),
    path("<str:register>/", registers.entry_list, name="register-list"),
    path("<str:register>/new/", registers.entry_new, name="register-new"),
    path("<str:register>/export.<str:fmt>", registers.entry_export, name="register-export"),
    path("<str:register>/<int:pk>/", registers.entry_detail, name="register-entry"),
    path("<str:register>/<int:pk>/cancel/", registers.entry_cancel, name="register-cancel"),
]
