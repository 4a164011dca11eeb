from django.urls import path

from . import secret_views, views

urlpatterns = [
    path("", views.index, name="records"),
    path("draft/", views.draft, name="records-draft"),
    path("<int:pk>/", views.detail, name="records-list"),
    path("<int:pk>/approve/", views.approve, name="records-approve"),
    path("<int:pk>/carry-out/", views.carry_out, name="records-carry-out"),
    path("matter/<int:pk>/", views.matter_retention, name="records-matter-retention"),
    path("secret/", secret_views.index, name="records-secret"),
    path("secret/propose/", secret_views.propose, name="records-secret-propose"),
    path("secret/<int:pk>/", secret_views.detail, name="records-secret-detail"),
    path("secret/<int:pk>/approve/", secret_views.approve, name="records-secret-approve"),
    path("secret/<int:pk>/destroyed/", secret_views.carry_out, name="records-secret-carry-out"),
    path("secret/<int:pk>/certificate.pdf", secret_views.certificate_pdf, name="records-secret-certificate"),
]
