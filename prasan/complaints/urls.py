"""Complaint pages under /complaints/."""

from django.urls import path

from . import views, views_privacy, views_reports

urlpatterns = [
    path("", views.complaint_list, name="complaint-list"),
    path("export.<str:fmt>", views.complaint_export, name="complaint-export"),
    path("new/", views.complaint_new, name="complaint-new"),
    path("<int:pk>/", views.complaint_detail, name="complaint-detail"),
    path("<int:pk>/pause/", views.complaint_pause, name="complaint-pause"),
    path("<int:pk>/forward/", views.complaint_forward, name="complaint-forward"),
    path("<int:pk>/reply/", views.complaint_reply, name="complaint-reply"),
    path("<int:pk>/replies/<int:reply_pk>/name/", views.complaint_name_letter, name="complaint-name-letter"),
    path("<int:pk>/conclude/", views.complaint_conclude, name="complaint-conclude"),
    path("<int:pk>/satisfaction/", views.complaint_satisfaction, name="complaint-satisfaction"),
    path("<int:pk>/link/", views.complaint_link, name="complaint-link"),
    path("<int:pk>/unmask/", views_privacy.unmask, name="complaint-unmask"),
    path("<int:pk>/envelope/", views_privacy.envelope, name="complaint-envelope"),
    path("<int:pk>/new-code/", views_privacy.new_code, name="complaint-new-code"),
    path("<int:pk>/correct/", views_privacy.correct, name="complaint-correct"),
    path("data-subject/", views_privacy.subject_request, name="complaint-subject"),
    path("data-subject/reason/", views_privacy.unmask_reason_post, name="complaint-subject-reason"),
    path("privacy-notice/", views_privacy.notice, name="complaint-notice"),
    path("record-of-processing.<str:fmt>", views_privacy.ropa_export, name="complaint-ropa"),
    path("breaches/", views_privacy.breaches, name="complaint-breaches"),
    path("breaches/<int:pk>/reported/", views_privacy.breach_reported, name="complaint-breach-reported"),
    path("reports/", views_reports.report_page, name="complaint-report"),
    path("reports/export.<str:fmt>", views_reports.report_export, name="complaint-report-export"),
]
