from django.urls import path

from . import views

urlpatterns = [
    path("", views.pack_list, name="briefing-list"),
    path("new/", views.pack_new, name="briefing-new"),
    path("<int:pk>/", views.pack_detail, name="briefing-pack"),
    path("<int:pk>/parts/", views.part_add, name="briefing-part-add"),
    path("<int:pk>/parts/order/", views.part_order, name="briefing-part-order"),
    path("<int:pk>/parts/<int:part>/move/", views.part_move, name="briefing-part-move"),
    path("<int:pk>/parts/<int:part>/remove/", views.part_remove, name="briefing-part-remove"),
    path("<int:pk>/build/", views.pack_build, name="briefing-build"),
    path("<int:pk>/progress/", views.pack_progress, name="briefing-progress"),
    path("<int:pk>/download/", views.pack_download, name="briefing-download"),
]
