"""/complaints/import/: the registrar's import of 1111 and Traffy Fondue exports."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.import_page, name="complaint-import"),
    path("<int:pk>/", views.import_run, name="complaint-import-run"),
    path("<int:pk>/progress/", views.import_progress, name="complaint-import-progress"),
    path("samples/<str:name>", views.sample_file, name="complaint-import-sample"),
]
