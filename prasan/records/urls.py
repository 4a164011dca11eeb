from django.urls import path

from . import views

urlpatterns = [
    path("", views.index, name="records"),
    path("draft/", views.draft, name="records-draft"),
    path("<int:pk>/", views.detail, name="records-list"),
    path("<int:pk>/approve/", views.approve, name="records-approve"),
    path("<int:pk>/carry-out/", views.carry_out, name="records-carry-out"),
    path("matter/<int:pk>/", views.matter_retention, name="records-matter-retention"),
]
