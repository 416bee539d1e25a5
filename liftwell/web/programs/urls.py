from django.urls import path

from liftwell.web.programs import views

urlpatterns = [
    path("", views.program_list, name="program-list"),
    path("import/", views.program_import, name="program-import"),
    path("stop/", views.program_stop, name="program-stop"),
    path("library/<slug:slug>/", views.builtin_detail, name="program-builtin"),
    path("library/<slug:slug>/download/", views.builtin_download, name="program-builtin-download"),
    path("library/<slug:slug>/start/", views.builtin_start, name="program-builtin-start"),
    path("<int:pk>/", views.program_detail, name="program-detail"),
    path("<int:pk>/download/", views.program_download, name="program-download"),
    path("<int:pk>/start/", views.program_start, name="program-start"),
    path("<int:pk>/delete/", views.program_delete, name="program-delete"),
]
