from django.urls import path

from . import views

urlpatterns = [
    path("matters/<int:pk>/documents/new/", views.new_document, name="document-new"),
    path("documents/<int:pk>/", views.document_detail, name="document-detail"),
    path("documents/<int:pk>/preview/", views.preview, name="document-preview"),
    path("documents/<int:pk>/file.<str:fmt>", views.document_file, name="document-file"),
    path("documents/<int:pk>/compare/", views.compare, name="document-compare"),
    path("documents/<int:pk>/submit/", views.submit, name="document-submit"),
    path("documents/<int:pk>/decide/", views.decide, name="document-decide"),
    path("documents/<int:pk>/sign/", views.sign, name="document-sign"),
    path("documents/<int:pk>/dispatch/", views.dispatch, name="document-dispatch"),
]
