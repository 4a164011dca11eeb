"""/public/complaint/: the public complaint form and status page (no account)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.complaint_form, name="public-complaint"),
    path("received/", views.received, name="public-complaint-received"),
    path("status/", views.status_page, name="public-complaint-status"),
]
