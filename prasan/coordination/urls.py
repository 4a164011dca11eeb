from django.urls import path

from . import views

urlpatterns = [
    path("matters/<int:pk>/activities/new/", views.new_activity, name="activity-new"),
    path("matters/<int:pk>/requests/new/", views.new_requests, name="requests-new"),
    path("reply/<str:token>/", views.agency_reply, name="agency-reply"),
]
