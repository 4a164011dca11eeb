"""Tracking pages under /tracking/: dashboards, reports, notifications, holidays and the calendar feed."""

from django.urls import path

from . import ics, views_dashboard, views_holidays, views_notifications, views_reports

urlpatterns = [
    path("", views_dashboard.dashboard, name="dashboard"),
    path("office/", views_dashboard.office_dashboard, name="dashboard-office"),
    path("unit/<int:unit_id>/", views_dashboard.unit_dashboard, name="dashboard-unit"),
    path("decisions/", views_dashboard.decisions_dashboard, name="dashboard-decisions"),
    path("reports/", views_reports.report_page, name="reports"),
    path("reports/export.<str:fmt>", views_reports.report_export, name="reports-export"),
    path("notifications/", views_notifications.notifications, name="notifications"),
    path("notifications/<int:pk>/", views_notifications.open_notification, name="notification-open"),
    path("notifications/read-all/", views_notifications.mark_all_read, name="notifications-read-all"),
    path("notifications/preferences/", views_notifications.preferences, name="notification-preferences"),
    path("holidays/", views_holidays.holiday_list, name="holidays"),
    path("holidays/add/", views_holidays.holiday_add, name="holidays-add"),
    path("holidays/import/", views_holidays.holiday_import_view, name="holidays-import"),
    path("holidays/<int:pk>/delete/", views_holidays.holiday_delete, name="holidays-delete"),
    path("calendar/", ics.calendar_page, name="calendar-page"),
    path("calendar/<str:token>.ics", ics.feed, name="calendar-feed"),
]
