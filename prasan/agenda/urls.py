"""The minister's agenda under /agenda/."""

from django.urls import path

from . import views, views_feed, views_print

urlpatterns = [
    path("", views.week, name="agenda-week"),
    path("day/<str:day>/", views.day, name="agenda-day"),
    path("day/<str:day>/sheet.pdf", views_print.day_sheet, name="agenda-day-sheet"),
    path("new/", views.item_new, name="agenda-new"),
    path("overlaps/", views.overlap_check, name="agenda-overlaps"),
    path("<int:pk>/", views.item_detail, name="agenda-item"),
    path("<int:pk>/edit/", views.item_edit, name="agenda-edit"),
    path("<int:pk>/status/", views.item_status, name="agenda-status"),
    path("calendar/", views_feed.calendar_page, name="agenda-calendar"),
    path("feed/<str:token>.ics", views_feed.feed, name="agenda-feed"),
]
