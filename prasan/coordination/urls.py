from django.urls import path

from . import views

urlpatterns = [
    path("matters/<int:pk>/activities/new/", views.new_activity, name="activity-new"),
    path("matters/<int:pk>/requests/new/", views.new_requests, name="requests-new"),
    path("matters/<int:pk>/requests/<int:request_id>/reissue/", views.reissue_request, name="request-reissue"),
    path("matters/<int:pk>/requests/<int:request_id>/cancel/", views.cancel_request, name="request-cancel"),
    path("matters/<int:pk>/requests/<int:request_id>/seen/", views.answer_seen, name="request-answer-seen"),
    path("reply/<str:token>/", views.agency_reply, name="agency-reply"),
]
