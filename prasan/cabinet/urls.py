"""Cabinet meeting pages under /cabinet/."""

from django.urls import path

from . import views_agenda, views_meetings

urlpatterns = [
    path("", views_meetings.meeting_list_page, name="cabinet-list"),
    path("new/", views_meetings.meeting_new, name="cabinet-new"),
    path("<int:pk>/", views_meetings.meeting_detail, name="cabinet-meeting"),
    path("<int:pk>/edit/", views_meetings.meeting_edit, name="cabinet-edit"),
    path("<int:meeting_pk>/agenda/new/", views_agenda.item_new, name="cabinet-agenda-new"),
    path("agenda/<int:pk>/", views_agenda.item_detail, name="cabinet-agenda"),
    path("agenda/<int:pk>/edit/", views_agenda.item_edit, name="cabinet-agenda-edit"),
    path("agenda/<int:pk>/resolution/", views_agenda.item_resolution, name="cabinet-resolution"),
    path("agenda/<int:pk>/followup/", views_agenda.item_followup, name="cabinet-followup"),
]
