"""Parliament pages under /parliament/."""

from django.urls import path

from . import views_items, views_people, views_report, views_sittings, views_week

urlpatterns = [
    path("", views_items.item_list, name="parliament-list"),
    path("week/", views_week.this_week, name="parliament-week"),
    path("new/", views_items.item_new, name="parliament-new"),
    path("<int:pk>/", views_items.item_detail, name="parliament-item"),
    path("<int:pk>/edit/", views_items.item_edit, name="parliament-edit"),
    path("<int:pk>/status/", views_items.item_status, name="parliament-status"),
    path("<int:pk>/delegations/", views_people.add_delegation, name="parliament-delegation"),
    path("<int:pk>/delegations/<int:row>/", views_people.edit_delegation, name="parliament-delegation-edit"),
    path("<int:pk>/delegations/<int:row>/remove/", views_people.remove_delegation,
         name="parliament-delegation-remove"),
    path("<int:pk>/attendees/", views_people.add_attendee, name="parliament-attendee"),
    path("<int:pk>/attendees/<int:row>/remove/", views_people.remove_attendee, name="parliament-attendee-remove"),
    path("reports/", views_report.report_page, name="parliament-report"),
    path("reports/export.<str:fmt>", views_report.report_export, name="parliament-report-export"),
    path("sittings/", views_sittings.sittings_page, name="parliament-sittings"),
    path("sittings/template.csv", views_sittings.sittings_template, name="parliament-sittings-template"),
]
