from django.contrib import admin
from django.urls import include, path

from prasan.accounts.views import admin_login
from prasan.api.main import api
from prasan.web import views as web

admin.site.site_header = "ประสาน — ผู้ดูแลระบบ"
admin.site.site_title = "ประสาน"
admin.site.index_title = "การตั้งค่าระบบ"
admin.site.login = admin_login

urlpatterns = [
    path("", web.home, name="home"),
    path("healthz", web.healthz, name="healthz"),
    path("", include("prasan.web.urls")),
    path("matters/", include("prasan.matters.urls")),
    path("", include("prasan.coordination.urls")),
    path("", include("prasan.documents.urls")),
    path("directory/", include("prasan.directory.urls")),
    path("registers/", include("prasan.correspondence.urls")),
    path("records/", include("prasan.records.urls")),
    path("tracking/", include("prasan.tracking.urls")),
    path("parliament/", include("prasan.parliament.urls")),
    path("cabinet/", include("prasan.cabinet.urls")),
    path("policies/", include("prasan.policy.urls")),
    path("briefing/", include("prasan.briefing.urls")),
    path("publishing/", include("prasan.publishing.urls")),
    path("agenda/", include("prasan.agenda.urls")),
    path("complaints/import/", include("prasan.complaints.imports.urls")),
    path("complaints/", include("prasan.complaints.urls")),
    path("public/complaint/", include("prasan.complaints.public.urls")),
    path("public/", include("prasan.public_site.urls")),
    path("search/", include("prasan.search.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
