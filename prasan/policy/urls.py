"""Policy follow-up pages under /policies/."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.policy_list_page, name="policy-list"),
    path("new/", views.policy_new, name="policy-new"),
    path("<int:pk>/", views.policy_detail, name="policy-detail"),
    path("<int:pk>/edit/", views.policy_edit, name="policy-edit"),
    path("<int:pk>/commitments/new/", views.commitment_new, name="policy-commitment-new"),
    path("<int:pk>/due/<int:due_id>/", views.due_detail, name="policy-due"),
    path("<int:pk>/export.xlsx", views.policy_xlsx, name="policy-xlsx"),
    path("<int:pk>/memo/", views.policy_memo, name="policy-memo"),
    path("<int:pk>/commitments/<int:commitment_id>/close/", views.commitment_close, name="policy-commitment-close"),
]
