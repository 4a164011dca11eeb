from django.urls import path

from .views import detail, edit, intake, lists, sharing

urlpatterns = [
    path("", lists.matter_list, name="matter-list"),
    path("export.<str:fmt>", lists.matter_export, name="matter-export"),
    path("command/", intake.quick_command, name="quick-command"),
    path("new/", intake.new_matter, name="matter-new"),
    path("<int:pk>/", detail.matter_detail, name="matter-detail"),
    path("<int:pk>/edit/", edit.edit_matter, name="matter-edit"),
    path("<int:pk>/share/", sharing.share, name="matter-share"),
    path("<int:pk>/share/<int:share_id>/remove/", sharing.unshare, name="matter-unshare"),
    path("<int:pk>/event/", detail.fire_event, name="matter-event"),
    path("<int:pk>/plan/", detail.edit_plan, name="matter-plan"),
    path("<int:pk>/milestones/", detail.add_milestone, name="matter-milestone-add"),
    path("<int:pk>/milestones/<int:milestone_id>/done/", detail.toggle_milestone, name="matter-milestone-toggle"),
    path("<int:pk>/files/", detail.upload_file, name="matter-file-upload"),
    path("<int:pk>/files/<int:file_id>/", detail.download_file, name="matter-file"),
]
