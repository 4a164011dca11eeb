from django.urls import include, path

from prasan.tracking.views_inbox import inbox_kind

from . import views

urlpatterns = [
    path("", include("prasan.accounts.urls")),
    path("my-work/", views.my_work, name="my-work"),
    path("my-work/inbox-badge/", views.inbox_badge, name="inbox-badge"),
    path("my-work/inbox/<str:kind>/", inbox_kind, name="inbox-kind"),
    path("signed-in/", views.signed_in, name="signed-in"),
]
