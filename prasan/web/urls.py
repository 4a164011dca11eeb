from django.urls import include, path

from . import views

urlpatterns = [
    path("", include("prasan.accounts.urls")),
    path("my-work/", views.my_work, name="my-work"),
    path("my-work/inbox-badge/", views.inbox_badge, name="inbox-badge"),
    path("signed-in/", views.signed_in, name="signed-in"),
]
