from django.urls import path

from . import views

urlpatterns = [
    path("", views.agency_list, name="agency-list"),
    path("new/", views.agency_edit, name="agency-new"),
    path("import/", views.agency_import, name="agency-import"),
    path("import/template.csv", views.import_template, name="agency-import-template"),
    path("<int:pk>/", views.agency_detail, name="agency-detail"),
    path("<int:pk>/edit/", views.agency_edit, name="agency-edit"),
    path("<int:agency_pk>/contacts/new/", views.contact_edit, name="contact-new"),
    path("<int:agency_pk>/contacts/<int:pk>/edit/", views.contact_edit, name="contact-edit"),
]
