from django.urls import path

from . import views

urlpatterns = [
    path("", views.post_list, name="post-list"),
    path("new/", views.post_new, name="post-new"),
    path("from-matter/<int:matter_pk>/", views.from_matter, name="post-from-matter"),
    path("from-agenda/<int:item_pk>/", views.from_agenda_item, name="post-from-agenda"),
    path("from-document/<int:document_pk>/", views.from_document, name="post-from-document"),
    path("<int:pk>/", views.post_detail, name="post-detail"),
    path("<int:pk>/edit/", views.post_edit, name="post-edit"),
    path("<int:pk>/do/<str:event>/", views.post_action, name="post-action"),
    path("<int:pk>/line/", views.post_rebroadcast, name="post-line"),
    path("<int:pk>/images/", views.image_add, name="post-image-add"),
    path("<int:pk>/images/<int:image_pk>/", views.image_file, name="post-image"),
    path("<int:pk>/images/<int:image_pk>/<str:what>/", views.image_change, name="post-image-change"),
    path("<int:pk>/versions/<int:number>/", views.version_detail, name="post-version"),
]
